import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backward, createGradients } from '../../src/core/backprop.js';
import { quadratic } from '../../src/core/costs.js';
import { forward } from '../../src/core/forward.js';
import { Network, SEED_ARCHITECTURE } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import { Workspace } from '../../src/core/workspace.js';
import { takeFirst } from '../../src/data/dataset.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { explainNudges, imagePixels } from '../../src/explain/nudges.js';
import { gatherBatch } from '../../src/train/batch.js';

const mnist = await loadMnist();
const train = takeFirst(mnist.train, 64);

/** The engine's ∂C/∂θ for images [start, start+count) (mean over the batch). */
function engineGradient(net: Network, start: number, count: number) {
  const ws = Workspace.for(net, count);
  const labels = new Uint8Array(count);
  gatherBatch(train, Uint32Array.from({ length: count }, (_, i) => start + i), 0, count, ws.input, labels);
  forward(net, ws, count);
  const g = createGradients(net);
  backward(net, ws, labels, count, quadratic, g);
  return g;
}

/** Largest |a − b| relative to the largest |b|. */
function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / (scale || 1);
}

test('the nudges of one image are exactly −(the engine\'s backprop gradient)', () => {
  // An untrained network: the source document's start of training, with large nudges.
  const net = Network.random(SEED_ARCHITECTURE, 'normal', new Rng(3));
  for (const index of [0, 7, 21]) {
    const r = explainNudges(net, 'quadratic', train, { index, batchSize: 1 });
    const g = engineGradient(net, index, 1);
    for (let l = 0; l < net.layerCount; l++) {
      assert.ok(relativeError(r.image.weightNudges[l].map((v) => -v), g.weights[l]) < 1e-5, `image ${index} weights of layer ${l + 1}`);
      assert.ok(relativeError(r.image.biasNudges[l].map((v) => -v), g.biases[l]) < 1e-5, `image ${index} biases of layer ${l + 1}`);
    }
  }
});

test('the mini-batch average of per-image nudges is −∇C of the batch from the engine', () => {
  const net = Network.random(SEED_ARCHITECTURE, 'normal', new Rng(5));
  const r = explainNudges(net, 'quadratic', train, { index: 10, batchSize: 16 });
  const g = engineGradient(net, 10, 16);
  for (let l = 0; l < net.layerCount; l++) {
    assert.ok(relativeError(r.batch.weightNudges[l].map((v) => -v), g.weights[l]) < 1e-5);
    assert.ok(relativeError(r.batch.biasNudges[l].map((v) => -v), g.biases[l]) < 1e-5);
  }
  assert.equal(r.batch.members.length, 16);
  assert.ok(r.batch.coherence > 0 && r.batch.coherence <= 1);
});

test('output wishes point up for the label and down for the rest, ∝ the error; the summed wishes are the column sums', () => {
  const net = Network.random(SEED_ARCHITECTURE, 'normal', new Rng(11));
  const r = explainNudges(net, 'quadratic', train, { index: 0 });
  const out = r.image.layers[0];
  out.wishes.forEach((w, j) => {
    const y = j === r.image.label ? 1 : 0;
    assert.ok(Math.abs(w - 2 * (y - out.activations[j])) < 1e-12);
    assert.ok(j === r.image.label ? w > 0 : w < 0);
  });
  const prev = r.image.layers[1];
  prev.wishes.forEach((s, k) => {
    const sum = r.image.contributions.reduce((acc, row) => acc + row[k], 0);
    assert.ok(Math.abs(s - sum) < 1e-12);
  });
  // The three ways: bias sensitivity is σ′(z); the weight lever is σ′(z)·a_k.
  const ways = r.ways;
  assert.equal(ways.neuron, r.image.label);
  ways.weightSensitivities.forEach((v, k) => assert.ok(Math.abs(v - ways.biasSensitivity * prev.activations[k]) < 1e-12));
  assert.equal(r.image.weightNudges[0].length, 784 * 16);
  assert.equal(imagePixels(train, 0).length, 784);
});
