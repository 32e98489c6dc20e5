import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

/**
 * The Chromium inside the npm package `@sparticuz/chromium` (a devDependency): a headless
 * build of the browser, brotli-compressed in the package, so `npm install` alone provides a
 * browser — nothing downloads from outside the npm registry.
 *
 * Version 147.0.0 is pinned: the newest whose `engines` accept Node 20 (147.0.1 and later
 * ask for Node ≥ 22.17). Its binary needs libnss3, libnspr4 and libexpat, which a bare Debian
 * lacks; the package carries them too (`al2023.tar.br`, built for Amazon Linux 2023, glibc ≥
 * 2.34), so they are unpacked beside it and put on LD_LIBRARY_PATH. Left are libc, libm,
 * libdl, libpthread and libgcc_s, which every Debian has.
 */
export interface BundledChromium {
  /** The browser executable. */
  readonly executablePath: string;
  /** Environment additions for its process: its own libraries and fonts. */
  readonly env: Readonly<Record<string, string>>;
}

/**
 * Unpacks the browser once into `node_modules/.cache/digitlab-chromium/<version>/` (about
 * 220 MB, a few seconds) and returns how to start it. Unpacking goes to a private folder
 * that is renamed into place, so parallel test processes never see half a browser.
 */
export function bundledChromium(root: string): BundledChromium {
  const packageDir = join(root, 'node_modules', '@sparticuz', 'chromium');
  if (!existsSync(packageDir)) throw new Error('@sparticuz/chromium is not installed (run npm install)');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const cacheRoot = join(root, 'node_modules', '.cache', 'digitlab-chromium');
  const dir = join(cacheRoot, version);
  if (!existsSync(join(dir, 'chromium'))) unpack(join(packageDir, 'bin'), cacheRoot, dir);
  return {
    executablePath: join(dir, 'chromium'),
    env: { LD_LIBRARY_PATH: join(dir, 'lib'), FONTCONFIG_PATH: join(dir, 'fonts') },
  };
}

function unpack(bin: string, cacheRoot: string, dir: string): void {
  mkdirSync(cacheRoot, { recursive: true });
  const staging = join(cacheRoot, `.unpacking-${process.pid}-${Date.now()}`);
  mkdirSync(staging);
  try {
    // The browser itself is one brotli-compressed file; the rest are brotli-compressed tars.
    writeFileSync(join(staging, 'chromium'), brotliDecompressSync(readFileSync(join(bin, 'chromium.br'))));
    chmodSync(join(staging, 'chromium'), 0o755);
    untar(join(bin, 'swiftshader.tar.br'), staging); // libEGL, libGLESv2, SwiftShader: beside the binary
    untar(join(bin, 'al2023.tar.br'), staging); // lib/: libnss3, libnspr4, libexpat and NSS's modules
    mkdirSync(join(staging, 'fonts'));
    untar(join(bin, 'fonts.tar.br'), join(staging, 'fonts'));
    // The package's fonts.conf names /tmp/fonts (a Lambda convention); point fontconfig here instead.
    writeFileSync(
      join(staging, 'fonts', 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <dir>/usr/share/fonts</dir>\n  <dir>${join(dir, 'fonts')}</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another process unpacked it first: use theirs.
      if (!existsSync(join(dir, 'chromium'))) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function untar(file: string, into: string): void {
  const r = spawnSync('tar', ['-x', '-C', into, '--no-same-owner'], { input: brotliDecompressSync(readFileSync(file)) });
  if (r.status !== 0) throw new Error(`tar -x ${file}: ${r.error?.message ?? r.stderr.toString()}`);
}
