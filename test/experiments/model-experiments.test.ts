import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forward } from '../../src/core/forward.js';
import { argmaxRow } from '../../src/core/metrics.js';
import { Workspace } from '../../src/core/workspace.js';
import { answersFor } from '../../src/experiments/answers.js';
import { runFool } from '../../src/experiments/fool.js';
import { runMistakes } from '../../src/experiments/mistakes.js';
import { runNeuronInputs } from '../../src/experiments/neuron-inputs.js';
import { runNoise } from '../../src/experiments/noise.js';
import { smallTest, trainSmallModel } from './fixtures.js';

const model = await trainSmallModel();
const net = model.network;

test('noise: N predictions per kind, confidences in [0, 1], answer counts that add up', () => {
  const r = runNoise(net, smallTest, { count: 200, seed: 3, examples: 4 });
  for (const s of [r.uniform, r.sparse]) {
    assert.equal(s.count, 200);
    assert.equal(s.predictions.length, 200);
    assert.equal(s.confidences.length, 200);
    assert.ok(s.confidences.every((c) => c >= 0 && c <= 1), 'confidences in [0, 1]');
    assert.ok(s.predictions.every((p) => Number.isInteger(p) && p >= 0 && p < 10));
    assert.equal(s.answerCounts.reduce((a, b) => a + b, 0), 200);
    assert.equal(s.confidenceHistogram.reduce((a, b) => a + b, 0), 200);
    assert.ok(s.meanConfidence > 0 && s.meanConfidence <= 1);
  }
  assert.equal(r.test.count, smallTest.count);
  assert.ok((r.test.accuracy ?? 0) > 0.8, `the model works on real images (${r.test.accuracy})`);
  assert.ok(r.inkDensity > 0.1 && r.inkDensity < 0.3, `MNIST ink density ${r.inkDensity}`);
  assert.equal(r.examples.uniform.length, 4);
  assert.equal(r.examples.sparse[0].image.length, 784);
  // Sparse noise copies MNIST's share of background pixels.
  const zeros = r.examples.sparse.flatMap((e) => e.image).filter((v) => v === 0).length / (4 * 784);
  assert.ok(Math.abs(1 - zeros - r.inkDensity) < 0.06, `sparse noise ink ${1 - zeros} vs MNIST ${r.inkDensity}`);
  // Same seed, same noise; another seed, other noise.
  assert.deepEqual(runNoise(net, smallTest, { count: 200, seed: 3, examples: 4 }).uniform.predictions, r.uniform.predictions);
  assert.notDeepEqual(runNoise(net, smallTest, { count: 200, seed: 4, examples: 4 }).uniform.confidences, r.uniform.confidences);
});

test('fool: the returned image really is classified as the target, within ε of the original', () => {
  const r = runFool(net, model.cost, smallTest, { target: 8 });
  assert.equal(r.label, 3);
  assert.equal(r.originalAnswer, 3, 'the default image is a 3 the model gets right');
  assert.ok(r.succeeded, 'fooled');
  assert.ok(r.epsilon > 0 && r.epsilon <= 0.5, `ε ${r.epsilon}`);
  const ws = Workspace.for(net, 1);
  ws.input.set(r.fooled);
  assert.equal(argmaxRow(forward(net, ws, 1), 0, 10), 8, 'the fooled image is answered 8');
  ws.input.set(r.original);
  assert.equal(argmaxRow(forward(net, ws, 1), 0, 10), 3, 'the original is answered 3');
  for (let k = 0; k < 784; k++) {
    assert.ok(Math.abs(r.fooled[k] - r.original[k]) <= r.epsilon + 1e-4, 'no pixel moves more than ε');
    assert.ok(r.fooled[k] >= 0 && r.fooled[k] <= 1, 'pixels stay in [0, 1]');
    assert.ok(Math.abs(r.fooled[k] - r.original[k] - r.perturbation[k]) < 2e-4, 'perturbation = fooled − original');
  }
  assert.ok(r.maxChange <= r.epsilon + 1e-4);
  const other = runFool(net, model.cost, smallTest, { index: 0, target: 2 });
  assert.equal(other.index, 0);
  assert.ok(!other.succeeded || other.fooledAnswer === 2);
});

test('mistakes: every listed image is really misclassified, most confident first', () => {
  const r = runMistakes(net, smallTest, { show: 30 });
  assert.equal(r.examined, smallTest.count);
  assert.equal(r.confusion.flat().reduce((a, b) => a + b, 0), smallTest.count);
  const diagonal = r.confusion.reduce((s, row, i) => s + row[i], 0);
  assert.equal(r.mistakeCount, smallTest.count - diagonal);
  assert.equal(r.mistakes.length, Math.min(30, r.mistakeCount));
  const images = Float32Array.from(r.mistakes.flatMap((m) => m.image));
  const again = answersFor(net, images, r.mistakes.length);
  r.mistakes.forEach((m, i) => {
    assert.equal(smallTest.labels[m.index], m.label);
    assert.notEqual(m.answer, m.label, 'a mistake');
    assert.equal(again.predictions[i], m.answer, 'the listed image gives the listed answer');
    assert.ok(m.confidence >= m.labelConfidence);
    if (i > 0) assert.ok(r.mistakes[i - 1].confidence >= m.confidence, 'sorted by confidence, descending');
  });
});

test('neuron-inputs: each found input excites its neuron more than the mean test image does', () => {
  const r = runNeuronInputs(net, smallTest, { steps: 60, testCount: 500 });
  assert.equal(r.neurons.length, 32);
  assert.deepEqual([...new Set(r.neurons.map((n) => n.layer))], [1, 2]);
  for (const n of r.neurons) {
    assert.equal(n.input.length, 784);
    assert.equal(n.weights.length, 784);
    assert.ok(n.input.every((v) => v >= 0 && v <= 1), 'pixels in [0, 1]');
    assert.ok(n.bestWeightedInput > n.meanImageWeightedInput, `layer ${n.layer} #${n.neuron}: z ${n.bestWeightedInput} vs mean image ${n.meanImageWeightedInput}`);
    assert.ok(n.bestWeightedInput > n.meanTestWeightedInput, `layer ${n.layer} #${n.neuron}: z ${n.bestWeightedInput} vs mean over tests ${n.meanTestWeightedInput}`);
    assert.ok(n.bestActivation >= n.meanImageActivation - 1e-6);
  }
  // Layer 1's weights in the result are the neuron's raw weights.
  assert.ok(Math.abs(r.neurons[5].weights[300] - net.weights[0][5 * 784 + 300]) < 1e-4);
});

/** Σ |x(r, c) − x(r, c+1)| + |x(r, c) − x(r+1, c)|: how much an image flickers. */
function totalVariation(x: readonly number[]): number {
  let tv = 0;
  for (let r = 0; r < 28; r++) {
    for (let c = 0; c < 28; c++) {
      if (c < 27) tv += Math.abs(x[r * 28 + c] - x[r * 28 + c + 1]);
      if (r < 27) tv += Math.abs(x[r * 28 + c] - x[(r + 1) * 28 + c]);
    }
  }
  return tv;
}

test('neuron-inputs: within one digit\'s ink and with blur the found inputs are smooth strokes, not the saturated static of plain ascent', () => {
  const r = runNeuronInputs(net, smallTest, { steps: 100, testCount: 500 });
  const plain = runNeuronInputs(net, smallTest, { steps: 100, testCount: 500, ink: 0, blur: 0 });
  assert.equal(plain.inkBudget, null);
  const meanImage = new Float64Array(784);
  for (let i = 0; i < 500; i++) for (let k = 0; k < 784; k++) meanImage[k] += smallTest.images[i * 784 + k] / 255 / 500;
  const inkOfMean = meanImage.reduce((s, v) => s + v, 0);
  assert.ok(Math.abs(r.inkBudget! - inkOfMean) < 1e-3, `budget = the average test digit's ink (${r.inkBudget} vs ${inkOfMean})`);
  for (const [i, n] of r.neurons.entries()) {
    const ink = n.input.reduce((s, v) => s + v, 0);
    // The result's pixels are rounded to 4 decimals: up to 784 × 0.00005 over.
    assert.ok(ink <= r.inkBudget! + 784 * 5e-5, `#${n.neuron}: ink ${ink} within the budget`);
    assert.ok(n.input.every((v, k) => meanImage[k] >= 0.01 || v === 0), 'no ink where digits have none');
    const p = plain.neurons[i];
    const saturated = p.input.filter((v) => v === 0 || v === 1).length / 784;
    assert.ok(saturated > 0.5, `plain ascent saturates the pixels (${saturated})`);
    assert.ok(totalVariation(n.input) < 0.5 * totalVariation(p.input), `layer ${n.layer} #${n.neuron}: TV ${totalVariation(n.input)} vs plain ${totalVariation(p.input)}`);
    // The raw weights are the same either way: only the found input changed.
    assert.deepEqual(n.weights, p.weights);
  }
});
