import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FASHION_MNIST_DIRECTORY } from '../../src/data/idx-dir.js';
import { gzippedMnistDir } from '../../src/server/gzipped-mnist.js';
import { resolveRequestPath } from '../../src/server/static-server.js';
import { startServer } from './harness.js';

/** A raw GET (no URL normalisation by a client library), returning status, headers and body. */
function get(
  url: string,
  path: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (chunk: string) => {
        if (body.length < 1000) body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Lab server', () => {
  let root: string;
  let base: string;
  let close: () => void;
  /** The gzipped test labels as served, and their length. */
  let labels: Buffer;
  let labelsLength: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'digitlab-server-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>lab</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    const dataDir = await gzippedMnistDir();
    labels = readFileSync(join(dataDir, 't10k-labels-idx1-ubyte.gz'));
    labelsLength = String(statSync(join(dataDir, 't10k-labels-idx1-ubyte.gz')).size);
    const { server, url } = await startServer(root, dataDir);
    base = url;
    close = () => server.close();
  });
  after(() => {
    close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the app with COOP, COEP and a Content-Security-Policy', async () => {
    const res = await get(base, '/');
    assert.equal(res.status, 200);
    assert.match(res.body, /<title>lab/);
    assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin');
    assert.equal(res.headers['cross-origin-embedder-policy'], 'require-corp');
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal((await get(base, '/assets/app.js')).headers['content-type'], 'text/javascript; charset=utf-8');
  });

  it('serves the four MNIST files, gzipped, and nothing else under /data/', async () => {
    const res = await get(base, '/data/t10k-labels-idx1-ubyte.gz', 'HEAD');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-length'], labelsLength);
    assert.equal(res.headers['content-type'], 'application/gzip');
    assert.equal(res.headers['content-encoding'], undefined, 'the page gunzips the bytes itself');
    assert.equal(res.headers['cross-origin-embedder-policy'], 'require-corp');
    assert.equal((await get(base, '/data/t10k-labels-idx1-ubyte')).status, 404, 'only the .gz names');
    assert.equal((await get(base, '/data/package.json')).status, 404);
    assert.equal((await get(base, '/data/')).status, 404);
  });

  it('serves the four gzipped Fashion-MNIST files under /data/fashion/ when installed, nothing else', async (t) => {
    assert.equal((await get(base, '/data/fashion/')).status, 404);
    assert.equal((await get(base, '/data/fashion/t10k-labels-idx1-ubyte')).status, 404, 'only the .gz names');
    assert.equal((await get(base, '/data/fashion/../t10k-labels-idx1-ubyte.gz')).status, 403);
    assert.equal((await get(base, '/data/fashion/%2e%2e/%2e%2e/etc/passwd')).status, 403);
    if (!existsSync(FASHION_MNIST_DIRECTORY)) {
      t.skip(`${FASHION_MNIST_DIRECTORY} missing`);
      return;
    }
    const res = await get(base, '/data/fashion/t10k-labels-idx1-ubyte.gz', 'HEAD');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/gzip');
    assert.equal(res.headers['content-encoding'], undefined, 'the page gunzips the bytes itself');
    assert.equal(res.headers['cross-origin-embedder-policy'], 'require-corp');
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
  });

  it('refuses path traversal, plain and encoded, with 403 or 404', async () => {
    const attempts = [
      '/../../etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/../../../etc/passwd',
      '/%252e%252e/etc/passwd',
      '/..%5c..%5cetc%5cpasswd',
      '/data/../../../etc/passwd',
      '/data/..%2f..%2fpackage.json',
      '/index.html%00.js',
      '/%c0%ae%c0%ae/etc/passwd',
      '//etc/passwd',
    ];
    for (const path of attempts) {
      const res = await get(base, path);
      assert.ok(res.status === 403 || res.status === 404, `${path} → ${res.status}`);
      assert.doesNotMatch(res.body, /root:/, path);
      assert.equal(res.headers['content-security-policy'] !== undefined, true, `${path}: CSP on refusals too`);
    }
  });

  it('maps paths only inside the root (pure resolver)', () => {
    assert.deepEqual(resolveRequestPath('/a/../../x', '/srv', '/d'), { kind: 'refused', status: 403 });
    assert.deepEqual(resolveRequestPath('/', '/srv', '/d'), { kind: 'file', file: '/srv/index.html' });
    assert.deepEqual(resolveRequestPath('/data/train-images-idx3-ubyte.gz', '/srv', '/d'), { kind: 'file', file: '/d/train-images-idx3-ubyte.gz' });
    assert.deepEqual(resolveRequestPath('/data/train-images-idx3-ubyte', '/srv', '/d'), { kind: 'refused', status: 404 });
    assert.deepEqual(resolveRequestPath('/data/fashion/train-images-idx3-ubyte.gz', '/srv', '/d', '/f'), { kind: 'file', file: '/f/train-images-idx3-ubyte.gz' });
    assert.deepEqual(resolveRequestPath('/data/fashion/package.json', '/srv', '/d', '/f'), { kind: 'refused', status: 404 });
  });

  it('answers only GET and HEAD', async () => {
    assert.equal((await get(base, '/', 'POST')).status, 405);
  });

  it('serves absolute-URI request lines for its own host and port (RFC 9112 §3.2.2), 421 for other servers', async () => {
    const { port } = new URL(base);
    const home = await get(base, `http://127.0.0.1:${port}/`);
    assert.equal(home.status, 200);
    assert.match(home.body, /<title>lab/);
    assert.match(String(home.headers['content-security-policy']), /default-src 'self'/);
    for (const target of [`http://localhost:${port}/assets/app.js`, `HTTP://LocalHost:${port}/assets/app.js?v=1`, `http://[::1]:${port}/assets/app.js`]) {
      const res = await get(base, target);
      assert.equal(res.status, 200, target);
      assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8', target);
    }
    assert.equal((await get(base, `http://127.0.0.1:${port}`)).status, 200, 'an empty path is "/"');
    assert.equal((await get(base, `http://127.0.0.1:${port}/data/t10k-labels-idx1-ubyte.gz`, 'HEAD')).headers['content-length'], labelsLength);
    for (const target of ['http://example.com/', `http://example.com:${port}/`, `http://127.0.0.1:${Number(port) === 1 ? 2 : 1}/`, `https://127.0.0.1:${port}/`, `ftp://127.0.0.1:${port}/`]) {
      const res = await get(base, target);
      assert.equal(res.status, 421, target);
      assert.match(res.body, /misdirected request: this server answers only for its own address/, target);
      assert.ok(res.headers['content-security-policy'], `${target}: CSP on refusals too`);
    }
    assert.equal((await get(base, `http://user@127.0.0.1:${port}/`)).status, 400, 'user info in the URI');
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/data/..%2f..%2fpackage.json', '/assets/../../../etc/passwd']) {
      const res = await get(base, `http://127.0.0.1:${port}${path}`);
      assert.equal(res.status, 403, `absolute form of ${path}: judged as the path itself, not normalised away`);
      assert.doesNotMatch(res.body, /root:/);
    }
  });

  it('answers Range and conditional requests for the data (206, 304) with the security headers', async () => {
    const part = await get(base, '/data/t10k-labels-idx1-ubyte.gz', 'GET', { Range: 'bytes=0-7' });
    assert.equal(part.status, 206);
    assert.equal(part.headers['content-range'], `bytes 0-7/${labelsLength}`);
    // The gzip header: magic 1f 8b, method 8 (deflate), then the file's own bytes.
    assert.deepEqual([...Buffer.from(part.body, 'latin1')], [...labels.subarray(0, 8)]);
    assert.deepEqual([...labels.subarray(0, 3)], [0x1f, 0x8b, 8]);
    assert.equal(part.headers['cross-origin-embedder-policy'], 'require-corp');
    const whole = await get(base, '/data/t10k-labels-idx1-ubyte.gz', 'HEAD');
    const etag = String(whole.headers.etag);
    const again = await get(base, '/data/t10k-labels-idx1-ubyte.gz', 'GET', { 'If-None-Match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.headers['cross-origin-embedder-policy'], 'require-corp');
    const beyond = await get(base, '/data/t10k-labels-idx1-ubyte.gz', 'GET', { Range: 'bytes=20000-' });
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers['content-range'], `bytes */${labelsLength}`);
    assert.match(String(beyond.headers['content-security-policy']), /default-src 'self'/);
  });
});
