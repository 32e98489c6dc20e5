import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzippedMnistDir } from '../../src/server/gzipped-mnist.js';
import { fetchOnce, openDescriptors, residentBytes, startChildServer, waitFor, type Outcome } from './child-server.js';

const TRAIN_IMAGES = 'train-images-idx3-ubyte.gz';
const DOWNLOAD = `/data/${TRAIN_IMAGES}`;

const describe = (outcomes: Outcome[]): string => {
  const tally = new Map<string, number>();
  for (const o of outcomes) {
    const key = 'error' in o ? o.error : String(o.status);
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  return [...tally].map(([key, n]) => `${n}× ${key}`).join(', ');
};

test('50 downloads of the training images (9.8 MB gzipped) aborted after the first chunk leave no descriptor open', async () => {
  const server = await startChildServer();
  try {
    assert.deepEqual(await fetchOnce(server.port, '/'), { status: 200, bytes: readFileSync(join(server.root, 'index.html')).length });
    const before = openDescriptors(server.pid, TRAIN_IMAGES);
    assert.equal(before.file, 0);
    const outcomes: Outcome[] = [];
    for (let wave = 0; wave < 5; wave++) {
      outcomes.push(...(await Promise.all(Array.from({ length: 10 }, () => fetchOnce(server.port, DOWNLOAD, { abortAfterFirstChunk: true })))));
    }
    const size = readFileSync(join(await gzippedMnistDir(), TRAIN_IMAGES)).length;
    assert.ok(outcomes.every((o) => 'status' in o && o.status === 200 && o.bytes > 0 && o.bytes < size), describe(outcomes));
    // The server learns of each abort asynchronously; before the fix the count stayed at 50 for good.
    const released = await waitFor(() => {
      const now = openDescriptors(server.pid, TRAIN_IMAGES);
      return now.file === 0 && now.all <= before.all;
    }, 5000);
    const after = openDescriptors(server.pid, TRAIN_IMAGES);
    assert.ok(released, `after 50 aborts: ${after.file} descriptors on ${TRAIN_IMAGES}, ${after.all} open in all (${before.all} before)`);
    assert.equal(server.exited(), null);
  } finally {
    server.stop();
  }
});

test('under a 120-descriptor limit, 3 rounds of 150 simultaneous aborted downloads: the server lives, answers 503 when out of descriptors, then serves', { timeout: 60_000 }, async () => {
  const server = await startChildServer(120);
  try {
    const before = openDescriptors(server.pid, TRAIN_IMAGES);
    const all: Outcome[] = [];
    for (let round = 1; round <= 3; round++) {
      const outcomes = await Promise.all(Array.from({ length: 150 }, () => fetchOnce(server.port, DOWNLOAD, { abortAfterFirstChunk: true })));
      all.push(...outcomes);
      // A download started (200, cut by us), or refused for lack of descriptors (503), or a connection
      // the kernel could not hand over (reset). Refused connections would mean the server died.
      const fine = outcomes.every((o) => ('status' in o ? o.status === 200 || o.status === 503 : o.error === 'ECONNRESET' || o.error === 'EPIPE'));
      assert.ok(fine, `round ${round}: ${describe(outcomes)}`);
      assert.equal(server.exited(), null, `round ${round}: the server died: ${server.stderr()}`);
      assert.ok(await waitFor(() => openDescriptors(server.pid, TRAIN_IMAGES).file === 0, 5000), `round ${round}: descriptors left on ${TRAIN_IMAGES}`);
    }
    console.log(`# 450 aborted downloads under ulimit -n 120: ${describe(all)}`);
    assert.ok(all.some((o) => 'status' in o && o.status === 503), `the limit was reached at least once: ${describe(all)}`);
    assert.doesNotMatch(server.stderr(), /EMFILE|Unhandled|Error/);
    assert.deepEqual(await fetchOnce(server.port, '/'), { status: 200, bytes: readFileSync(join(server.root, 'index.html')).length });
    const labels = 't10k-labels-idx1-ubyte.gz';
    assert.deepEqual(await fetchOnce(server.port, `/data/${labels}`), { status: 200, bytes: readFileSync(join(await gzippedMnistDir(), labels)).length });
    assert.ok(await waitFor(() => openDescriptors(server.pid, TRAIN_IMAGES).all <= before.all, 5000), 'sockets and files all closed again');
  } finally {
    server.stop();
  }
});

test('load: 10,000 requests over 50 keep-alive connections, 0 errors, resident memory within 50 MB of before', { timeout: 20_000 }, async () => {
  const server = await startChildServer();
  const agent = new Agent({ keepAlive: true, maxSockets: 50 });
  const sockets = new Set<unknown>();
  const paths = ['/', '/assets/app.js', '/data/t10k-labels-idx1-ubyte.gz'];
  const run = async (requests: number): Promise<Outcome[]> => {
    const outcomes: Outcome[] = [];
    await Promise.all(
      Array.from({ length: 50 }, async (_, worker) => {
        for (let i = 0; i < requests / 50; i++) outcomes.push(await fetchOnce(server.port, paths[(worker + i) % paths.length], { agent, onSocket: (s) => sockets.add(s) }));
      }),
    );
    return outcomes;
  };
  try {
    // Warm up (JIT, buffers, the page cache) before the first measurement.
    for (const o of await run(500)) assert.ok('status' in o && o.status === 200, JSON.stringify(o));
    const rssBefore = residentBytes(server.pid);
    const start = performance.now();
    const outcomes = await run(10_000);
    const seconds = (performance.now() - start) / 1000;
    const rssAfter = residentBytes(server.pid);
    const failed = outcomes.filter((o) => !('status' in o) || o.status !== 200);
    assert.equal(outcomes.length, 10_000);
    assert.equal(failed.length, 0, `errors: ${describe(failed)}`);
    assert.ok(sockets.size <= 50, `${sockets.size} connections opened: keep-alive not reused`);
    const growth = (rssAfter - rssBefore) / 2 ** 20;
    assert.ok(growth < 50, `resident memory grew by ${growth.toFixed(1)} MB (${(rssBefore / 2 ** 20).toFixed(1)} → ${(rssAfter / 2 ** 20).toFixed(1)} MB)`);
    console.log(`# load: 10,000 requests in ${seconds.toFixed(2)} s (${Math.round(10_000 / seconds)}/s) over ${sockets.size} connections; RSS ${(rssBefore / 2 ** 20).toFixed(1)} → ${(rssAfter / 2 ** 20).toFixed(1)} MB`);
  } finally {
    agent.destroy();
    server.stop();
  }
});

test('slowloris: 200 sockets trickling headers do not starve normal requests', { timeout: 60_000 }, async () => {
  const server = await startChildServer();
  const slow: Socket[] = [];
  let closedByServer = 0;
  const timers: NodeJS.Timeout[] = [];
  try {
    await Promise.all(
      Array.from(
        { length: 200 },
        () =>
          new Promise<void>((resolve, reject) => {
            const socket = connect(server.port, '127.0.0.1', () => {
              socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`);
              resolve();
            });
            socket.on('error', reject);
            socket.on('close', () => closedByServer++);
            socket.resume();
            slow.push(socket);
            // One more header line a second, never the blank line that ends them.
            timers.push(setInterval(() => socket.write('X-Slow: 1\r\n'), 1000));
          }),
      ),
    );
    const sequential: Outcome[] = [];
    for (let i = 0; i < 20; i++) sequential.push(await fetchOnce(server.port, i % 2 ? '/' : '/assets/app.js'));
    const parallel = await Promise.all(Array.from({ length: 20 }, () => fetchOnce(server.port, '/')));
    for (const o of [...sequential, ...parallel]) assert.ok('status' in o && o.status === 200, JSON.stringify(o));
    assert.equal(closedByServer, 0, 'the slow sockets were still open while the normal requests were served');
  } finally {
    for (const timer of timers) clearInterval(timer);
    for (const socket of slow) socket.destroy();
    server.stop();
  }
});

test('431 for oversized headers, 405 (with Allow) for every method but GET and HEAD', async () => {
  const server = await startChildServer();
  try {
    const status = (method: string, headers: Record<string, string> = {}): Promise<{ status: number; allow: string | undefined }> =>
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, path: '/', method, headers, agent: false }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, allow: res.headers.allow });
        });
        req.on('error', reject);
        req.end();
      });
    assert.equal((await status('GET', { 'X-Big': 'x'.repeat(20_000) })).status, 431);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) assert.deepEqual(await status(method), { status: 405, allow: 'GET, HEAD' }, method);
    assert.equal((await status('HEAD')).status, 200);
    assert.equal(server.exited(), null);
  } finally {
    server.stop();
  }
});
