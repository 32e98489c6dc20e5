// Checks of the fast path against the reference, shared by the agreement tests: the same
// gradients for one batch, the same parameters and optimizer state after a few steps.
// Tolerances and why: see agreement.test.ts.
import assert from 'node:assert/strict';
import { backward, createGradients } from '../../src/core/backprop.js';
import { costByName } from '../../src/core/costs.js';
import { forward } from '../../src/core/forward.js';
import { Network } from '../../src/core/network.js';
import { Workspace } from '../../src/core/workspace.js';
import type { Dataset } from '../../src/data/dataset.js';
import { gatherBatch } from '../../src/train/batch.js';
import { ReferenceBackend } from '../../src/train/reference-backend.js';
import type { TrainingSettings } from '../../src/model/training-settings.js';
import { randomNetwork, wasmBackend, worstRatio } from './helpers.js';

/** Relative tolerance of a fast number against the reference's. */
export const RTOL = 1e-4;
/** Absolute tolerance (numbers that are zero in exact arithmetic). */
export const ATOL = 1e-6;

/** The reference's averaged gradients and summed cost for examples order[start … start+count). */
export function referenceGradients(net: Network, s: TrainingSettings, data: Dataset, order: Uint32Array, start: number, count: number) {
  const ws = Workspace.for(net, count);
  const labels = new Uint8Array(count);
  gatherBatch(data, order, start, count, ws.input, labels);
  forward(net, ws, count);
  const grads = createGradients(net);
  const cost = backward(net, ws, labels, count, costByName(s.cost), grads);
  return { grads, cost };
}

/** Asserts |fast − ref| ≤ atol + RTOL·max(|fast|, |ref|) everywhere. */
export function assertClose(what: string, fast: Float32Array, ref: Float32Array, atol = ATOL): void {
  const worst = worstRatio(fast, ref, atol, RTOL);
  assert.ok(worst <= 1, `${what}: differs by ${worst.toFixed(2)}× the tolerance`);
}

/**
 * Adam's weights after a few steps: all but one in a hundred within `atol` (+ RTOL), and
 * every one within `bound`. Two things make a few weights differ by a fraction of a step while
 * both paths are right. A ReLU neuron whose z is within rounding of 0 for one example of the
 * batch is on in one path and off in the other (float32 against float64 sums), and Adam turns
 * that example's share of the neuron's gradient into a visible move of all its weights (seen:
 * one neuron of 100, 0.1·η). And Adam divides each gradient component by its own running size, so
 * its first steps move every weight by about η·sign(g): a component that is zero in exact
 * arithmetic but comes out as ±1e-9 of rounding noise (a pixel that is ink in one image of the
 * batch, with a gradient that cancels) moves its weight by ±η, in a direction set by noise
 * that the two paths round differently. Any real error in a kernel (a wrong index, a dropped
 * term) moves far more than 1 % of the weights.
 */
export function assertMostlyClose(what: string, fast: Float32Array, ref: Float32Array, atol: number, bound: number): void {
  let outliers = 0;
  for (let i = 0; i < fast.length; i++) {
    const d = Math.abs(fast[i] - ref[i]);
    assert.ok(d <= bound, `${what}[${i}]: differs by ${d}, more than ${bound}`);
    if (!(d <= atol + RTOL * Math.max(Math.abs(fast[i]), Math.abs(ref[i])))) outliers++;
  }
  assert.ok(outliers <= fast.length / 100, `${what}: ${outliers} of ${fast.length} differ by more than the tolerance`);
}

/** The fast path's gradients and cost of one batch equal the reference's (to the tolerance). */
export async function checkGradients(s: TrainingSettings, data: Dataset, order: Uint32Array, start: number, count: number): Promise<void> {
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

/** After `steps` mini-batches the fast path's parameters and optimizer state equal the reference's. */
export async function checkSteps(s: TrainingSettings, data: Dataset, order: Uint32Array, steps: number): Promise<void> {
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
    if (s.optimizer === 'adam') {
      assertMostlyClose(`W layer ${l + 1}`, out.weights[l], refNet.weights[l], atol, 2 * steps * s.learningRate);
      assertMostlyClose(`b layer ${l + 1}`, out.biases[l], refNet.biases[l], atol, 2 * steps * s.learningRate);
    } else {
      assertClose(`W layer ${l + 1}`, out.weights[l], refNet.weights[l], atol);
      assertClose(`b layer ${l + 1}`, out.biases[l], refNet.biases[l], atol);
    }
  }
  const state = fast.getOptimizerState();
  const refState = ref.getOptimizerState();
  assert.equal(state.step, refState.step);
  assert.equal(state.buffers.length, refState.buffers.length);
  // Adam's moments are compared through the weights they moved (their own scale is the gradient's).
  if (s.optimizer !== 'adam') state.buffers.forEach((buffer, i) => assertClose(`optimizer state ${i}`, buffer, refState.buffers[i], atol));
}

/** A fixed permutation of 0 … n−1 (stride coprime to n). */
export function shuffledOrder(n: number, stride: number): Uint32Array {
  return new Uint32Array(n).map((_, i) => (i * stride) % n);
}

