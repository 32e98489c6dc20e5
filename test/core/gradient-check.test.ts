/**
 * Backpropagation checked against central finite differences.
 *
 * The reference cost here is an independent float64 implementation written per example with
 * scalar loops, so it shares no code with `forward`/`backward`. For every hidden activation ×
 * output activation × cost, the analytic gradient (float32 storage, float64 sums) must match
 *   (C(θ + h) − C(θ − h)) / 2h   with h = 1e-6, evaluated in float64,
 * to a relative error ‖g − g_fd‖ / max(‖g‖, ‖g_fd‖) ≤ 2e-5. Why that bound: the finite
 * difference itself is accurate to ~h² ≈ 1e-12; the analytic side keeps z, a and δ in float32
 * (relative rounding 6e-8 per stored value) through a few layers, which gives component
 * errors of order 1e-6 relative; 2e-5 leaves room for that and still catches any real
 * mistake (a wrong derivative is off by O(1)).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type HiddenActivationName, type OutputActivationName } from '../../src/core/activations.js';
import { backward, createGradients } from '../../src/core/backprop.js';
import { type CostName, costByName, costFitsOutput } from '../../src/core/costs.js';
import { forward } from '../../src/core/forward.js';
import { Network } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import { Workspace } from '../../src/core/workspace.js';
import { centralDifference } from './finite-difference.js';

const f64: Record<HiddenActivationName, (z: number) => number> = {
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  relu: (z) => Math.max(0, z),
  tanh: (z) => Math.tanh(z),
};

/** Mean cost over the batch, all in float64, from parameters given as plain numbers. */
function referenceCost(
  sizes: number[],
  W: Float64Array[],
  B: Float64Array[],
  hidden: HiddenActivationName,
  output: OutputActivationName,
  cost: CostName,
  inputs: Float64Array[],
  labels: number[],
): number {
  let total = 0;
  for (let x = 0; x < inputs.length; x++) {
    let a = Array.from(inputs[x]);
    for (let l = 0; l < W.length; l++) {
      const z = new Array<number>(sizes[l + 1]).fill(0);
      for (let j = 0; j < z.length; j++) {
        z[j] = B[l][j];
        for (let k = 0; k < sizes[l]; k++) z[j] += W[l][j * sizes[l] + k] * a[k];
      }
      const last = l === W.length - 1;
      if (last && output === 'softmax') {
        const m = Math.max(...z);
        const e = z.map((v) => Math.exp(v - m));
        const s = e.reduce((p, q) => p + q, 0);
        a = e.map((v) => v / s);
      } else {
        const f = f64[last ? (output as HiddenActivationName) : hidden];
        a = z.map(f);
      }
    }
    const y = a.map((_, j) => (j === labels[x] ? 1 : 0));
    if (cost === 'quadratic') total += a.reduce((s, v, j) => s + (v - y[j]) ** 2, 0);
    else if (output === 'softmax') total -= Math.log(a[labels[x]]);
    else total -= a.reduce((s, v, j) => s + (y[j] ? Math.log(v) : Math.log(1 - v)), 0);
  }
  return total / inputs.length;
}

function relativeError(a: number[], b: number[]): number {
  let diff = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i] - b[i]) ** 2;
    na += a[i] ** 2;
    nb += b[i] ** 2;
  }
  return Math.sqrt(diff) / Math.max(Math.sqrt(na), Math.sqrt(nb), 1e-12);
}

const hiddens: HiddenActivationName[] = ['sigmoid', 'relu', 'tanh'];
const outputs: OutputActivationName[] = ['sigmoid', 'softmax', 'tanh', 'relu'];
const costs: CostName[] = ['quadratic', 'cross-entropy'];

for (const hidden of hiddens) {
  for (const output of outputs) {
    for (const cost of costs) {
      if (!costFitsOutput(cost, output)) continue;
      test(`backprop = finite differences: ${hidden} hidden, ${output} output, ${cost}`, () => {
        const sizes = [6, 5, 4, 3];
        const rng = new Rng(7);
        const net = Network.random({ sizes, activation: hidden, outputActivation: output }, 'xavier', rng);
        for (const b of net.biases) for (let i = 0; i < b.length; i++) b[i] = rng.normal() * 0.5;
        const batch = 4;
        const ws = Workspace.for(net, batch);
        const inputs: Float64Array[] = [];
        for (let x = 0; x < batch; x++) {
          const row = new Float64Array(sizes[0]);
          for (let k = 0; k < row.length; k++) row[k] = ws.input[x * sizes[0] + k] = Math.fround(rng.uniform());
          inputs.push(row);
        }
        const labels = [0, 2, 1, 2];
        forward(net, ws, batch);
        const grads = createGradients(net);
        const costSum = backward(net, ws, labels, batch, costByName(cost), grads, true);

        const W = net.weights.map((w) => Float64Array.from(w));
        const B = net.biases.map((b) => Float64Array.from(b));
        const C = () => referenceCost(sizes, W, B, hidden, output, cost, inputs, labels);
        assert.ok(Math.abs(costSum / batch - C()) < 1e-5 * Math.max(1, C()), 'cost value matches the float64 reference');

        const h = 1e-6;
        const numeric = (arr: Float64Array, i: number): number => centralDifference(arr, i, C, h);
        for (let l = 0; l < net.layerCount; l++) {
          const gW = Array.from(W[l], (_, i) => numeric(W[l], i));
          const gB = Array.from(B[l], (_, i) => numeric(B[l], i));
          const eW = relativeError(Array.from(grads.weights[l]), gW);
          const eB = relativeError(Array.from(grads.biases[l]), gB);
          assert.ok(eW <= 2e-5, `layer ${l + 1} weights: relative error ${eW.toExponential(2)}`);
          assert.ok(eB <= 2e-5, `layer ${l + 1} biases: relative error ${eB.toExponential(2)}`);
        }
        // The input gradient: ∂C_x/∂a^0 for each example (the mean cost's gradient × batch).
        const inputGrad: number[] = [];
        const inputNumeric: number[] = [];
        for (let x = 0; x < batch; x++) {
          for (let k = 0; k < sizes[0]; k++) {
            inputGrad.push(ws.inputGradient[x * sizes[0] + k]);
            inputNumeric.push(numeric(inputs[x], k) * batch);
          }
        }
        const eIn = relativeError(inputGrad, inputNumeric);
        assert.ok(eIn <= 2e-5, `input gradient: relative error ${eIn.toExponential(2)}`);
      });
    }
  }
}
