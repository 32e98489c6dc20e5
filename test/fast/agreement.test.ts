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
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backward, createGradients } from '../../src/core/backprop.js';
import { costByName, costFitsOutput, type CostName } from '../../src/core/costs.js';
import { forward } from '../../src/core/forward.js';
import type { HiddenActivationName, OutputActivationName } from '../../src/core/activations.js';
import type { OptimizerName } from '../../src/core/optimizers.js';
import { Network } from '../../src/core/network.js';
import { Workspace } from '../../src/core/workspace.js';
import type { Dataset } from '../../src/data/dataset.js';
import { gatherBatch } from '../../src/train/batch.js';
import { ReferenceBackend } from '../../src/train/reference-backend.js';
import type { TrainingSettings } from '../../src/train/settings.js';
import { randomDataset, randomNetwork, realMnist, settingsFor, wasmBackend, worstRatio } from './helpers.js';

const RTOL = 1e-4;
const ATOL = 1e-6;

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

/** The reference's averaged gradients and summed cost for examples order[start … start+count). */
function referenceGradients(net: Network, s: TrainingSettings, data: Dataset, order: Uint32Array, start: number, count: number) {
  const ws = Workspace.for(net, count);
  const labels = new Uint8Array(count);
  gatherBatch(data, order, start, count, ws.input, labels);
  forward(net, ws, count);
  const grads = createGradients(net);
  const cost = backward(net, ws, labels, count, costByName(s.cost), grads);
  return { grads, cost };
}

function assertClose(what: string, fast: Float32Array, ref: Float32Array, atol = ATOL): void {
  const worst = worstRatio(fast, ref, atol, RTOL);
  assert.ok(worst <= 1, `${what}: differs by ${worst.toFixed(2)}× the tolerance`);
}

async function checkGradients(s: TrainingSettings, data: Dataset, order: Uint32Array, start: number, count: number): Promise<void> {
  const net = randomNetwork(s);
  const fast = await wasmBackend(net.clone(), s);
  const grads = createGradients(net);
  const cost = fast.computeGradients(data, order, start, count, grads);
  const ref = referenceGradients(net, s, data, order, start, count);
  assert.ok(Math.abs(cost - ref.cost) <= 1e-4 * Math.abs(ref.cost) + 1e-6, `cost ${cost} vs ${ref.cost}`);
  for (let l = 0; l < net.layerCount; l++) {
    assertClose(`∂C/∂W layer ${l + 1}`, grads.weights[l], ref.grads.weights[l]);
    assertClose(`∂C/∂b layer ${l + 1}`, grads.biases[l], ref.grads.biases[l]);
  }
}

async function checkSteps(s: TrainingSettings, data: Dataset, order: Uint32Array, steps: number): Promise<void> {
  const net = randomNetwork(s);
  const fast = await wasmBackend(net.clone(), s);
  const refNet = net.clone();
  const ref = new ReferenceBackend(refNet, s);
  for (let i = 0; i < steps; i++) {
    const a = fast.trainMiniBatch(data, order, i * s.batchSize, s.batchSize, s.learningRate);
    const b = ref.trainMiniBatch(data, order, i * s.batchSize, s.batchSize, s.learningRate);
    assert.equal(a.correct, b.correct, 'right answers in the batch');
    assert.ok(Math.abs(a.costSum - b.costSum) <= 1e-4 * Math.abs(b.costSum) + 1e-6, `cost ${a.costSum} vs ${b.costSum}`);
  }
  const out = new Network(net);
  fast.readNetwork(out);
  const atol = s.optimizer === 'adam' ? 0.01 * s.learningRate : ATOL;
  for (let l = 0; l < net.layerCount; l++) {
    assertClose(`W layer ${l + 1}`, out.weights[l], refNet.weights[l], atol);
    assertClose(`b layer ${l + 1}`, out.biases[l], refNet.biases[l], atol);
  }
  const state = fast.getOptimizerState();
  const refState = ref.getOptimizerState();
  assert.equal(state.step, refState.step);
  assert.equal(state.buffers.length, refState.buffers.length);
  state.buffers.forEach((buffer, i) => assertClose(`optimizer state ${i}`, buffer, refState.buffers[i], atol));
}

function shuffledOrder(n: number, stride: number): Uint32Array {
  return new Uint32Array(n).map((_, i) => (i * stride) % n);
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
