#!/usr/bin/env node
// The `digitlab` command. It runs the compiled CLI in lib/ (made by `npm run build`, which
// `npm install`, `npm test` and `npm pack` run first). In a clone of the repository, where
// src/ sits beside lib/, it runs the TypeScript sources through tsx instead whenever lib/ is
// missing or older than a source file, so an edit is never hidden behind a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const compiled = `${root}lib/cli/main.js`;

if (builtFromCurrentSources()) {
  await import(new URL('../lib/cli/main.js', import.meta.url).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}

/** True in the installed package (no src/), or when lib/ is newer than every compiled source (a few ms). */
function builtFromCurrentSources() {
  if (!existsSync(`${root}src`)) return true;
  if (!existsSync(compiled)) return false;
  return newestSource(`${root}src`, true) <= statSync(compiled).mtimeMs;
}

/** Latest modification time of the .ts files under `dir`, leaving out the Lab and its server (not in lib/). */
function newestSource(dir, top) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!(top && (entry.name === 'lab' || entry.name === 'server'))) newest = Math.max(newest, newestSource(path, false));
    } else if (entry.name.endsWith('.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}
