/**
 * The transparent per-example float64 pass (trace.ts) against the batched float32 `forward` /
 * `backward`, and against central finite differences computed in float64.
 *
 * Against the batched pass the bound is float32's: it stores z, a and δ in float32 (relative
 * rounding 6e-8 per value, a few layers deep), so 2e-5 relative to the layer's largest value.
 * Against finite differences the trace is all float64, so the bound is much tighter: the
 * central difference with h = 1e-6 is accurate to ~h² plus rounding ~1e-16/h ≈ 1e-10, and
 * 1e-6 relative still catches any wrong derivative (off by O(1)).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type HiddenActivationName, type OutputActivationName } from '../../src/core/activations.js';
import { backward, createGradients } from '../../src/core/backprop.js';
import { type CostName, costByName, costFitsOutput } from '../../src/core/costs.js';
import { forward } from '../../src/core/forward.js';
import { layerActivation, Network } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import {
  addGradient,
  backpropagate,
  createGradientSums,
  createTrace,
  traceExample,
  traceForward,
  traceForwardFrom,
  type TraceNetwork,
  weightGradient,
} from '../../src/core/trace.js';
import { Workspace } from '../../src/core/workspace.js';
import { centralDifference, maxRelativeError } from './finite-difference.js';

function randomNetwork(hidden: HiddenActivationName, output: OutputActivationName, rng: Rng): Network {
  const net = Network.random({ sizes: [7, 6, 5, 4], activation: hidden, outputActivation: output }, 'xavier', rng);
  for (const b of net.biases) for (let i = 0; i < b.length; i++) b[i] = rng.normal() * 0.5;
  return net;
}

/** The network's parameters copied to float64, so finite differences can move them by 1e-6. */
function float64Copy(net: Network): TraceNetwork & { weights: Float64Array[]; biases: Float64Array[] } {
  return {
    sizes: net.sizes,
    activation: net.activation,
    outputActivation: net.outputActivation,
    weights: net.weights.map((w) => Float64Array.from(w)),
    biases: net.biases.map((b) => Float64Array.from(b)),
  };
}

const hiddens: HiddenActivationName[] = ['sigmoid', 'relu', 'tanh'];
const outputs: OutputActivationName[] = ['sigmoid', 'softmax', 'tanh', 'relu'];
const costs: CostName[] = ['quadratic', 'cross-entropy'];
const cases = hiddens.flatMap((hidden) => outputs.flatMap((output) => costs.filter((c) => costFitsOutput(c, output)).map((cost) => ({ hidden, output, cost }))));

for (const { hidden, output, cost } of cases) {
  test(`trace = batched forward/backward: ${hidden} hidden, ${output} output, ${cost}`, () => {
    const rng = new Rng(21);
    const net = randomNetwork(hidden, output, rng);
    const batch = 5;
    const ws = Workspace.for(net, batch);
    for (let i = 0; i < ws.input.length; i++) ws.input[i] = rng.uniform();
    const labels = [0, 3, 1, 2, 3];
    forward(net, ws, batch);
    const grads = createGradients(net);
    const costSum = backward(net, ws, labels, batch, costByName(cost), grads, true);

    const n0 = net.sizes[0];
    const sums = createGradientSums(net.sizes);
    const trace = createTrace(net.sizes);
    let traceCost = 0;
    for (let r = 0; r < batch; r++) {
      traceExample(net, costByName(cost), ws.input.subarray(r * n0, (r + 1) * n0), labels[r], trace);
      traceCost += trace.cost;
      for (let l = 1; l <= net.layerCount; l++) {
        const n = net.sizes[l];
        const row = (m: Float32Array) => m.subarray(r * n, (r + 1) * n);
        assert.ok(maxRelativeError(trace.weightedInputs[l - 1], row(ws.weightedInputs[l - 1])) < 2e-5, `example ${r}: z of layer ${l}`);
        assert.ok(maxRelativeError(trace.activations[l], row(ws.activations[l])) < 2e-5, `example ${r}: a of layer ${l}`);
        assert.ok(maxRelativeError(trace.deltas[l - 1], row(ws.deltas[l - 1])) < 2e-5, `example ${r}: δ of layer ${l}`);
      }
      assert.ok(maxRelativeError(trace.activationGradients[0], ws.inputGradient.subarray(r * n0, (r + 1) * n0)) < 2e-5, `example ${r}: ∂C/∂a⁰`);
      addGradient(trace, sums);
    }
    assert.ok(Math.abs(traceCost - costSum) < 2e-5 * Math.max(1, Math.abs(costSum)), 'summed cost');
    for (let l = 0; l < net.layerCount; l++) {
      assert.ok(maxRelativeError(sums.weights[l].map((v) => v / batch), grads.weights[l]) < 2e-5, `∂C/∂W of layer ${l + 1}`);
      assert.ok(maxRelativeError(sums.biases[l].map((v) => v / batch), grads.biases[l]) < 2e-5, `∂C/∂b of layer ${l + 1}`);
    }
  });

  test(`trace = finite differences in float64: ${hidden} hidden, ${output} output, ${cost}`, () => {
    const rng = new Rng(8);
    const net = float64Copy(randomNetwork(hidden, output, rng));
    const input = Float64Array.from({ length: net.sizes[0] }, () => rng.uniform());
    const label = 2;
    const c = costByName(cost);
    const trace = traceExample(net, c, input, label);
    const C = (): number => traceExample(net, c, input, label).cost;
    const h = 1e-6;
    const numeric = (arr: Float64Array, i: number): number => centralDifference(arr, i, C, h);
    for (let l = 1; l <= net.sizes.length - 1; l++) {
      const gW = weightGradient(trace, l);
      const fdW = Array.from(net.weights[l - 1], (_, i) => numeric(net.weights[l - 1], i));
      const fdB = Array.from(net.biases[l - 1], (_, i) => numeric(net.biases[l - 1], i));
      assert.ok(maxRelativeError(gW, fdW) < 1e-6, `∂C/∂W of layer ${l}: ${maxRelativeError(gW, fdW).toExponential(2)}`);
      assert.ok(maxRelativeError(trace.deltas[l - 1], fdB) < 1e-6, `∂C/∂b of layer ${l}`);
    }
    const fdInput = Array.from(input, (_, k) => numeric(input, k));
    assert.ok(maxRelativeError(trace.activationGradients[0], fdInput) < 1e-6, '∂C/∂a⁰');
    // ∂C/∂a^L from costs.ts: move each output activation itself.
    const L = net.sizes.length - 1;
    const out = Float64Array.from(trace.activations[L]);
    const f = layerActivation(net, L - 1);
    const fdOut = Array.from(out, (_, j) => centralDifference(out, j, () => c.value(out, 0, out.length, label, f), h));
    assert.ok(maxRelativeError(trace.activationGradients[L], fdOut) < 1e-6, '∂C/∂a^L');
  });
}

test('backpropagate from a hidden neuron gives ∂z/∂input, as finite differences say', () => {
  const rng = new Rng(4);
  const net = float64Copy(randomNetwork('sigmoid', 'sigmoid', rng));
  const input = Float64Array.from({ length: net.sizes[0] }, () => rng.uniform());
  for (const [layer, neuron] of [[1, 2], [2, 4]] as const) {
    const trace = traceForward(net, input);
    trace.deltas[layer - 1].fill(0);
    trace.deltas[layer - 1][neuron] = 1;
    backpropagate(net, trace, layer);
    assert.ok(Number.isNaN(trace.cost));
    const z = (): number => traceForward(net, input).weightedInputs[layer - 1][neuron];
    const fd = Array.from(input, (_, k) => centralDifference(input, k, z));
    assert.ok(maxRelativeError(trace.activationGradients[0], fd) < 1e-6, `layer ${layer} neuron ${neuron}`);
  }
});

test('traceForwardFrom continues a pass from a given z¹ to the same numbers', () => {
  const rng = new Rng(6);
  const net = randomNetwork('tanh', 'softmax', rng);
  const input = Float64Array.from({ length: net.sizes[0] }, () => rng.uniform());
  const whole = traceForward(net, input);
  const part = createTrace(net.sizes);
  part.weightedInputs[0].set(whole.weightedInputs[0]);
  traceForwardFrom(net, part, 1);
  for (let l = 1; l < net.sizes.length; l++) assert.deepEqual(part.activations[l], whole.activations[l]);
  assert.deepEqual(part.slopes, whole.slopes);
});

test('the trace refuses an input of the wrong size', () => {
  const net = randomNetwork('sigmoid', 'sigmoid', new Rng(1));
  assert.throws(() => traceForward(net, new Float64Array(5)), /takes 7 inputs, got 5/);
});
