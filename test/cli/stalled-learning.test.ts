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

test('on a small data set (5,000 images, 50 mini-batches an epoch) a dead run is named all the same', () => {
  // --lr 50: hidden sigmoids saturated from the first mini-batches on, named after epoch 1.
  const hot = runCli(['train', '--limit', '5000', '--epochs', '2', '--lr', '50', '--out', join(dir, 'small-dead.json')]);
  assert.equal(hot.code, 0, hot.stderr);
  assert.match(hot.stderr, /^epoch +1 .*\nnot learning after epoch 1: \d+ % of hidden sigmoids saturated \(f′\(z\) ≈ 0 on nearly every image\), accuracy \d+\.\d %; the learning rate 50 is probably too large for 16-wide layers; try --lr 4\.5\n/m);
  assert.equal(hot.stderr.match(/not learning/g)?.length, 1, 'named once');
  // 784-100-10 at the old rate: one class and saturated outputs, which a healthy run also shows
  // for its first few dozen mini-batches, so named when the run ends (epoch 2, 100 mini-batches).
  const wide = runCli(['train', '--layers', '784,100,10', '--lr', '4.5', '--limit', '5000', '--epochs', '2', '--json', '--out', join(dir, 'small-wide.json')]);
  assert.equal(wide.code, 0, wide.stderr);
  const epochs = wide.stdout.trim().split('\n').map((line) => JSON.parse(line) as { testAccuracy: number; diagnosis?: { problem: string; cause: string; steps: number; measurement: { topClassShare: number } } });
  assert.equal(epochs[0].diagnosis, undefined);
  assert.equal(epochs[1].diagnosis?.problem, 'saturated-output');
  assert.equal(epochs[1].diagnosis?.cause, 'learning-rate-too-large');
  assert.equal(epochs[1].diagnosis?.steps, 100);
  assert.ok(epochs[1].diagnosis.measurement.topClassShare >= 0.9, 'every answer one class');
  assert.ok(epochs[1].testAccuracy < 0.15, `test accuracy ${epochs[1].testAccuracy}`);
  // A run too short to leave the starting plateau at a sound rate: named, with that as the cause.
  const short = runCli(['train', '--limit', '1000', '--epochs', '1', '--out', join(dir, 'short.json')]);
  assert.equal(short.code, 0, short.stderr);
  assert.match(short.stderr, /not learning after epoch 1: \d+ % of the answers are "\d", accuracy [\d.]+ %; after only 10 mini-batches a network is usually still on its starting plateau \(it needs a few hundred\); try --epochs 30\n/);
});

test('healthy runs print no stalled-learning line and no diagnosis field', () => {
  for (const args of [[], ['--activation', 'relu', '--cost', 'cross-entropy', '--optimizer', 'adam'], ['--limit', '2000', '--epochs', '3'], ['--limit', '5000', '--epochs', '2']]) {
    const r = runCli(['train', ...args, '--epochs', args.includes('--epochs') ? '3' : '1', '--json', '--out', join(dir, 'ok.json')]);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /not learning/, args.join(' '));
    assert.doesNotMatch(r.stdout, /diagnosis/, args.join(' '));
  }
});
