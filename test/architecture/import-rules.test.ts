import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

/**
 * The import rules of docs/ARCHITECTURE.md ("The rules the tests enforce"), checked over the real import graph of `src/`:
 * core imports nothing outside core; data ← model ← train ← explain/experiments/fast ←
 * cli/lab, with the site's server (src/server) below the faces: the CLI's `digitlab serve` runs it
 * (each layer may import only layers below it, or its own); nothing in src
 * imports bench/ or scripts/; no cycles between files.
 */
const ROOT = resolve(new URL('../../', import.meta.url).pathname);
const SRC = join(ROOT, 'src');

/** Each top-level folder of src/ and its rank; a module may import ranks ≤ its own. */
const RANK: Readonly<Record<string, number>> = {
  core: 0,
  data: 1,
  model: 2,
  train: 3,
  explain: 4,
  experiments: 4,
  fast: 4,
  cli: 5,
  lab: 5,
  server: 4,
};
/** Files directly in src/: the shared error type (usable by all) and the package entries (may import all). */
const TOP_FILES: Readonly<Record<string, number>> = { 'errors.ts': -1, 'index.ts': 6, 'node.ts': 6 };

/** A relative import of one source file: `from './x.js'`, `import('./x.js')`, `import './x.css'`. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every .ts file under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The file an import specifier names (`.js` in ESM source means the `.ts` beside it); null when outside src or not TypeScript. */
function target(from: string, specifier: string): string {
  const path = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  return path.endsWith('.js') ? path.slice(0, -3) + '.ts' : path;
}

/** The rank of a file of src/ (its top-level folder's), or undefined for files outside the rules. */
function rank(file: string): number | undefined {
  const rel = relative(SRC, file).split('/');
  return rel.length === 1 ? TOP_FILES[rel[0]] : RANK[rel[0]];
}

/** The import graph of src/: file → the files it imports (relative imports only). */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    // Comment lines may quote imports (`import … from './x.js'`): only code counts.
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    graph.set(file, [...text.matchAll(IMPORT)].map((m) => target(file, m[1])));
  }
  return graph;
}

/** Each edge that breaks the layering rule, as "from → to". */
export function layeringViolations(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const bad: string[] = [];
  for (const [from, imports] of graph) {
    for (const to of imports) {
      const show = `${relative(ROOT, from)} → ${relative(ROOT, to)}`;
      if (!to.startsWith(SRC + '/')) {
        // Outside src/: only the built kernels (a build artefact) are allowed.
        if (!relative(ROOT, to).startsWith('build/')) bad.push(show);
        continue;
      }
      if (!to.endsWith('.ts')) continue; // css, html, wasm next to a page
      const [a, b] = [rank(from), rank(to)];
      if (a === undefined || b === undefined) bad.push(`${show} (a folder with no place in the layering)`);
      else if (b > a) bad.push(show);
      else if (a === RANK.cli && b === RANK.lab && relative(SRC, from).split('/')[0] !== relative(SRC, to).split('/')[0]) bad.push(`${show} (one face imports another)`);
    }
  }
  return bad;
}

/** One cycle of the graph (as a path), or null when there is none. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

const graph = importGraph(sourceFiles(SRC));

test('every import in src/ follows the layering: core ← data ← model ← train ← explain/experiments/fast/server ← cli/lab', () => {
  assert.deepEqual(layeringViolations(graph), []);
});

test('core imports nothing outside core', () => {
  const outside = [...graph].flatMap(([from, imports]) =>
    rank(from) === RANK.core ? imports.filter((to) => rank(to) !== RANK.core && rank(to) !== TOP_FILES['errors.ts']).map((to) => relative(SRC, to)) : [],
  );
  assert.deepEqual(outside, []);
});

test('the import graph of src/ has no cycles', () => {
  const cycle = findCycle(graph);
  assert.equal(cycle?.map((f) => relative(SRC, f)).join(' → ') ?? null, null);
});

test('the checks catch what they are for: a forbidden edge, an import of bench/, a cycle', () => {
  const at = (p: string): string => join(SRC, p);
  const broken = new Map(graph);
  broken.set(at('core/network.ts'), [...(graph.get(at('core/network.ts')) ?? []), at('train/trainer.ts')]);
  broken.set(at('cli/main.ts'), [...(graph.get(at('cli/main.ts')) ?? []), join(ROOT, 'bench/run.ts')]);
  const known = new Set(layeringViolations(graph));
  const found = layeringViolations(broken).filter((v) => !known.has(v));
  assert.deepEqual(found.sort(), ['src/cli/main.ts → bench/run.ts', 'src/core/network.ts → src/train/trainer.ts']);
  const cyclic = new Map<string, string[]>([[at('a.ts'), [at('b.ts')]], [at('b.ts'), [at('a.ts')]]]);
  assert.ok(findCycle(cyclic));
});
