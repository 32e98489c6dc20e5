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
import { explainNudges, imagePixels, trainingSetAverage } from '../../src/explain/nudges.js';
import { gatherBatch } from '../../src/train/batch.js';
import { maxRelativeError } from '../core/finite-difference.js';

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

test('the nudges of one image are exactly −(the engine\'s backprop gradient)', () => {
  // An untrained network: the source document's start of training, with large nudges.
  const net = Network.random(SEED_ARCHITECTURE, 'normal', new Rng(3));
  for (const index of [0, 7, 21]) {
    const r = explainNudges(net, 'quadratic', train, { index, batchSize: 1 });
    const g = engineGradient(net, index, 1);
    for (let l = 0; l < net.layerCount; l++) {
      assert.ok(maxRelativeError(r.image.weightNudges[l].map((v) => -v), g.weights[l]) < 1e-5, `image ${index} weights of layer ${l + 1}`);
      assert.ok(maxRelativeError(r.image.biasNudges[l].map((v) => -v), g.biases[l]) < 1e-5, `image ${index} biases of layer ${l + 1}`);
    }
  }
});

test('the mini-batch average of per-image nudges is −∇C of the batch from the engine', () => {
  const net = Network.random(SEED_ARCHITECTURE, 'normal', new Rng(5));
  const r = explainNudges(net, 'quadratic', train, { index: 10, batchSize: 16 });
  const g = engineGradient(net, 10, 16);
  for (let l = 0; l < net.layerCount; l++) {
    assert.ok(maxRelativeError(r.batch.weightNudges[l].map((v) => -v), g.weights[l]) < 1e-5);
    assert.ok(maxRelativeError(r.batch.biasNudges[l].map((v) => -v), g.biases[l]) < 1e-5);
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

test('wishes are summed backwards a layer at a time down to the pixels; the pixels\' wishes are −∂C_x/∂a⁰ of the engine', () => {
  const net = Network.random(SEED_ARCHITECTURE, 'normal', new Rng(13));
  const index = 5;
  const r = explainNudges(net, 'quadratic', train, { index, batchSize: 1 });
  const steps = r.image.backward;
  assert.deepEqual(steps.map((s) => [s.from, s.to]), [[3, 2], [2, 1], [1, 0]]);
  for (const step of steps) {
    assert.equal(step.contributions.length, net.sizes[step.from]);
    step.wishes.forEach((wish, k) => {
      const sum = step.contributions.reduce((acc, row) => acc + row[k], 0);
      assert.ok(Math.abs(wish - sum) < 1e-12 * Math.max(1, Math.abs(wish)), `layer ${step.to} neuron ${k}`);
    });
  }
  // The hidden layers' wishes are the ones `layers` lists; the last step ends at the 784 pixels.
  assert.deepEqual(steps[0].wishes, r.image.layers[1].wishes);
  assert.deepEqual(steps[1].wishes, r.image.layers[2].wishes);
  assert.equal(r.image.inputWishes.length, 784);
  assert.deepEqual(r.image.inputWishes, steps[2].wishes);
  const ws = Workspace.for(net, 1);
  const labels = new Uint8Array(1);
  gatherBatch(train, Uint32Array.of(index), 0, 1, ws.input, labels);
  forward(net, ws, 1);
  backward(net, ws, labels, 1, quadratic, createGradients(net), true);
  assert.ok(maxRelativeError(r.image.inputWishes.map((v) => -v), ws.inputGradient) < 1e-5);
});

test('the average over all 60,000 training images is −∇C of the engine\'s backward over the same set', () => {
  const net = Network.random(SEED_ARCHITECTURE, 'xavier', new Rng(17));
  const all = mnist.train;
  const average = trainingSetAverage(net, 'quadratic', all);
  assert.equal(average.count, 60_000);
  // The engine's gradient of C over the whole set, in chunks of 1,000 (each a mean), then averaged.
  const chunk = 1000;
  const ws = Workspace.for(net, chunk);
  const labels = new Uint8Array(chunk);
  const g = createGradients(net);
  const sumW = net.weights.map((w) => new Float64Array(w.length));
  const sumB = net.biases.map((b) => new Float64Array(b.length));
  let costSum = 0;
  for (let start = 0; start < all.count; start += chunk) {
    gatherBatch(all, Uint32Array.from({ length: chunk }, (_, i) => start + i), 0, chunk, ws.input, labels);
    forward(net, ws, chunk);
    costSum += backward(net, ws, labels, chunk, quadratic, g);
    g.weights.forEach((w, l) => w.forEach((v, i) => (sumW[l][i] += v / 60)));
    g.biases.forEach((b, l) => b.forEach((v, i) => (sumB[l][i] += v / 60)));
  }
  for (let l = 0; l < net.layerCount; l++) {
    // Measured ~1e-8 (the engine stores each chunk's mean in float32); an average over n ± 1 images would be off by 1.7e-5.
    assert.ok(maxRelativeError(average.weightNudges[l].map((v) => -v), sumW[l]) < 1e-6, `weights of layer ${l + 1}`);
    assert.ok(maxRelativeError(average.biasNudges[l].map((v) => -v), sumB[l]) < 1e-6, `biases of layer ${l + 1}`);
  }
  assert.ok(Math.abs(average.cost - costSum / all.count) < 1e-6 * average.cost);
  assert.ok(average.coherence > 0 && average.coherence < 1);
  assert.ok(average.accuracy >= 0 && average.accuracy <= 1);
});

test('the training-set average wishes of every layer, pixels included, are the mean of the images\' wishes', () => {
  const net = Network.random(SEED_ARCHITECTURE, 'normal', new Rng(19));
  const count = 40;
  const average = trainingSetAverage(net, 'quadratic', train, count);
  const per = Array.from({ length: count }, (_, i) => explainNudges(net, 'quadratic', train, { index: i, batchSize: 1 }).image);
  assert.deepEqual(average.layerWishes.map((w) => w.layer), [3, 2, 1, 0]);
  const mean = (pick: (p: (typeof per)[number]) => readonly number[]) => pick(per[0]).map((_, k) => per.reduce((s, p) => s + pick(p)[k], 0) / count);
  assert.ok(maxRelativeError(average.layerWishes[0].wishes, mean((p) => p.layers[0].wishes)) < 1e-12);
  assert.ok(maxRelativeError(average.layerWishes[1].wishes, mean((p) => p.layers[1].wishes)) < 1e-12);
  assert.ok(maxRelativeError(average.layerWishes[2].wishes, mean((p) => p.layers[2].wishes)) < 1e-12);
  assert.ok(maxRelativeError(average.layerWishes[3].wishes, mean((p) => p.inputWishes)) < 1e-12);
  assert.ok(Math.abs(average.cost - per.reduce((s, p) => s + p.cost, 0) / count) < 1e-12);
});

test('explainNudges compares the image and the mini-batch with the training-set average', () => {
  const net = Network.random(SEED_ARCHITECTURE, 'normal', new Rng(23));
  const r = explainNudges(net, 'quadratic', train, { index: 0, batchSize: 64, trainingSet: 64 });
  const t = r.trainingSet!;
  assert.equal(t.count, 64);
  // The mini-batch is the whole 64-image set here: the same −∇C, cosine 1.
  assert.ok(Math.abs(t.batchAgreement - 1) < 1e-9);
  assert.ok(t.imageAgreement > -1 && t.imageAgreement < 1);
  assert.equal(t.top.length, 10);
  const reused = explainNudges(net, 'quadratic', train, { index: 3, batchSize: 8, trainingSet: trainingSetAverage(net, 'quadratic', train, 64) });
  assert.deepEqual(reused.trainingSet!.weightNudges, t.weightNudges);
  assert.ok(reused.trainingSet!.batchAgreement < 1);
  assert.equal(explainNudges(net, 'quadratic', train, { index: 0 }).trainingSet, undefined);
});
