// Dropout: masks of ones change nothing (bit for bit, on the reference path), masks are
// seeded and have the right statistics, and the WebAssembly kernels apply the same masks as
// the reference: the parameters after a few steps agree within the tolerances of
// test/fast/agreement.test.ts (RTOL 1e-4; float32 sums in a different order).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HiddenActivationName, OutputActivationName } from '../../src/core/activations.js';
import type { CostName } from '../../src/core/costs.js';
import type { OptimizerName } from '../../src/core/optimizers.js';
import { Rng } from '../../src/core/rng.js';
import { createFastBackend } from '../../src/fast/factory.js';
import { loadKernelsModule } from '../../src/fast/node.js';
import { DropoutMasks } from '../../src/train/dropout.js';
import { ReferenceBackend } from '../../src/train/reference-backend.js';
import { Trainer } from '../../src/train/trainer.js';
import { randomDataset, randomNetwork, settingsFor, worstRatio } from '../fast/helpers.js';
import type { DropoutBackend } from '../../src/train/dropout.js';

const RTOL = 1e-4;
const ATOL = 1e-6;

describe('dropout masks', () => {
  it('are 0 or 1/(1 − p), keep about 1 − p of the neurons, and are seeded', () => {
    const a = new DropoutMasks([784, 50, 30, 10], 100, 0.3);
    const b = new DropoutMasks([784, 50, 30, 10], 100, 0.3);
    a.draw(new Rng(7), 100);
    b.draw(new Rng(7), 100);
    assert.equal(a.masks.length, 2);
    let kept = 0;
    let total = 0;
    for (let l = 0; l < a.masks.length; l++) {
      assert.deepEqual(a.masks[l], b.masks[l]);
      for (const m of a.masks[l]) {
        assert.ok(m === 0 || Math.abs(m - 1 / 0.7) < 1e-6, `mask entry ${m}`);
        if (m !== 0) kept++;
        total++;
      }
    }
    assert.ok(Math.abs(kept / total - 0.7) < 0.03, `kept ${kept / total}`);
  });

  it('p = 0 draws nothing and keeps every neuron', () => {
    const m = new DropoutMasks([784, 20, 10], 10, 0);
    const rng = new Rng(3);
    const before = rng.getState();
    m.draw(rng, 10);
    assert.deepEqual(rng.getState(), before);
    assert.ok(m.masks[0].every((x) => x === 1));
  });
});

describe('dropout with keep = 1 equals no dropout (reference path, bit for bit)', () => {
  for (const activation of ['sigmoid', 'relu', 'tanh'] as const) {
    it(`${activation}, 3 steps of Adam`, () => {
      const s = settingsFor({ sizes: [784, 12, 8, 10], activation, cost: 'cross-entropy', optimizer: 'adam', learningRate: 0.01, batchSize: 20, seed: 5 });
      const data = randomDataset(60, 28, 28, 10, 11);
      const order = new Uint32Array(60).map((_, i) => (i * 7) % 60);
      const plain = new ReferenceBackend(randomNetwork(s), s);
      const dropped = new ReferenceBackend(randomNetwork(s), s);
      const ones = new DropoutMasks(s.sizes, s.batchSize, 0);
      for (let step = 0; step < 3; step++) {
        const a = plain.trainMiniBatch(data, order, step * 20, 20, s.learningRate);
        const b = dropped.trainMiniBatchDropout(data, order, step * 20, 20, s.learningRate, ones);
        assert.equal(b.costSum, a.costSum);
        assert.equal(b.correct, a.correct);
      }
      const netA = randomNetwork(s);
      const netB = randomNetwork(s);
      plain.readNetwork(netA);
      dropped.readNetwork(netB);
      for (let l = 0; l < netA.layerCount; l++) {
        assert.deepEqual(netB.weights[l], netA.weights[l]);
        assert.deepEqual(netB.biases[l], netA.biases[l]);
      }
    });
  }
});

describe('dropout: the wasm kernels agree with the reference', () => {
  const cases: [HiddenActivationName, OutputActivationName, CostName, OptimizerName][] = [
    ['sigmoid', 'sigmoid', 'quadratic', 'sgd'],
    ['relu', 'softmax', 'cross-entropy', 'adam'],
    ['tanh', 'softmax', 'cross-entropy', 'momentum'],
    ['sigmoid', 'softmax', 'cross-entropy', 'adam'],
  ];
  for (const [activation, outputActivation, cost, optimizer] of cases) {
    it(`784-20-13-10 ${activation} → ${outputActivation}, ${cost}, ${optimizer}, p = 0.5: 3 steps`, async () => {
      const s = settingsFor({
        sizes: [784, 20, 13, 10], activation, outputActivation, cost, optimizer,
        learningRate: optimizer === 'adam' ? 0.001 : 0.1, batchSize: 25, seed: 9, dropout: 0.5,
      });
      const data = randomDataset(75, 28, 28, 10, 4);
      const order = new Uint32Array(75).map((_, i) => (i * 13) % 75);
      const reference = new ReferenceBackend(randomNetwork(s), s);
      const fast = createFastBackend(await loadKernelsModule())(randomNetwork(s), s) as DropoutBackend;
      assert.equal(typeof fast.trainMiniBatchDropout, 'function');
      const masks = new DropoutMasks(s.sizes, s.batchSize, 0.5);
      const rng = new Rng(21);
      for (let step = 0; step < 3; step++) {
        masks.draw(rng, 25);
        const a = reference.trainMiniBatchDropout(data, order, step * 25, 25, s.learningRate, masks);
        const b = fast.trainMiniBatchDropout(data, order, step * 25, 25, s.learningRate, masks);
        assert.ok(Math.abs(a.costSum - b.costSum) <= 1e-4 * Math.abs(a.costSum) + 1e-6, `cost ${a.costSum} vs ${b.costSum}`);
        assert.equal(b.correct, a.correct);
      }
      const netA = randomNetwork(s);
      const netB = randomNetwork(s);
      reference.readNetwork(netA);
      fast.readNetwork(netB);
      const atol = optimizer === 'adam' ? 0.01 * s.learningRate : ATOL;
      for (let l = 0; l < netA.layerCount; l++) {
        const w = worstRatio(netB.weights[l], netA.weights[l], atol, RTOL);
        const b = worstRatio(netB.biases[l], netA.biases[l], atol, RTOL);
        assert.ok(w <= 1 && b <= 1, `layer ${l}: weights ${w.toFixed(2)}×, biases ${b.toFixed(2)}× the tolerance`);
      }
      // And dropout really changed the step: without masks the parameters differ.
      const plain = new ReferenceBackend(randomNetwork(s), s);
      for (let step = 0; step < 3; step++) plain.trainMiniBatch(data, order, step * 25, 25, s.learningRate);
      const netC = randomNetwork(s);
      plain.readNetwork(netC);
      assert.notDeepEqual(netC.weights[1], netA.weights[1]);
    });
  }

  it('a Trainer with dropout gives the same test accuracy on both paths (2 epochs, small MLP)', async () => {
    const s = settingsFor({ sizes: [784, 24, 16, 10], activation: 'relu', init: 'he', cost: 'cross-entropy', optimizer: 'adam', learningRate: 0.003, batchSize: 50, epochs: 2, seed: 2, dropout: 0.2 });
    const train = randomDataset(400, 28, 28, 10, 1);
    const test = randomDataset(200, 28, 28, 10, 2);
    const ref = new Trainer(s, { train, test, source: 'random' });
    const fast = new Trainer(s, { train, test, source: 'random' }, { backend: createFastBackend(await loadKernelsModule()) });
    for (let e = 0; e < 2; e++) {
      const a = ref.runEpoch();
      const b = fast.runEpoch();
      assert.ok(Math.abs(a.trainCost - b.trainCost) < 1e-3 * Math.abs(a.trainCost), `epoch ${e + 1}: cost ${a.trainCost} vs ${b.trainCost}`);
    }
  });
});
