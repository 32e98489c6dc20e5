import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';

const dir = await mkdtemp(join(tmpdir(), 'digitlab-stalled-'));

test('a dead run (--lr 50) prints the stalled-learning line after epoch 1, with the cause and a fix; --json carries it as a field', () => {
  const r = runCli(['train', '--lr', '50', '--epochs', '1', '--out', join(dir, 'dead.json')]);
  assert.equal(r.code, 0, r.stderr);
  const line = r.stderr.split('\n').find((l) => l.startsWith('not learning'));
  assert.ok(line, r.stderr);
  assert.match(line, /^not learning after epoch 1: \d+ % of hidden sigmoids saturated \(f′\(z\) ≈ 0 on nearly every image\), accuracy \d+\.\d %; the learning rate 50 is probably too large for 16-wide layers; try --lr 4\.5$/);
  const json = runCli(['train', '--lr', '50', '--epochs', '1', '--json', '--out', join(dir, 'dead2.json')]);
  const epoch = JSON.parse(json.stdout.trim().split('\n')[0]) as { diagnosis?: { problem: string; cause: string; suggested: { learningRate: number }; measurement: { saturatedNeurons: number; hiddenNeurons: number } } };
  assert.ok(epoch.diagnosis, json.stdout);
  assert.equal(epoch.diagnosis.problem, 'saturated-hidden');
  assert.equal(epoch.diagnosis.cause, 'learning-rate-too-large');
  assert.equal(epoch.diagnosis.suggested.learningRate, 4.5);
  assert.ok(epoch.diagnosis.measurement.saturatedNeurons >= epoch.diagnosis.measurement.hiddenNeurons / 2);
});

test('widened by hand with the old rate (784-100-10, --lr 4.5) the run is named: every answer one class, outputs saturated', () => {
  const r = runCli(['train', '--layers', '784,100,10', '--lr', '4.5', '--epochs', '1', '--out', join(dir, 'wide.json')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /not learning after epoch 1: 10 of 10 output neurons saturated .*; the learning rate 4\.5 is probably too large for 100-wide layers; try --lr 1\.3\n/);
});

test('healthy runs print no stalled-learning line and no diagnosis field', () => {
  for (const args of [[], ['--activation', 'relu', '--cost', 'cross-entropy', '--optimizer', 'adam'], ['--limit', '2000', '--epochs', '3']]) {
    const r = runCli(['train', ...args, '--epochs', args.includes('--epochs') ? '3' : '1', '--json', '--out', join(dir, 'ok.json')]);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /not learning/, args.join(' '));
    assert.doesNotMatch(r.stdout, /diagnosis/, args.join(' '));
  }
});
