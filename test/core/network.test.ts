import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forward } from '../../src/core/forward.js';
import { Network, parameterCount, SEED_ARCHITECTURE } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import { Workspace } from '../../src/core/workspace.js';
import { accuracy, confusionMatrix, perClassAccuracy } from '../../src/core/metrics.js';

test('the source network has 13,002 parameters', () => {
  assert.equal(parameterCount([784, 16, 16, 10]), 784 * 16 + 16 * 16 + 16 * 10 + 16 + 16 + 10);
  assert.equal(new Network(SEED_ARCHITECTURE).parameterCount, 13_002);
  assert.equal(parameterCount([784, 100, 10]), 79_510);
});

test('forward computes a = σ(W·a + b) layer by layer, keeping z and a', () => {
  const net = new Network({ sizes: [2, 2, 1], activation: 'sigmoid', outputActivation: 'sigmoid' });
  net.weights[0].set([1, -1, 0.5, 2]); // neuron 0: w00=1, w01=-1; neuron 1: w10=0.5, w11=2
  net.biases[0].set([0, -1]);
  net.weights[1].set([3, -2]);
  net.biases[1].set([0.5]);
  const ws = Workspace.for(net, 2);
  ws.input.set([1, 0, 0.25, 1]);
  forward(net, ws, 2);
  const s = (z: number) => 1 / (1 + Math.exp(-z));
  for (const [r, x] of [[0, [1, 0]], [1, [0.25, 1]]] as const) {
    const z1 = [x[0] - x[1], 0.5 * x[0] + 2 * x[1] - 1];
    const a1 = z1.map(s);
    const z2 = 3 * a1[0] - 2 * a1[1] + 0.5;
    assert.ok(Math.abs(ws.weightedInputs[0][r * 2] - z1[0]) < 1e-6);
    assert.ok(Math.abs(ws.activations[1][r * 2 + 1] - a1[1]) < 1e-6);
    assert.ok(Math.abs(ws.weightedInputs[1][r] - z2) < 1e-6);
    assert.ok(Math.abs(ws.output[r] - s(z2)) < 1e-6);
  }
});

test('softmax outputs are probabilities', () => {
  const net = Network.random({ sizes: [5, 4, 3], activation: 'relu', outputActivation: 'softmax' }, 'he', new Rng(1));
  const ws = Workspace.for(net, 3);
  ws.input.set(Array.from({ length: 15 }, (_, i) => (i % 4) * 10));
  const out = forward(net, ws, 3);
  for (let r = 0; r < 3; r++) {
    const row = Array.from(out.subarray(r * 3, r * 3 + 3));
    assert.ok(row.every((p) => p >= 0 && p <= 1));
    assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-6);
  }
});

test('initialisation: the same seed gives the same network; scales follow the scheme', () => {
  const a = Network.random(SEED_ARCHITECTURE, 'normal', new Rng(5));
  const b = Network.random(SEED_ARCHITECTURE, 'normal', new Rng(5));
  assert.deepEqual(a.weights[0], b.weights[0]);
  const std = (w: Float32Array) => Math.sqrt(w.reduce((s, x) => s + x * x, 0) / w.length);
  assert.ok(Math.abs(std(a.weights[0]) - 1) < 0.03);
  const x = Network.random(SEED_ARCHITECTURE, 'xavier', new Rng(5));
  assert.ok(Math.abs(std(x.weights[0]) - Math.sqrt(1 / 784)) < 0.002);
  assert.ok(x.biases[0].every((v) => v === 0));
  const h = Network.random(SEED_ARCHITECTURE, 'he', new Rng(5));
  assert.ok(Math.abs(std(h.weights[0]) - Math.sqrt(2 / 784)) < 0.002);
});

test('metrics: accuracy, confusion matrix, per-class accuracy', () => {
  const predictions = [0, 1, 1, 2, 2, 2];
  const labels = [0, 1, 2, 2, 2, 0];
  assert.equal(accuracy(predictions, labels), 4 / 6);
  const m = confusionMatrix(predictions, labels, 3);
  assert.deepEqual(m, [[1, 0, 1], [0, 1, 0], [0, 1, 2]]);
  assert.deepEqual(perClassAccuracy(m), [0.5, 1, 2 / 3]);
});
