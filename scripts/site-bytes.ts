import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumChoice } from '../test/lab/harness.js';
import { ONE, stroke } from '../test/lab/pointer.js';

/**
 * Bytes over the wire for the Lab, as a learner's browser gets them from a plain static host:
 * `site/` (or the folder given) at a sub-path of `python3 -m http.server`, whose log of
 * answered requests, each file's size summed, counts every byte the page, its Workers and
 * its service worker fetched: when the Lab opens (until it answers a drawing), when training
 * starts (until the first progress), and — service worker allowed — the first visit in all
 * until the page says it is ready offline.
 *
 *   node --import tsx scripts/site-bytes.ts [site]
 */
const site = resolve(process.argv[2] ?? 'site');
const folder = mkdtempSync(join(tmpdir(), 'digitlab-bytes-'));
mkdirSync(join(folder, 'a', 'b'), { recursive: true });
symlinkSync(site, join(folder, 'a', 'b', 'digitlab'));
const port = 8000 + Math.floor(Math.random() * 1000);
const server: ChildProcess = spawn('python3', ['-u', '-m', 'http.server', String(port), '--bind', '127.0.0.1'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
/** Files answered 200 so far, by the server's log ("GET /a/b/digitlab/x HTTP/1.1" 200 -). */
const served: string[] = [];
let log = '';
server.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
  log += chunk;
  const lines = log.split('\n');
  log = lines.pop() ?? '';
  for (const line of lines) {
    const found = /"GET (\S+) HTTP\/1\.[01]" 200 /.exec(line);
    if (found) served.push(decodeURIComponent(found[1].split('?')[0]));
  }
});
const url = `http://127.0.0.1:${port}/a/b/digitlab/`;
for (let tries = 0; ; tries++) {
  try {
    await fetch(url);
    break;
  } catch (error) {
    if (tries > 50) throw error;
    await new Promise((done) => setTimeout(done, 100));
  }
}
const { executablePath } = chromiumChoice();
const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });

/** Bytes and files the server has answered since `from` (an index into its log). */
function since(from: number): { bytes: number; files: number } {
  const files = served.slice(from).map((path) => join(folder, path.endsWith('/') ? `${path}index.html` : path));
  return { bytes: files.reduce((sum, file) => sum + statSync(file).size, 0), files: files.length };
}

const kB = (n: number): string => `${Math.round(n / 1024).toLocaleString('en-US')} kB`;
try {
  {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const start = served.length;
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"][data-model-ready="true"]', { timeout: 60_000 });
    await stroke(page, ONE);
    await page.waitForFunction(() => document.getElementById('answer')?.textContent?.trim() === '1');
    const opened = served.length;
    const open = since(start);
    await page.locator('[data-command="toggle"]').click();
    await page.waitForSelector('body[data-batches]', { timeout: 120_000 });
    const training = since(opened);
    console.log(`the Lab opens: ${kB(open.bytes)} (${open.files} files); training starts: ${kB(training.bytes)} more (${training.files} files: ${served.slice(opened).map((p) => p.replace(/.*\//, '')).join(', ')})`);
    await context.close();
  }
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const start = served.length;
    await page.goto(url);
    await page.waitForSelector('html[data-offline="ready"]', { timeout: 180_000 });
    const all = since(start);
    console.log(`first visit with the service worker, until the page says it is ready offline: ${kB(all.bytes)} (${all.files} files, the page's and the worker's)`);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(folder, { recursive: true, force: true });
}
