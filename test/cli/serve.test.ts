import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { buildSiteOnce } from '../lab/harness.js';
import { CLI, runCli } from './run-cli.js';

/**
 * Starts `digitlab serve …args` and resolves, once it has printed its last line ("Stop with
 * Ctrl+C."), with the process and the address it printed for this computer. (Its lines can
 * arrive in separate chunks: waiting for the first one only raced the rest.)
 */
function serve(args: string[]): Promise<{ child: ChildProcess; url: string; stdout: () => string }> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const found = /^digitlab: (http:\/\/\S+)$/m.exec(out);
      if (found && /Stop with Ctrl\+C/.test(out)) resolve({ child, url: found[1], stdout: () => out });
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('exit', (code) => reject(new Error(`digitlab serve exited with ${code}: ${err}`)));
  });
}

describe('digitlab serve', { timeout: 180_000 }, () => {
  let root = '';
  before(() => {
    root = buildSiteOnce();
  });

  it('serves the site with its headers, and the MNIST files gzipped, on this computer and (0.0.0.0) the network', async () => {
    const { child, url, stdout } = await serve(['--port', '0', '--host', '0.0.0.0', '--root', root]);
    try {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      assert.match(stdout(), /Stop with Ctrl\+C/);
      const page = await fetch(url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<title>digitlab — the Lab<\/title>/);
      assert.equal(page.headers.get('cross-origin-embedder-policy'), 'require-corp');
      assert.equal((await fetch(`${url}sw.js`)).status, 200);
      const labels = await fetch(`${url}data/t10k-labels-idx1-ubyte.gz`);
      assert.equal(labels.status, 200);
      const idx = gunzipSync(new Uint8Array(await labels.arrayBuffer()));
      assert.deepEqual([...idx.subarray(0, 8)], [0, 0, 8, 1, 0, 0, 0x27, 0x10], 'the IDX header of the 10,000 test labels');
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses a bad port and a folder with no site, naming the problem', () => {
    const port = runCli(['serve', '--port', 'eighty']);
    assert.equal(port.code, 1);
    assert.match(port.stderr, /--port: must be a whole number from 0 to 65535, got "eighty"/);
    const empty = mkdtempSync(join(tmpdir(), 'digitlab-no-site-'));
    try {
      const none = runCli(['serve', '--root', empty, '--port', '0']);
      assert.equal(none.code, 1);
      assert.match(none.stderr, /no built site here; run "npm run build:site" first/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

