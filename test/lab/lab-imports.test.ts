import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './harness.js';

const LAB = join(ROOT, 'src/lab');

/** Every .ts file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** The Lab-internal part a file belongs to: "shared", "components", "embed" or "pages/<page>"; null outside src/lab's parts. */
function part(file: string): string | null {
  const [top, page] = relative(LAB, file).split('/');
  if (top === 'pages') return `pages/${page}`;
  return ['shared', 'components', 'embed'].includes(top) ? top : null;
}

/** What each part may import inside src/lab (anything outside src/lab — the engine — is allowed). */
function allowed(from: string, to: string): boolean {
  if (from === to) return true;
  if (from === 'shared') return false;
  if (from === 'components') return to === 'shared';
  if (from === 'embed') return to === 'shared' || to === 'components';
  return to === 'shared' || to === 'components'; // a page: never another page, never the embed script
}

describe('src/lab layering: shared ← components ← embed and pages; no page imports another', () => {
  it('every import of every Lab source follows the rule', () => {
    const broken: string[] = [];
    for (const file of sources(LAB)) {
      const from = part(file);
      if (from === null) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\s*\(?\s*|new URL\(\s*)'(\.{1,2}\/[^']+)'/g)) {
        const target = resolve(dirname(file), m[1]);
        if (!target.startsWith(LAB)) continue;
        const to = part(target);
        if (to !== null && !allowed(from, to)) broken.push(`${relative(LAB, file)} imports ${m[1]} (${from} → ${to})`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it('no file in src/lab is longer than 300 lines', () => {
    const long = sources(join(ROOT, 'src')).filter((f) => f.startsWith(LAB)).map((f) => [relative(ROOT, f), readFileSync(f, 'utf8').split('\n').length - 1] as const).filter(([, n]) => n > 300);
    assert.deepEqual(long, []);
  });
});
