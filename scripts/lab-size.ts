import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Prints what the built Lab ships, gzipped: the JavaScript (page + Worker), the CSS and the
 * WebAssembly kernels — excluding the model and the MNIST data. Run after `vite build`.
 */
const dir = process.argv[2] ?? join(import.meta.dirname ?? '.', '..', 'dist', 'lab', 'assets');
const totals = new Map<string, { raw: number; gzip: number }>();
for (const name of readdirSync(dir)) {
  const bytes = readFileSync(join(dir, name));
  const kind = name.split('.').pop() ?? '';
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const total = totals.get(kind) ?? { raw: 0, gzip: 0 };
  totals.set(kind, { raw: total.raw + bytes.length, gzip: total.gzip + gzip });
  console.log(`  ${name.padEnd(36)} ${(bytes.length / 1024).toFixed(1).padStart(7)} kB  gzip ${(gzip / 1024).toFixed(1).padStart(6)} kB`);
}
const js = totals.get('js') ?? { raw: 0, gzip: 0 };
console.log(`Lab JavaScript shipped (page + Worker): ${(js.raw / 1024).toFixed(1)} kB, ${(js.gzip / 1024).toFixed(1)} kB gzipped` +
  ` (CSS ${((totals.get('css')?.gzip ?? 0) / 1024).toFixed(1)} kB, wasm ${((totals.get('wasm')?.gzip ?? 0) / 1024).toFixed(1)} kB gzipped; model and data not counted)`);
