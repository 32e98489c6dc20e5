#!/usr/bin/env node
// The `digitlab` command. It runs the compiled CLI in lib/ (made by `npm run build`, which
// `npm install`, `npm test` and `npm pack` run first). In a clone of the repository, where
// src/ sits beside lib/, it runs the TypeScript sources through tsx instead whenever lib/ is
// missing or older than a source file, so an edit is never hidden behind a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const compiled = new URL('lib/cli/main.js', root);

if (builtFromCurrentSources()) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('src/cli/main.ts', root).href);
}

/** True in the installed package (no src/), or when lib/ is newer than every compiled source. */
function builtFromCurrentSources() {
  const sources = new URL('src/', root);
  if (!existsSync(sources)) return true;
  if (!existsSync(compiled)) return false;
  return newestSource(sources) <= statSync(compiled).mtimeMs;
}

/** Latest modification time under src/, leaving out the Lab and its server (not in lib/). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (dir.href.endsWith('/src/') && (entry.name === 'lab' || entry.name === 'server')) continue;
      newest = Math.max(newest, newestSource(new URL(`${entry.name}/`, dir)));
    } else if (entry.name.endsWith('.ts')) {
      newest = Math.max(newest, statSync(new URL(entry.name, dir)).mtimeMs);
    }
  }
  return newest;
}
