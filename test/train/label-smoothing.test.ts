// Label smoothing (src/train/label-smoothing.ts, asm/cost.ts): the smoothed cross-entropy's
// output error δ = a − y is its derivative (finite differences through the softmax); ε = 0 is
// the plain cost, bit for bit, on the fast path; the fast path and the reference take the
// same steps with ε = 0.1 (the tolerances of test/fast/agreement.test.ts); the settings allow
// it with a softmax output and cross-entropy only, and a run says so.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { softmaxRows } from '../../src/core/activations.js';
import { crossEntropy } from '../../src/core/costs.js';
import { Network } from '../../src/core/network.js';
import { createFastBackend } from '../../src/fast/factory.js';
import { loadKernelsModule } from '../../src/fast/node.js';
import { smoothedCrossEntropy, trainingCost } from '../../src/train/label-smoothing.js';
import { ReferenceBackend } from '../../src/train/reference-backend.js';
import { resolveSettings } from '../../src/train/settings.js';
import { shuffledOrder } from '../fast/checks.js';
import { bits, randomNetwork, realMnist, settingsFor, worstRatio } from '../fast/helpers.js';

describe('label smoothing', () => {
  it('δ = a − y is the derivative of −Σ y_j ln softmax(z)_j (central differences, every output)', () => {
    const z = new Float64Array([0.3, -1.2, 2.0, 0.1, -0.4, 1.1, 0.0, -2.5, 0.7, 0.2]);
    const n = z.length;
    const cost = smoothedCrossEntropy(0.1);
    const costAt = (zz: Float64Array): number => {
      const a = new Float64Array(n);
      softmaxRows(zz, a, 1, n);
      return cost.value(a, 0, n, 2, null);
    };
    const a = new Float64Array(n);
    softmaxRows(z, a, 1, n);
    const delta = new Float64Array(n);
    cost.outputDelta(z, a, 0, n, 2, null, delta);
    const h = 1e-6;
    for (let j = 0; j < n; j++) {
      const up = Float64Array.from(z), down = Float64Array.from(z);
      up[j] += h;
      down[j] -= h;
      const numeric = (costAt(up) - costAt(down)) / (2 * h);
      assert.ok(Math.abs(numeric - delta[j]) < 1e-7, `output ${j}: numeric ${numeric}, δ ${delta[j]}`);
    }
    // The targets sum to 1, the label's is 1 − ε + ε/n: at a = y the cost is the targets' entropy and δ = 0.
    const y = Float64Array.from({ length: n }, (_, j) => (j === 2 ? 0.91 : 0.01));
    cost.outputDelta(z, y, 0, n, 2, null, delta);
    assert.ok(delta.every((d) => Math.abs(d) < 1e-15));
    assert.ok(Math.abs(cost.value(y, 0, n, 2, null) - -(0.91 * Math.log(0.91) + 9 * 0.01 * Math.log(0.01))) < 1e-12);
    // And ∂C/∂a = −y/a, the gradient the explanations show.
    const grad = new Float64Array(n);
    cost.outputGradient(a, 0, n, 2, null, grad);
    for (let j = 0; j < n; j++) assert.ok(Math.abs(grad[j] + (j === 2 ? 0.91 : 0.01) / a[j]) < 1e-9);
  });

  it('ε = 0 (or absent) is the plain cross-entropy: the same record, the same bits on the fast path', async () => {
    const s = settingsFor({ sizes: [784, 64, 10], activation: 'relu', cost: 'cross-entropy', optimizer: 'adam', learningRate: 0.003, batchSize: 50, seed: 4 });
    assert.equal(trainingCost(s), crossEntropy);
    assert.equal(trainingCost({ ...s, labelSmoothing: 0 }), crossEntropy);
    const { train } = await realMnist();
    const order = shuffledOrder(train.count, 99);
    const module = await loadKernelsModule();
    const run = (settings: typeof s): number[][] => {
      const backend = createFastBackend(module)(randomNetwork(settings), settings);
      for (let i = 0; i < 3; i++) backend.trainMiniBatch(train, order, i * 50, 50, settings.learningRate);
      const net = new Network(randomNetwork(settings));
      backend.readNetwork(net);
      return bits(net.weights);
    };
    assert.deepEqual(run({ ...s, labelSmoothing: 0 }), run(s));
    assert.notDeepEqual(run({ ...s, labelSmoothing: 0.1 }), run(s));
  });

  for (const sizes of [[784, 20, 10], [784, 64, 48, 10]]) {
    it(`${sizes.join('-')}, ε = 0.1: the fast path takes the reference's steps (costs and parameters after 3 steps)`, async () => {
      const { train } = await realMnist();
      const s = settingsFor({ sizes, activation: 'relu', init: 'he', cost: 'cross-entropy', optimizer: 'momentum', learningRate: 0.05, batchSize: 40, seed: 6, labelSmoothing: 0.1 });
      const order = shuffledOrder(train.count, 7);
      const reference = new ReferenceBackend(randomNetwork(s), s);
      const fast = createFastBackend(await loadKernelsModule())(randomNetwork(s), s);
      for (let i = 0; i < 3; i++) {
        const a = reference.trainMiniBatch(train, order, i * 40, 40, s.learningRate);
        const b = fast.trainMiniBatch(train, order, i * 40, 40, s.learningRate);
        assert.ok(Math.abs(a.costSum - b.costSum) <= 1e-4 * a.costSum, `step ${i + 1}: cost ${a.costSum} vs ${b.costSum}`);
        assert.equal(b.correct, a.correct);
      }
      const [na, nb] = [new Network(randomNetwork(s)), new Network(randomNetwork(s))];
      reference.readNetwork(na);
      fast.readNetwork(nb);
      for (let l = 0; l < na.layerCount; l++) {
        const w = worstRatio(nb.weights[l], na.weights[l], 1e-6, 1e-4);
        assert.ok(w <= 1, `layer ${l}: weights ${w.toFixed(2)}× the tolerance`);
      }
      // The smoothed targets' cost is higher than the plain one for a confident network: it is not the plain cost.
      const plain = new ReferenceBackend(randomNetwork(s), { ...s, labelSmoothing: 0 });
      assert.notEqual(plain.trainMiniBatch(train, order, 0, 40, s.learningRate).costSum, new ReferenceBackend(randomNetwork(s), s).trainMiniBatch(train, order, 0, 40, s.learningRate).costSum);
    });
  }

  it('needs a softmax output with cross-entropy, and ε from 0 to 0.5', () => {
    const base = { sizes: [784, 16, 10], activation: 'relu' as const };
    assert.equal(resolveSettings({ ...base, cost: 'cross-entropy', labelSmoothing: 0.1 }).labelSmoothing, 0.1);
    assert.throws(() => resolveSettings({ ...base, cost: 'quadratic', labelSmoothing: 0.1 }), /label smoothing: needs the cross-entropy cost with a softmax output/);
    assert.throws(() => resolveSettings({ ...base, cost: 'cross-entropy', outputActivation: 'sigmoid', labelSmoothing: 0.1 }), /label smoothing: needs the cross-entropy cost with a softmax output/);
    assert.throws(() => resolveSettings({ ...base, cost: 'cross-entropy', labelSmoothing: 0.7 }), /label smoothing: must be a number from 0 to 0\.5, got 0\.7/);
    assert.equal(resolveSettings({ ...base, cost: 'quadratic', labelSmoothing: 0 }).labelSmoothing, 0);
  });
});
