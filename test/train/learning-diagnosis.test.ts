import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Network } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import type { Dataset } from '../../src/data/dataset.js';
import { DIAGNOSIS_MIN_STEPS, diagnoseLearning } from '../../src/train/learning-diagnosis.js';
import { type LearningMeasurement, measureLearning } from '../../src/train/learning-measure.js';
import { resolveSettings } from '../../src/train/settings.js';

/** 200 random 4×4 "images" with labels 0–2. */
function tinyData(): Dataset {
  const rng = new Rng(3);
  const count = 200;
  const images = new Uint8Array(count * 16).map(() => Math.floor(rng.uniform() * 256));
  const labels = new Uint8Array(count).map((_, i) => i % 3);
  return { images, labels, count, rows: 4, cols: 4, classNames: ['a', 'b', 'c'] };
}

test('measureLearning counts saturated hidden sigmoids, dead ReLUs, saturated outputs and the answers', () => {
  const data = tinyData();
  const net = Network.random({ sizes: [16, 8, 3], activation: 'sigmoid', outputActivation: 'sigmoid' }, 'xavier', new Rng(1));
  const calm = measureLearning(net, data);
  assert.equal(calm.examples, 200);
  assert.equal(calm.hiddenNeurons, 8);
  assert.equal(calm.saturatedNeurons, 0, 'small weights: every σ is steep');
  // Huge biases: z ≈ ±40 for every example, σ′(z) ≈ 0.
  net.biases[0].fill(40);
  net.biases[1].set([-40, 40, -40]);
  const flat = measureLearning(net, data);
  assert.equal(flat.saturatedNeurons, 8);
  assert.equal(flat.saturatedOutputs, 3);
  assert.equal(flat.topClass, 1);
  assert.equal(flat.topClassShare, 1);
  assert.ok(Math.abs(flat.accuracy - 1 / 3) < 0.01);
  const relu = Network.random({ sizes: [16, 8, 3], activation: 'relu', outputActivation: 'softmax' }, 'he', new Rng(1));
  relu.biases[0].fill(-1000);
  const dead = measureLearning(relu, data);
  assert.equal(dead.saturatedNeurons, 8, 'z ≤ 0 everywhere: dead');
  assert.equal(dead.outputNeurons, 0, 'softmax outputs are not elementwise');
});

const measured = (over: Partial<LearningMeasurement>): LearningMeasurement => ({
  examples: 1000, classes: 10, accuracy: 0.09, topClass: 5, topClassShare: 1, hiddenNeurons: 32, saturatedNeurons: 0, outputNeurons: 10, saturatedOutputs: 0, ...over,
});

test('diagnoseLearning names the problem, the likely cause and a rate to try; healthy or too-early runs get null', () => {
  const seed = resolveSettings({});
  const steps = DIAGNOSIS_MIN_STEPS;
  const hot = diagnoseLearning(measured({ saturatedNeurons: 27 }), { ...seed, learningRate: 50 }, steps);
  assert.equal(hot?.problem, 'saturated-hidden');
  assert.equal(hot?.cause, 'learning-rate-too-large');
  assert.deepEqual(hot?.suggested, { learningRate: 4.5 });
  const wide = resolveSettings({ sizes: [784, 100, 10], learningRate: 4.5 });
  const outputs = diagnoseLearning(measured({ saturatedOutputs: 10, hiddenNeurons: 100 }), wide, steps);
  assert.equal(outputs?.problem, 'saturated-output');
  assert.equal(outputs?.widestHidden, 100);
  assert.deepEqual(outputs?.suggested, { learningRate: 1.3 });
  const relu = resolveSettings({ activation: 'relu', learningRate: 45 });
  assert.equal(diagnoseLearning(measured({ saturatedNeurons: 20 }), relu, steps)?.problem, 'dead-hidden');
  const cold = diagnoseLearning(measured({ topClassShare: 0.3 }), { ...seed, learningRate: 1e-6 }, steps);
  assert.equal(cold?.problem, 'chance');
  assert.equal(cold?.cause, 'learning-rate-too-small');
  assert.equal(diagnoseLearning(measured({ topClassShare: 0.95, accuracy: 0.12 }), seed, steps)?.problem, 'one-class');
  assert.deepEqual(diagnoseLearning(measured({}), seed, steps)?.suggested, { learningRate: 0.45 }, 'a default rate that fails: a tenth of it');
  assert.equal(diagnoseLearning(measured({ accuracy: 0.91, topClassShare: 0.12 }), seed, steps), null, 'learning');
  assert.equal(diagnoseLearning(measured({ accuracy: 0.6, saturatedNeurons: 30, topClassShare: 0.2 }), seed, steps), null, 'above the not-learning accuracy');
});

test('before DIAGNOSIS_MIN_STEPS: saturated hidden neurons are named at once, one class or saturated outputs only when the run ends there', () => {
  const seed = resolveSettings({});
  const early = 50;
  // Hidden neurons saturated or dead: no number of steps mends them, so they are named at once.
  const hot = diagnoseLearning(measured({ saturatedNeurons: 24 }), { ...seed, learningRate: 50 }, early);
  assert.equal(hot?.problem, 'saturated-hidden');
  assert.equal(hot?.cause, 'learning-rate-too-large');
  assert.equal(hot?.steps, early);
  const relu = resolveSettings({ activation: 'relu', learningRate: 1 });
  assert.equal(diagnoseLearning(measured({ saturatedNeurons: 23 }), relu, 5)?.problem, 'dead-hidden');
  // One class or saturated outputs at a sound rate: a healthy network's plateau, until the run ends.
  assert.equal(diagnoseLearning(measured({}), seed, early), null, 'one class, mid-run: too early to tell');
  assert.equal(diagnoseLearning(measured({ saturatedOutputs: 6 }), seed, early), null, 'outputs saturated, mid-run: too early to tell');
  const short = diagnoseLearning(measured({}), seed, 10, { epochs: 1 });
  assert.equal(short?.problem, 'one-class');
  assert.equal(short?.cause, 'too-few-steps');
  assert.deepEqual(short?.suggested, { epochs: 30 }, '300 mini-batches at 10 an epoch');
  assert.deepEqual(diagnoseLearning(measured({ saturatedOutputs: 6, topClassShare: 0.85 }), seed, 100, { epochs: 2 })?.suggested, { epochs: 6 });
  // …unless the rate is the likely cause: then it is named as such.
  const wide = resolveSettings({ sizes: [784, 100, 10], learningRate: 4.5 });
  const outputs = diagnoseLearning(measured({ saturatedOutputs: 10, hiddenNeurons: 100 }), wide, 100, { epochs: 2 });
  assert.equal(outputs?.problem, 'saturated-output');
  assert.equal(outputs?.cause, 'learning-rate-too-large');
  assert.deepEqual(outputs?.suggested, { learningRate: 1.3 });
  // A low accuracy alone, early, is not named even at the end; nor is a run above the not-learning accuracy.
  assert.equal(diagnoseLearning(measured({ topClassShare: 0.3, accuracy: 0.15 }), seed, 60, { epochs: 3 }), null);
  assert.equal(diagnoseLearning(measured({ accuracy: 0.6, topClassShare: 0.95 }), seed, 10, { epochs: 1 }), null);
});
