// The wide path (asm/wide.ts: tiled products, neuron-split stages) against the reference at
// every width of the wide bench, in both of its recipes, on real MNIST images: the same
// gradients of a batch and the same parameters after a few steps (tolerances: checks.ts and
// agreement.test.ts). The seed's 784-16-16-10 stays on the plain kernels (its bits are pinned
// by the baselines); the others take the wide path, which this also asserts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createGradients } from '../../src/core/backprop.js';
import type { Network } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import { isWide } from '../../src/fast/layout.js';
import { checkGradients, checkSteps, shuffledOrder } from './checks.js';
import { randomDataset, randomNetwork, realMnist, settingsFor, wasmBackend } from './helpers.js';

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
  it('plain SGD without L2 (rows of pixels absent from a batch are left alone): 3 steps at 784-100-10 and 784-256-256-10', async () => {
    const { train } = await realMnist();
    const order = shuffledOrder(train.count, 104729);
    for (const sizes of [[784, 100, 10], [784, 256, 256, 10]]) {
      for (const activation of ['sigmoid', 'relu'] as const) {
        const s = settingsFor({ sizes, activation, cost: 'quadratic', optimizer: 'sgd', init: 'xavier', learningRate: 0.5, l2: 0, batchSize: 100 });
        await checkSteps(s, train, order, 3);
      }
    }
  });
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

// Finite differences along one direction through all parameters at once: u_i = sign(g_i)
// (a random sign where g_i = 0), so (C(θ + h·u) − C(θ − h·u)) / 2h should equal
// ∇C·u = Σ|g_i| — a component with a wrong value or sign makes the two differ, and the signal
// (the gradient's 1-norm) stands far above the float32 noise of the cost (summed over 50 real
// images). h = 1e-4 keeps the truncation error and, for ReLU, the units whose z crosses 0
// within ±h well under the 2 % allowed. The stored parameters' actual differences are used,
// so the float32 rounding of θ ± h·u is not counted as error.
describe("the wide path's gradient matches finite differences", () => {
  for (const sizes of WIDTHS) {
    for (const [name, recipe] of Object.entries(RECIPES)) {
      it(`${sizes.join('-')}, ${name} recipe: directional derivative over all parameters`, async () => {
        const { train } = await realMnist();
        const s = settingsFor({ sizes, ...recipe, batchSize: 50 });
        const order = shuffledOrder(train.count, 7919);
        const net = randomNetwork(s);
        const backend = await wasmBackend(net.clone(), s);
        const grads = createGradients(net);
        backend.computeGradients(train, order, 0, 50, grads);
        const h = 1e-4;
        const rng = new Rng(9);
        const plus = net.clone();
        const minus = net.clone();
        const tensors = (n: Network): Float32Array[] => [...n.weights, ...n.biases];
        const g = [...grads.weights, ...grads.biases];
        const p = tensors(plus);
        const m = tensors(minus);
        let analytic = 0;
        tensors(net).forEach((theta, t) => {
          for (let i = 0; i < theta.length; i++) {
            const u = g[t][i] > 0 ? 1 : g[t][i] < 0 ? -1 : rng.uniform() < 0.5 ? -1 : 1;
            p[t][i] = theta[i] + h * u;
            m[t][i] = theta[i] - h * u;
            analytic += g[t][i] * (p[t][i] - m[t][i]);
          }
        });
        const cost = (n: Network): number => {
          backend.writeNetwork(n);
          return backend.computeGradients(train, order, 0, 50, createGradients(n)) / 50;
        };
        const numeric = cost(plus) - cost(minus);
        assert.ok(Math.abs(analytic) > 1e-3, `a measurable directional derivative (${analytic})`);
        assert.ok(Math.abs(numeric - analytic) <= 0.02 * Math.abs(analytic), `numeric ${numeric} vs analytic ${analytic}`);
      });
    }
  }
});
