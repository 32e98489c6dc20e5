import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/run-cli.js';

const out = mkdtempSync(join(tmpdir(), 'digitlab-explain-'));

test('explain chain --json: the derivatives match finite differences; options change the numbers', () => {
  const r = runCli(['explain', 'chain', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.ok(doc.maxDifference <= 1e-6);
  const edited = JSON.parse(runCli(['explain', 'chain', '--json', '--w', '1,1,1', '--y', '0']).stdout);
  assert.notEqual(edited.cost, doc.cost);
  assert.match(runCli(['explain', 'chain']).stdout, /∂C0\/∂a\(3\)/);
  const bad = runCli(['explain', 'chain', '--w', '1,2']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /three numbers/);
});

test('explain descent --out writes both maps and prints the outcomes', () => {
  const r = runCli(['explain', 'descent', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /crawling/);
  assert.match(r.stdout, /diverged/);
  for (const f of ['descent-curve.png', 'descent-surface.png']) assert.ok(statSync(join(out, f)).size > 10_000, f);
});

test('explain nudges --json on an untrained network, and --out writes the maps', () => {
  const r = runCli(['explain', 'nudges', '--untrained', '1', '--index', '3', '--batch', '4', '--json', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.index, 3);
  assert.equal(doc.batch.members.length, 4);
  assert.ok(existsSync(join(out, 'nudges-image.png')) && existsSync(join(out, 'nudges-batch.png')));
  const missing = runCli(['explain', 'nudges', '--model', join(out, 'nope.json')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope\.json/);
});

test('explain sgd-path --out on a small slice', () => {
  const r = runCli(['explain', 'sgd-path', '--subset', '300', '--full-steps', '5', '--epochs', '2', '--grid', '5', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /principal directions/);
  for (const f of ['sgd-path.png', 'sgd-path-cost.png']) assert.ok(statSync(join(out, f)).size > 10_000, f);
});
