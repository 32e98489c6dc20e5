#!/usr/bin/env node
// The `digitlab` command. It runs the compiled CLI in lib/ (made by `npm run build`, which
// `npm install`, `npm test` and `npm pack` run first). In a clone of the repository, where
// src/ sits beside lib/, it runs the TypeScript sources through tsx instead whenever lib/ is
// missing or older than a source file, so an edit is never hidden behind a stale build.
import { builtFromCurrentSources } from './fresh-build.js';

if (builtFromCurrentSources()) {
  await import(new URL('../lib/cli/main.js', import.meta.url).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
