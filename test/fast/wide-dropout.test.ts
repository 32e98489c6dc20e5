// Dropout on the wide path (asm/wide.ts, src/fast/wide-dropout-backend.ts): a wide ReLU
// network trained with dropout takes the wide path, on one thread or two with the same bits;
// its steps are the plain kernels' dropout steps (asm/dropout.ts) number for number (the sums
// keep their order; only the sign of a zero may differ); evaluation never drops a neuron; a
// Trainer gives one model whether the helper thread is there or not.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Network } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import { takeFirst } from '../../src/data/dataset.js';
import { WasmDropoutBackend } from '../../src/fast/dropout-backend.js';
import { instantiateKernels } from '../../src/fast/kernels.js';
import { wideDropout } from '../../src/fast/layout.js';
import { nodeHelper } from '../../src/fast/node.js';
import { WasmWideDropoutBackend } from '../../src/fast/wide-dropout-backend.js';
import { type DropoutBackend, DropoutMasks } from '../../src/train/dropout.js';
import { Trainer } from '../../src/train/trainer.js';
import { shuffledOrder } from './checks.js';
import { bits, oneAndTwoThreads, randomNetwork, realMnist, settingsFor } from './helpers.js';

describe('dropout on the wide path', () => {
  after(async () => (await nodeHelper())?.terminate());

  it('is taken by wide ReLU networks only', async () => {
    assert.deepEqual([wideDropout([784, 64, 10], 'relu'), wideDropout([784, 64, 10], 'sigmoid'), wideDropout([784, 16, 16, 10], 'relu')], [true, false, false]);
    const { one } = await oneAndTwoThreads();
    const wide = settingsFor({ sizes: [784, 64, 40, 10], activation: 'relu', cost: 'cross-entropy', optimizer: 'adam', dropout: 0.2 });
    const sigmoid = settingsFor({ ...wide, activation: 'sigmoid' });
    assert.ok(one(randomNetwork(wide), wide) instanceof WasmWideDropoutBackend);
    assert.ok(one(randomNetwork(sigmoid), sigmoid) instanceof WasmDropoutBackend);
  });

  for (const sizes of [[784, 64, 40, 10], [784, 256, 128, 10], [784, 60, 37, 45, 10]]) {
    it(`${sizes.join('-')}, Adam, p = 0.3: one thread = two threads (bits) = the plain dropout kernels (numbers), 4 steps`, async () => {
      const { train, test } = await realMnist();
      const { module, one, two } = await oneAndTwoThreads();
      const s = settingsFor({ sizes, activation: 'relu', init: 'he', cost: 'cross-entropy', optimizer: 'adam', learningRate: 0.003, l2: 1e-4, batchSize: 100, dropout: 0.3, seed: 3 });
      const net = randomNetwork(s);
      const a = one(net.clone(), s) as WasmWideDropoutBackend;
      const b = two(net.clone(), s) as WasmWideDropoutBackend;
      const plain = new WasmDropoutBackend(instantiateKernels(module), net.clone(), s, new DropoutMasks(s.sizes, s.batchSize, 0));
      assert.deepEqual([a.threads, b.threads], [1, 2]);
      const masks = new DropoutMasks(s.sizes, s.batchSize, 0.3);
      const rng = new Rng(17);
      const order = shuffledOrder(train.count, 7919);
      for (let i = 0; i < 4; i++) {
        const count = i === 3 ? 37 : 100;
        masks.draw(rng, count);
        const ra = a.trainMiniBatchDropout(train, order, i * 100, count, s.learningRate, masks);
        const rb = b.trainMiniBatchDropout(train, order, i * 100, count, s.learningRate, masks);
        const rp = plain.trainMiniBatchDropout(train, order, i * 100, count, s.learningRate, masks);
        assert.deepEqual(rb, ra, `step ${i + 1}: two threads`);
        assert.deepEqual(rp, ra, `step ${i + 1}: the plain kernels`);
      }
      const [na, nb, np] = [new Network(net), new Network(net), new Network(net)];
      a.readNetwork(na);
      b.readNetwork(nb);
      plain.readNetwork(np);
      assert.deepEqual(bits(nb.weights), bits(na.weights), 'weights, two threads');
      assert.deepEqual(bits(nb.biases), bits(na.biases), 'biases, two threads');
      assert.deepEqual(bits(b.getOptimizerState().buffers), bits(a.getOptimizerState().buffers), 'optimizer state, two threads');
      // Number for number (deepEqual's Object.is would tell +0 from −0, which may differ).
      for (let l = 0; l < na.layerCount; l++) {
        for (const [x, y, what] of [[np.weights[l], na.weights[l], 'weights'], [np.biases[l], na.biases[l], 'biases']] as const) {
          const i = x.findIndex((v, j) => v !== y[j]);
          assert.equal(i, -1, `layer ${l} ${what}[${i}]: ${x[i]} (plain) vs ${y[i]} (wide)`);
        }
      }
      // Dropout did change the step, and evaluation drops nothing: both paths answer alike.
      const undropped = one(net.clone(), { ...s, dropout: 0 });
      for (let i = 0; i < 4; i++) undropped.trainMiniBatch(train, order, i * 100, i === 3 ? 37 : 100, s.learningRate);
      const nu = new Network(net);
      undropped.readNetwork(nu);
      assert.notDeepEqual(bits(nu.weights), bits(na.weights));
      const slice = takeFirst(test, 700);
      const [pa, pb, pp] = [new Uint8Array(700), new Uint8Array(700), new Uint8Array(700)];
      a.predict(slice, 0, 700, pa);
      b.predict(slice, 0, 700, pb);
      plain.predict(slice, 0, 700, pp);
      assert.deepEqual(pb, pa);
      assert.deepEqual(pp, pa);
      for (const backend of [a, b, plain, undropped]) backend.dispose();
    });
  }

  it('a Trainer with dropout and elastic augmentation ends in the same model on two threads as on one (1 epoch of 1,500 images)', async () => {
    const { train, test } = await realMnist();
    const { one, two } = await oneAndTwoThreads();
    const s = settingsFor({ sizes: [784, 128, 64, 10], activation: 'relu', init: 'he', cost: 'cross-entropy', optimizer: 'adam', learningRate: 0.002, batchSize: 50, epochs: 1, dropout: 0.2, augment: 'elastic', seed: 8 });
    const pair = { train: takeFirst(train, 1500), test: takeFirst(test, 500), source: 'mnist' };
    const run = (factory: typeof one, threads: number): Network => {
      const trainer = new Trainer(s, pair, { backend: factory });
      assert.equal(trainer.threads, threads);
      trainer.runEpoch();
      const net = trainer.network().clone();
      trainer.dispose();
      return net;
    };
    const a = run(one, 1);
    const b = run(two, 2);
    assert.deepEqual(bits(b.weights), bits(a.weights));
    assert.deepEqual(bits(b.biases), bits(a.biases));
  });
});
