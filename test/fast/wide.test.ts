// The wide path (asm/wide.ts: tiled products, neuron-split stages) against the reference at
// every width of the wide bench, in both of its recipes, on real MNIST images: the same
// gradients of a batch and the same parameters after a few steps (tolerances: checks.ts and
// agreement.test.ts). The seed's 784-16-16-10 stays on the plain kernels (its bits are pinned
// by the baselines); the others take the wide path, which this also asserts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWide } from '../../src/fast/layout.js';
import { checkGradients, checkSteps, shuffledOrder } from './checks.js';
import { randomDataset, realMnist, settingsFor } from './helpers.js';

const WIDTHS: number[][] = [[784, 16, 16, 10], [784, 100, 10], [784, 256, 256, 10], [784, 512, 512, 10]];
const RECIPES = {
  seed: { activation: 'sigmoid', cost: 'quadratic', optimizer: 'sgd', init: 'xavier', learningRate: 0.5 },
  modern: { activation: 'relu', cost: 'cross-entropy', optimizer: 'adam', init: 'he', learningRate: 0.001 },
} as const;

describe('the wide path agrees with the reference', () => {
  it('takes the wide path exactly for networks with a hidden layer of 32 or more', () => {
    assert.deepEqual(WIDTHS.map(isWide), [false, true, true, true]);
    assert.equal(isWide([784, 10]), false);
    assert.equal(isWide([784, 31, 10]), false);
    assert.equal(isWide([784, 32, 10]), true);
  });
  for (const sizes of WIDTHS) {
    for (const [name, recipe] of Object.entries(RECIPES)) {
      it(`${sizes.join('-')}, ${name} recipe: gradients of a batch of 100 and 3 steps`, async () => {
        const { train } = await realMnist();
        const s = settingsFor({ sizes, ...recipe, l2: 1e-4, batchSize: 100 });
        const order = shuffledOrder(train.count, 7919);
        await checkGradients(s, train, order, 100, 100);
        await checkSteps(s, train, order, 3);
      });
    }
  }
  it('odd sizes (not multiples of 4), tanh and momentum, a short last batch', async () => {
    const data = randomDataset(90, 6, 10, 7, 11);
    const order = shuffledOrder(90, 31);
    for (const activation of ['sigmoid', 'relu', 'tanh'] as const) {
      const s = settingsFor({ sizes: [60, 37, 45, 7], activation, cost: 'quadratic', optimizer: 'momentum', init: 'xavier', learningRate: 0.3, l2: 0.01, batchSize: 23 });
      await checkGradients(s, data, order, 3, 23);
      await checkGradients(s, data, order, 70, 17);
      await checkSteps(s, data, order, 3);
    }
  });
});
