import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runActivations } from '../../src/experiments/activations.js';
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

test('activations: sigmoid and ReLU give two curves of equal length from the same settings', () => {
  const r = runActivations(mnist, { trainCount: 3000, testCount: 1000, settings: { epochs: 3 } }, { backend });
  assert.deepEqual(r.runs.map((x) => x.activation), ['sigmoid', 'relu']);
  const [a, b] = r.runs;
  assert.equal(a.curves.cost.length, 3);
  assert.equal(a.curves.cost.length, b.curves.cost.length);
  assert.equal(a.curves.testAccuracy.length, b.curves.testAccuracy.length);
  assert.deepEqual({ ...a.settings, activation: 'x' }, { ...b.settings, activation: 'x' }, 'only the activation differs');
  for (const run of r.runs) assert.ok(run.curves.testAccuracy.every((x) => x >= 0 && x <= 1));
});
