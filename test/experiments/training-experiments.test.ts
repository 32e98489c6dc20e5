import { test } from 'node:test';
import assert from 'node:assert/strict';
import { takeFirst } from '../../src/data/dataset.js';
import { ACTIVATIONS_DEFAULTS, FAIR_ACTIVATION_SETTINGS, runActivations } from '../../src/experiments/activations.js';
import { sweepLearningRates } from '../../src/experiments/learning-rate-sweep.js';
import { runShuffledLabels } from '../../src/experiments/shuffled-labels.js';
import { fastBackendFactory } from '../../src/fast/node.js';
import { mnist } from './fixtures.js';

const backend = await fastBackendFactory();

test('shuffled-labels: on random labels training accuracy rises far above chance, test accuracy stays near chance', () => {
  const r = runShuffledLabels(
    mnist,
    { trainCount: 500, testCount: 2000, settings: { sizes: [784, 128, 128, 10], epochs: 25, batchSize: 50, seed: 2 } },
    { backend },
  );
  assert.equal(r.trainCount, 500);
  assert.equal(r.parameters, 784 * 128 + 128 + 128 * 128 + 128 + 128 * 10 + 10);
  assert.ok(r.labelsUnchanged > 0.04 && r.labelsUnchanged < 0.18, `about 1 in 10 labels unchanged by the shuffle (${r.labelsUnchanged})`);
  for (const c of [r.real, r.random]) {
    assert.equal(c.epochs.length, 25);
    for (const key of ['cost', 'trainAccuracy', 'testAccuracy', 'stepsAtEpoch'] as const) assert.equal(c[key].length, 25, key);
    assert.equal(c.stepCost.length, c.stepCostAt.length);
  }
  const last = (xs: number[]): number => xs[xs.length - 1];
  assert.ok(last(r.random.trainAccuracy) > 0.6, `random labels memorised: ${last(r.random.trainAccuracy)}`);
  assert.ok(last(r.random.testAccuracy) < 0.2, `random labels do not generalise: ${last(r.random.testAccuracy)}`);
  assert.ok(last(r.real.testAccuracy) > 0.75, `real labels do: ${last(r.real.testAccuracy)}`);
  // The seed's point about speed: the cost falls much faster on real labels.
  assert.ok(r.real.cost[2] < r.random.cost[2], 'real-label cost falls faster');
});

test('activations: sigmoid and ReLU, each at its fair rate, on real MNIST — equal curves, both learn, the faster one named', () => {
  const r = runActivations(mnist, { trainCount: 10000, testCount: 2000, settings: { epochs: 3 } }, { backend });
  assert.deepEqual(r.runs.map((x) => x.activation), ['sigmoid', 'relu']);
  const [a, b] = r.runs;
  assert.equal(a.curves.cost.length, 3);
  assert.equal(a.curves.cost.length, b.curves.cost.length);
  assert.equal(a.curves.testAccuracy.length, b.curves.testAccuracy.length);
  // Only the activation and what is fair to it differ: its initialisation and its learning rate.
  const shared = (s: typeof a.settings) => ({ ...s, activation: 'x', init: 'x', learningRate: 0 });
  assert.deepEqual(shared(a.settings), shared(b.settings));
  assert.deepEqual([a.settings.learningRate, a.settings.init], [FAIR_ACTIVATION_SETTINGS.sigmoid.learningRate, 'xavier']);
  assert.deepEqual([b.settings.learningRate, b.settings.init], [FAIR_ACTIVATION_SETTINGS.relu.learningRate, 'he']);
  // At a fair rate neither is crippled: both far above chance after three epochs of 10,000 images.
  for (const run of r.summary) assert.ok(run.finalAccuracy > 0.75, `${run.activation} at η ${run.learningRate}: ${run.finalAccuracy}`);
  const means = r.summary.map((x) => x.meanAccuracy);
  assert.equal(r.faster, r.summary[means.indexOf(Math.max(...means))].activation);
  assert.ok(Math.abs(r.margin - Math.abs(means[0] - means[1])) < 1e-12);
  // One rate given for all overrides the fair ones.
  const same = runActivations(mnist, { trainCount: 1000, testCount: 500, settings: { epochs: 1, learningRate: 0.5 } }, { backend });
  assert.deepEqual(same.summary.map((x) => x.learningRate), [0.5, 0.5]);
});

test('learning-rate sweep: scored on a validation split of the training set; a rate that kills ReLU loses', () => {
  const train = takeFirst(mnist.train, 6000);
  const r = sweepLearningRates(train, { activation: 'relu', rates: [0.3, 10], seeds: [1, 2], settings: { ...ACTIVATIONS_DEFAULTS.settings, init: 'he', epochs: 2 } }, { backend });
  assert.equal(r.validationCount, 1000);
  assert.equal(r.trainCount, 5000);
  assert.equal(r.epochs, 2);
  for (const p of r.points) {
    assert.equal(p.validationAccuracy.length, 2);
    for (const curve of p.validationAccuracy) assert.equal(curve.length, 2);
    assert.ok(Math.abs(p.score - (p.validationAccuracy[0][1] + p.validationAccuracy[1][1]) / 2) < 1e-12);
  }
  assert.ok(r.points[0].score > 0.5, `η 0.3 learns: ${r.points[0].score}`);
  assert.ok(r.points[1].score < 0.3, `η 10 kills the ReLU network: ${r.points[1].score}`);
  assert.equal(r.best, 0.3);
  assert.throws(() => sweepLearningRates(train, { activation: 'relu', rates: [1], seeds: [1], validation: 6000, settings: {} }), /validation split/);
});
