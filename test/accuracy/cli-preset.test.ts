// `digitlab train --preset …` end to end on a small slice of real MNIST: the preset's recipe
// is used (options override it), validation and test accuracy of the kept epoch are reported
// when there is a validation split, and the saved model carries the settings.
// Also: the fast path trains augmented batches like the reference path.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { takeFirst } from '../../src/data/dataset.js';
import { createFastBackend } from '../../src/fast/factory.js';
import { loadKernelsModule } from '../../src/fast/node.js';
import { Trainer } from '../../src/train/trainer.js';
import { runCli } from '../cli/run-cli.js';
import { realMnist, settingsFor } from '../fast/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'digitlab-accuracy-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('digitlab train --preset', () => {
  it('best (shrunk by options): validation and test of the kept epoch, settings saved', () => {
    const out = join(dir, 'best.json');
    const r = runCli(['train', '--preset', 'best', '--layers', '784,32,32,10', '--epochs', '2', '--limit', '3000', '--validation', '1000', '--lr', '0.005', '--json', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /elastic augmentation, validation 1,000/);
    assert.match(r.stderr, /kept epoch \d \(best validation accuracy\): validation \d+\.\d+ %, test \d+\.\d+ %/);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, number>);
    assert.equal(lines.length, 3);
    assert.ok(lines[0].validationAccuracy > 0.3, `validation ${lines[0].validationAccuracy}`);
    assert.ok(lines[2].bestEpoch >= 1, `best epoch ${lines[2].bestEpoch}`);
    assert.ok(lines[2].testAccuracy > 0.3, `test ${lines[2].testAccuracy}`);
    const model = JSON.parse(readFileSync(out, 'utf8')) as { training: Record<string, unknown> };
    assert.equal(model.training.augment, 'elastic');
    assert.equal(model.training.schedule, 'cosine');
    assert.equal(model.training.validation, 1000);
  });

  it('fast99 on a short slice: all training images, no validation split, label smoothing and affine augmentation, the last epoch saved', () => {
    const out = join(dir, 'fast99.json');
    const r = runCli(['train', '--preset', 'fast99', '--epochs', '2', '--limit', '2000', '--json', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /training 784-512-512-10 \(relu, softmax output, cross-entropy cost, adam η=0\.002 cosine, batch 100, seed 1, affine augmentation, label smoothing 0\.1\) on 2,000 images/);
    assert.doesNotMatch(r.stderr, /validation|kept epoch/);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, number>);
    assert.deepEqual(lines.map((l) => l.epoch), [1, 2]);
    assert.ok(lines[1].testAccuracy > 0.8, `test ${lines[1].testAccuracy}`);
    const model = JSON.parse(readFileSync(out, 'utf8')) as { training: Record<string, unknown>; metrics: { testAccuracy: number } };
    assert.deepEqual([model.training.labelSmoothing, model.training.augment, model.training.epochs, model.training.validation], [0.1, 'affine', 2, undefined]);
    assert.equal(model.metrics.testAccuracy, lines[1].testAccuracy);
  });

  it('best on a short slice: elastic augmentation, all training images, no label smoothing', () => {
    const out = join(dir, 'best-full.json');
    const r = runCli(['train', '--preset', 'best', '--epochs', '1', '--limit', '1000', '--json', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /training 784-512-512-10 \(relu, softmax output, cross-entropy cost, adam η=0\.001 cosine, batch 100, seed 1, elastic augmentation\) on 1,000 images/);
    const model = JSON.parse(readFileSync(out, 'utf8')) as { training: Record<string, unknown> };
    assert.deepEqual([model.training.augment, model.training.validation, model.training.labelSmoothing], ['elastic', undefined, undefined]);
  });

  it('seed-best with dropout on the fast path', () => {
    const r = runCli(['train', '--preset', 'seed-best', '--epochs', '1', '--limit', '2000', '--validation', '500', '--dropout', '0.1', '--out', join(dir, 'sb.json')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /784-16-16-10 \(relu, softmax output, cross-entropy cost, adam η=0\.002 cosine.*dropout 0\.1.*\[wasm\]/);
  });
});

describe('augmented mini-batches on the fast path', () => {
  it('train like the reference path (same distortions, cost within 1e-3 after 2 epochs)', async () => {
    const { train, test } = await realMnist();
    const s = settingsFor({ sizes: [784, 32, 16, 10], activation: 'relu', init: 'he', cost: 'cross-entropy', optimizer: 'adam', learningRate: 0.003, batchSize: 50, epochs: 2, seed: 4, augment: 'elastic' });
    const pair = { train: takeFirst(train, 1000), test: takeFirst(test, 300), source: 'mnist' };
    const ref = new Trainer(s, pair);
    const fast = new Trainer(s, pair, { backend: createFastBackend(await loadKernelsModule()) });
    for (let e = 0; e < 2; e++) {
      const a = ref.runEpoch();
      const b = fast.runEpoch();
      assert.ok(Math.abs(a.trainCost - b.trainCost) < 1e-3 * a.trainCost, `epoch ${e + 1}: ${a.trainCost} vs ${b.trainCost}`);
      assert.ok(Math.abs(a.testAccuracy - b.testAccuracy) <= 0.01, `epoch ${e + 1}: ${a.testAccuracy} vs ${b.testAccuracy}`);
    }
  });
});
