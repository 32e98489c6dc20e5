import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Prints what the built Lab ships, gzipped, per page: the JavaScript a page loads (its
 * entry, the chunks it preloads, and the Worker scripts those name), plus the whole build's
 * totals — excluding the model, the MNIST data and the service worker (sw.js: its size is
 * printed apart). Run after `npm run build:site` (which runs it on site/).
 */
const root = process.argv[2] ?? join(import.meta.dirname ?? '.', '..', 'site');
const assets = join(root, 'assets');
const gz = new Map<string, number>();
const text = new Map<string, string>();
// The chunks, and the scripts at the root of the build (embed.js, the embeddable figures' one
// script) — but not the service worker, whose list of files names every file of the site.
const files = [...readdirSync(assets).map((name) => join(assets, name)), ...readdirSync(root).filter((n) => n.endsWith('.js') && n !== 'sw.js').map((n) => join(root, n))];
for (const file of files) {
  const name = basename(file);
  const bytes = readFileSync(file);
  gz.set(name, gzipSync(bytes, { level: 9 }).length);
  if (name.endsWith('.js')) text.set(name, bytes.toString('utf8'));
}
const kB = (n: number): string => `${(n / 1024).toFixed(1)} kB`;

/** A chunk's source without its dynamic imports (`import("./x.js")` and Vite's preload list of them). */
function eagerPart(source: string): string {
  return source.replace(/import\(\s*[`"'][^`"']+[`"']\s*\)/g, '').replace(/__vite__mapDeps=[^;]*?\]\)\)\)/g, '');
}

/**
 * The JS files a page pulls in: entry + preloads, then anything they reference by name;
 * with `eager`, only what loads up front (dynamic `import()`s, e.g. KaTeX, left out).
 */
function pageScripts(html: string, eager = false): Set<string> {
  const found = new Set<string>();
  for (const m of html.matchAll(/(?:src|href)="(?:[^"]*\/)?([^"/]+\.js)"/g)) if (text.has(m[1])) found.add(m[1]);
  const queue = [...found];
  while (queue.length > 0) {
    const raw = text.get(queue.pop() as string) ?? '';
    const source = eager ? eagerPart(raw) : raw;
    for (const name of text.keys()) {
      if (!found.has(name) && source.includes(name)) {
        found.add(name);
        queue.push(name);
      }
    }
  }
  return found;
}

for (const page of ['index.html', 'experiments.html', join('explain', 'index.html'), join('learn', 'index.html'), join('digits', 'index.html'), join('examples', 'embed.html')]) {
  const file = join(root, page);
  if (!existsSync(file)) continue;
  const scripts = pageScripts(readFileSync(file, 'utf8'));
  const total = [...scripts].reduce((sum, name) => sum + (gz.get(name) ?? 0), 0);
  const eager = pageScripts(readFileSync(file, 'utf8'), true);
  const initial = [...eager].reduce((sum, name) => sum + (gz.get(name) ?? 0), 0);
  const lazy = [...scripts].filter((name) => !eager.has(name));
  console.log(`${page}: ${kB(total)} of JavaScript gzipped (${[...scripts].map((s) => basename(s)).join(', ')})`);
  if (lazy.length > 0) console.log(`  of which ${kB(initial)} up front, ${kB(total - initial)} on demand (${lazy.map((s) => basename(s)).join(', ')})`);
}
const sum = (ext: string): number => [...gz].filter(([n]) => n.endsWith(ext)).reduce((s, [, v]) => s + v, 0);
console.log(`whole build: JS ${kB(sum('.js'))}, CSS ${kB(sum('.css'))}, wasm ${kB(sum('.wasm'))} gzipped (model, data and service worker not counted)`);
if (existsSync(join(root, 'sw.js'))) console.log(`service worker (sw.js, with its list of the site's files): ${kB(gzipSync(readFileSync(join(root, 'sw.js')), { level: 9 }).length)} gzipped, loaded after each page`);
