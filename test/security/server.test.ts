import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import fc from 'fast-check';
import { DATA_FILES, FASHION_FILES, MNIST_FILES, resolveRequestPath } from '../../src/server/static-server.js';
import { FUZZ_RUNS } from '../fuzz/expect-digitlab-error.js';

const SERVER_MAIN = new URL('../../src/server/main.ts', import.meta.url).pathname;

/** A raw request: the path goes on the wire exactly as written (no client-side normalisation). */
function get(port: number, path: string): Promise<{ status: number; csp: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, csp: res.headers['content-security-policy'] as string | undefined, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('`npm run serve` binds 127.0.0.1 by default, sends a CSP and serves nothing outside the app and data folders', async () => {
  // root/app is served; root/secret.txt sits right beside it and must stay unreachable.
  const base = mkdtempSync(join(tmpdir(), 'digitlab-serve-'));
  const app = join(base, 'app');
  mkdirSync(join(app, 'assets'), { recursive: true });
  writeFileSync(join(app, 'index.html'), '<!doctype html><title>lab</title>');
  writeFileSync(join(base, 'secret.txt'), 'SECRET-OUTSIDE-ROOT');
  writeFileSync(join(base, 'app-secret.txt'), 'SECRET-PREFIX-SIBLING');
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_MAIN, '--port', '0', '--root', app], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (c: string) => {
        out += c;
        const m = /http:\/\/[^\s]+/.exec(out);
        if (m) resolve(m[0]);
      });
      child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const address = new URL(url);
    assert.equal(address.hostname, '127.0.0.1', 'loopback only unless --host says otherwise');
    const port = Number(address.port);

    const home = await get(port, '/');
    assert.equal(home.status, 200);
    assert.match(home.csp ?? '', /default-src 'self'/);
    assert.match(home.csp ?? '', /object-src 'none'/);

    const attempts = [
      '/../secret.txt', '/../../etc/passwd', '/%2e%2e/secret.txt', '/%2E%2E/secret.txt', '/.%2e/secret.txt', '/%2e./secret.txt',
      '/..%2fsecret.txt', '/..%2Fsecret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/..\\secret.txt', '/%252e%252e/secret.txt',
      '/assets/../../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/../app-secret.txt', '/..%2fapp-secret.txt',
      '/%c0%ae%c0%ae/secret.txt', '/%e0%80%ae%e0%80%ae/secret.txt', '/..;/secret.txt', '/secret.txt%00.html', '/%00../secret.txt',
      '/data/../../secret.txt', '/data/%2e%2e/%2e%2e/secret.txt', '/data/..%2f..%2fsecret.txt', '//etc/passwd', '///etc/passwd',
      `/${'../'.repeat(20)}etc/passwd`, `/${'%2e%2e%2f'.repeat(20)}etc/passwd`,
    ];
    for (const path of attempts) {
      const r = await get(port, path);
      assert.ok(r.status === 403 || r.status === 404, `${path} → ${r.status}`);
      assert.doesNotMatch(r.body, /SECRET|root:/, path);
      // The same path in the absolute form of the request line gets the same answer.
      const absolute = await get(port, `http://127.0.0.1:${port}${path}`);
      assert.equal(absolute.status, r.status, `http://127.0.0.1:${port}${path} → ${absolute.status}, origin form ${r.status}`);
      assert.doesNotMatch(absolute.body, /SECRET|root:/, path);
    }
    const refusal = await get(port, '/../secret.txt');
    assert.ok(refusal.csp, 'refusals carry the CSP too');
  } finally {
    child.kill('SIGTERM');
  }
});

test(`path resolver: ${FUZZ_RUNS} random and traversal-flavoured paths map inside the app root or the MNIST / Fashion-MNIST files, or are refused`, () => {
  const root = join(tmpdir(), 'lab-root');
  const dataDir = join(tmpdir(), 'lab-data');
  const fashionDir = join(tmpdir(), 'lab-fashion');
  const piece = fc.oneof(
    fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '.%2e', '%252e', '%2f', '%5c', '\\', '%00', '%c0%ae', 'data', 'assets', 'index.html', '', '~', '%', '%zz', ':', 'C:', 'etc', 'passwd', 'fashion', ...MNIST_FILES, ...FASHION_FILES),
    fc.string({ maxLength: 6 }),
  );
  const paths = fc.oneof(
    fc.array(piece, { maxLength: 8 }).map((parts) => `/${parts.join('/')}`),
    fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
    fc.string({ maxLength: 40 }),
  );
  fc.assert(
    fc.property(paths, (path) => {
      const target = resolveRequestPath(path, root, dataDir, fashionDir);
      if (target.kind === 'refused') {
        assert.ok(target.status === 403 || target.status === 404);
        return;
      }
      const inRoot = target.file === root || target.file.startsWith(root + sep);
      const isData = DATA_FILES.some((name) => target.file === join(dataDir, name)) || FASHION_FILES.some((name) => target.file === join(fashionDir, name));
      assert.ok(inRoot || isData, `${JSON.stringify(path)} → ${target.file}`);
    }),
    { numRuns: FUZZ_RUNS },
  );
});
