import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { labDataMiddleware } from '../../src/server/data-middleware.js';
import { gunzipSync } from 'node:zlib';
import { mnistDataDir } from '../../src/server/request-path.js';

// Vite's dev server runs this middleware before its own; here "next" answers 418 so a hand-over is visible.
let server: Server;
let port: number;
before(async () => {
  const middleware = labDataMiddleware();
  server = createServer((req, res) =>
    middleware(req, res, () => {
      res.statusCode = 418;
      res.end('next');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(() => server.close());

function get(path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test("Vite's data middleware serves the MNIST files, gzipped, as the Lab server does and hands every other path on", async () => {
  const labels = await get('/data/t10k-labels-idx1-ubyte.gz?cache=1');
  assert.equal(labels.status, 200);
  assert.deepEqual(gunzipSync(labels.bytes), readFileSync(join(mnistDataDir(), 't10k-labels-idx1-ubyte')));
  assert.equal(labels.headers['content-type'], 'application/gzip');
  assert.equal((await get('/data/t10k-labels-idx1-ubyte')).status, 404, 'only the .gz names');
  assert.equal(labels.headers['cross-origin-embedder-policy'], 'require-corp');
  assert.match(String(labels.headers['cache-control']), /immutable/);
  assert.equal((await get('/data/package.json')).status, 404);
  assert.equal((await get('/data/fashion/package.json')).status, 404);
  assert.equal((await get('/data/%2e%2e/package.json')).status, 403);
  assert.equal((await get('/data/..%2f..%2fpackage.json')).status, 403);
  assert.equal((await get('/data/t10k-labels-idx1-ubyte.gz', 'POST')).status, 405);
  assert.equal((await get('/index.html')).status, 418);
  assert.equal((await get('/database.js')).status, 418);
});
