// The fast path (WebAssembly kernels) against the plain TypeScript reference: the same
// gradients and the same parameters after one mini-batch, for every activation × cost ×
// optimizer, on small random networks and on real MNIST images.
//
// Tolerance: |fast − reference| ≤ ATOL + RTOL·max(|fast|, |reference|) with RTOL = 1e-4,
// ATOL = 1e-6 (Adam: ATOL = 0.01·η for parameters and its moments, see below). Why: both store every number in float32, but the reference sums in float64
// while the kernels sum in float32, in a different order (f32x4 lanes, two accumulator
// sets) and use their own exp. A float32 sum of n terms has a relative error up to ~n·2⁻²⁴
// of the sum of |terms|; for a batch of ≤ 100 examples that is ~6e-6 of Σ|terms|, and
// cancellation (gradients are sums of terms of both signs) can make it larger relative to
// the result — 1e-4 leaves ~10× margin over the worst case seen here. ATOL covers gradient
// components that are zero in exact arithmetic (saturated sigmoids) and come out as ~1e-9.
// Adam is scale-invariant: its step η·m̂/(√v̂ + ε) is ~η for any gradient component well
// above ε = 1e-8, so a component that is pure rounding noise in both paths (|g| ~ 1e-7, from
// cancellation) moves its weight by up to η in a direction set by that noise. Such weights
// may legitimately differ by a fraction of a step; 0.01·η bounds it (seen: 0.0015·η).
import { describe, it } from 'node:test';
import { costFitsOutput, type CostName } from '../../src/core/costs.js';
import type { HiddenActivationName, OutputActivationName } from '../../src/core/activations.js';
import type { OptimizerName } from '../../src/core/optimizers.js';
import { checkGradients, checkSteps, shuffledOrder } from './checks.js';
import { randomDataset, realMnist, settingsFor } from './helpers.js';


const HIDDEN: HiddenActivationName[] = ['sigmoid', 'relu', 'tanh'];
const OUTPUT: OutputActivationName[] = ['sigmoid', 'relu', 'tanh', 'softmax'];
const COSTS: CostName[] = ['quadratic', 'cross-entropy'];
const OPTIMIZERS: OptimizerName[] = ['sgd', 'momentum', 'adam'];

/** Every valid (hidden, output, cost) combination. */
function combinations(): [HiddenActivationName, OutputActivationName, CostName][] {
  const out: [HiddenActivationName, OutputActivationName, CostName][] = [];
  for (const h of HIDDEN) for (const o of OUTPUT) for (const c of COSTS) if (costFitsOutput(c, o)) out.push([h, o, c]);
  return out;
}

describe('wasm backend agrees with the reference on small random networks', () => {
  // 60 pixels, 5 classes; sizes not multiples of 4 exercise the padding lanes; the 19-wide
  // layer takes both the 16-column and the 4-column kernel paths.
  const data = randomDataset(40, 6, 10, 5, 7);
  const order = shuffledOrder(40, 17);
  for (const [hidden, output, cost] of combinations()) {
    for (const optimizer of OPTIMIZERS) {
      it(`${hidden} → ${output}, ${cost}, ${optimizer}: gradients and 3 steps`, async () => {
        const s = settingsFor({
          sizes: [60, 19, 7, 5], activation: hidden, outputActivation: output, cost, optimizer,
          init: 'xavier', learningRate: optimizer === 'adam' ? 0.01 : 0.5, l2: 0.01, batchSize: 9, seed: 3,
        });
        await checkGradients(s, data, order, 2, 9);
        await checkSteps(s, data, order, 3);
      });
    }
  }
  it('a single weight layer (input straight to output) and a batch of one', async () => {
    const s = settingsFor({ sizes: [60, 5], outputActivation: 'softmax', cost: 'cross-entropy', init: 'xavier', batchSize: 1 });
    await checkGradients(s, data, order, 5, 1);
    await checkSteps(s, data, order, 4);
  });
});

describe('wasm backend agrees with the reference on real MNIST images', () => {
  it('seed network (784-16-16-10, sigmoid, quadratic, N(0,1)): gradients of a batch of 100', async () => {
    const { train } = await realMnist();
    const s = settingsFor({});
    await checkGradients(s, train, shuffledOrder(train.count, 7919), 300, 100);
  });
  for (const [hidden, output, cost] of [['relu', 'softmax', 'cross-entropy'], ['tanh', 'sigmoid', 'cross-entropy']] as const) {
    for (const optimizer of OPTIMIZERS) {
      it(`784-30-20-10 ${hidden} → ${output}, ${cost}, ${optimizer}: gradients and 5 steps`, async () => {
        const { train } = await realMnist();
        const s = settingsFor({
          sizes: [784, 30, 20, 10], activation: hidden, outputActivation: output, cost, optimizer, init: 'xavier',
          learningRate: optimizer === 'adam' ? 0.003 : 0.1, l2: 1e-4, batchSize: 50,
        });
        const order = shuffledOrder(train.count, 7919);
        await checkGradients(s, train, order, 0, 50);
        await checkSteps(s, train, order, 5);
      });
    }
  }
});
