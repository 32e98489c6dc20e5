// Whether lib/ (the compiled CLI and library) is up to date with src/: used by bin/digitlab.js
// to choose between lib/ and the sources, and by the benchmark, which must measure the
// compiled CLI a user runs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package's root folder. */
export const root = fileURLToPath(new URL('../', import.meta.url));

/** True in the installed package (no src/), or when lib/ is newer than every compiled source (a few ms). */
export function builtFromCurrentSources() {
  const compiled = `${root}lib/cli/main.js`;
  if (!existsSync(`${root}src`)) return true;
  if (!existsSync(compiled)) return false;
  return newestSource(`${root}src`, true) <= statSync(compiled).mtimeMs;
}

/** Latest modification time of the .ts files under `dir`, leaving out the Lab (not in lib/: Vite builds it into site/). */
function newestSource(dir, top) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!(top && entry.name === 'lab')) newest = Math.max(newest, newestSource(path, false));
    } else if (entry.name.endsWith('.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}
