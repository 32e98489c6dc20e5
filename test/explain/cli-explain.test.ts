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
  const r = runCli(['explain', 'nudges', '--untrained', '1', '--index', '3', '--batch', '4', '--average', '500', '--json', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.index, 3);
  assert.equal(doc.batch.members.length, 4);
  assert.deepEqual(doc.image.backward.map((s: { to: number }) => s.to), [2, 1, 0]);
  assert.equal(doc.image.inputWishes.length, 784);
  assert.equal(doc.trainingSet.count, 500);
  assert.equal(doc.trainingSet.weightNudges[0].length, 784 * 16);
  assert.deepEqual(doc.trainingSet.layerWishes.map((w: { layer: number }) => w.layer), [3, 2, 1, 0]);
  for (const f of ['nudges-image.png', 'nudges-wishes.png', 'nudges-batch.png', 'nudges-training-set.png']) assert.ok(existsSync(join(out, f)), f);
  const skipped = runCli(['explain', 'nudges', '--untrained', '1', '--average', '0', '--json']);
  assert.equal(skipped.code, 0, skipped.stderr);
  assert.equal(JSON.parse(skipped.stdout).trainingSet, undefined);
  const missing = runCli(['explain', 'nudges', '--model', join(out, 'nope.json')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope\.json/);
});

test('explain sgd-path --out on a small slice', () => {
  const r = runCli(['explain', 'sgd-path', '--subset', '300', '--full-steps', '5', '--epochs', '2', '--grid', '5', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /principal directions/);
  assert.doesNotMatch(r.stdout, /\b[SB][0-9]{1,2}\b/, 'no specification codes in what the user reads');
  for (const f of ['sgd-path.png', 'sgd-path-cost.png']) assert.ok(statSync(join(out, f)).size > 10_000, f);
});
