/**
 * A reader that stops early (`digitlab predict DIR | head -1`) closes the pipe under the CLI:
 * the command must end quietly (no EPIPE stack trace), and a training run must still finish
 * and save its model.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI } from './run-cli.js';

const FOLDER = fileURLToPath(new URL('../data/handwriting', import.meta.url));
const MODEL = fileURLToPath(new URL('../../models/pretrained.json', import.meta.url));

/** Runs the CLI, closes its stdout after the first line, and waits for it to exit. */
function firstLineThenClose(args: string[]): Promise<{ code: number | null; first: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let first = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    if (first === '') {
      first = chunk.split('\n')[0];
      child.stdout.destroy();
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, first, stderr })));
}

test('predict on a folder, its output cut after one line: exit 0, no stack trace', async () => {
  const r = await firstLineThenClose(['predict', '--model', MODEL, FOLDER]);
  assert.match(r.first, /\.png: \d/);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /EPIPE|at .*\.js:\d+/);
});

test('train --json, its output cut after the first epoch: the run still ends and saves its model', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'digitlab-pipe-')), 'model.json');
  const r = await firstLineThenClose(['train', '--limit', '1000', '--epochs', '3', '--json', '--out', out]);
  assert.match(r.first, /"epoch":1/);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /EPIPE/);
  assert.ok(existsSync(out), 'the model is saved');
});
