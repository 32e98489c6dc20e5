// The fast path's gradient against finite differences of its own cost: for a few
// parameters of small smooth networks, ∂C/∂θ ≈ (C(θ + h) − C(θ − h)) / 2h.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createGradients } from '../../src/core/backprop.js';
import { Rng } from '../../src/core/rng.js';
import { randomDataset, randomNetwork, settingsFor, wasmBackend } from './helpers.js';

// The kernels compute in float32: the cost of a batch (~1–10) carries rounding noise of
// ~1e-6, so with h = 1e-2 the central difference is accurate to ~1e-4 absolute (its
// truncation error, h²·C''' / 6, is smaller). Components must agree to 1e-3 + 2 %.
const H = 1e-2;

describe('fast-path gradient matches finite differences', () => {
  const data = randomDataset(16, 4, 5, 4, 11);
  const order = new Uint32Array(16).map((_, i) => i);
  const combos = [
    ['sigmoid', 'sigmoid', 'quadratic'],
    ['tanh', 'softmax', 'cross-entropy'],
    ['sigmoid', 'sigmoid', 'cross-entropy'],
    ['tanh', 'softmax', 'quadratic'],
  ] as const;
  for (const [activation, outputActivation, cost] of combos) {
    it(`${activation} → ${outputActivation}, ${cost}`, async () => {
      const s = settingsFor({ sizes: [20, 6, 5, 4], activation, outputActivation, cost, init: 'xavier', batchSize: 16 });
      const net = randomNetwork(s);
      const backend = await wasmBackend(net.clone(), s);
      const grads = createGradients(net);
      backend.computeGradients(data, order, 0, 16, grads);
      const costOf = (): number => backend.computeGradients(data, order, 0, 16, createGradients(net)) / 16;
      const rng = new Rng(5);
      for (let l = 0; l < net.layerCount; l++) {
        for (let trial = 0; trial < 6; trial++) {
          const isBias = trial % 3 === 2;
          const params = isBias ? net.biases[l] : net.weights[l];
          const i = rng.int(params.length);
          const saved = params[i];
          params[i] = saved + H;
          const plus = params[i]; // the float32 actually stored
          backend.writeNetwork(net);
          const up = costOf();
          params[i] = saved - H;
          const minus = params[i];
          backend.writeNetwork(net);
          const down = costOf();
          params[i] = saved;
          backend.writeNetwork(net);
          const numeric = (up - down) / (plus - minus);
          const analytic = (isBias ? grads.biases[l] : grads.weights[l])[i];
          assert.ok(
            Math.abs(numeric - analytic) <= 1e-3 + 0.02 * Math.abs(numeric),
            `layer ${l + 1} ${isBias ? 'bias' : 'weight'} ${i}: analytic ${analytic}, numeric ${numeric}`,
          );
        }
      }
    });
  }
});
