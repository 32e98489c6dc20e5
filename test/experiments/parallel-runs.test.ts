import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { trainRuns } from '../../src/cli/experiments/parallel-runs.js';
import { planActivations } from '../../src/experiments/activations.js';
import { planShuffledLabels, runShuffledLabels } from '../../src/experiments/shuffled-labels.js';
import type { TrainingCurves } from '../../src/experiments/training-curves.js';
import { runActivations } from '../../src/experiments/activations.js';
import { fastBackendFactory } from '../../src/fast/node.js';
import { mnist } from './fixtures.js';

/** The curves without their wall seconds (the one thing that may differ between two ways of training). */
const timeless = (c: TrainingCurves): Omit<TrainingCurves, 'seconds'> => {
  const { seconds, ...rest } = c;
  assert.ok(seconds > 0);
  return rest;
};

test('the CLI trains an experiment\'s runs at once, one per worker thread: the same curves, bit for bit, as one after another here', async (t) => {
  if (availableParallelism() < 2) t.diagnostic('one core: trainRuns trains in turn on this thread');
  // A wide network (two threads per batch when trained here), so that the comparison also spans one thread against two.
  const options = { trainCount: 400, testCount: 600, settings: { sizes: [784, 128, 128, 10], epochs: 3, seed: 3 } };
  const epochs: string[] = [];
  const atOnce = await trainRuns(planShuffledLabels(mnist, options), 'wasm', (run, epoch, curves) => {
    assert.equal(curves.epochs.length, epoch);
    epochs.push(`${run} ${epoch}`);
  });
  const inTurn = runShuffledLabels(mnist, options, { backend: await fastBackendFactory({ sizes: [784, 128, 128, 10] }) });
  assert.equal(atOnce.real.backend, 'wasm');
  assert.deepEqual(timeless(atOnce.real), timeless(inTurn.real));
  assert.deepEqual(timeless(atOnce.random), timeless(inTurn.random));
  assert.deepEqual({ ...atOnce, real: null, random: null }, { ...inTurn, real: null, random: null });
  // The two runs learned differently (real against shuffled labels): the comparison is not of two copies of one run.
  assert.notDeepEqual(atOnce.real.testAccuracy, atOnce.random.testAccuracy);
  assert.deepEqual(epochs.sort(), ['random 1', 'random 2', 'random 3', 'real 1', 'real 2', 'real 3']);
});

test('three runs on two cores (a queue), on the reference backend: the same result as in turn', async () => {
  const options = { activations: ['sigmoid', 'relu', 'tanh'] as const, trainCount: 600, testCount: 300, settings: { epochs: 2 } };
  const atOnce = await trainRuns(planActivations(mnist, { ...options, activations: [...options.activations] }), 'reference');
  const inTurn = runActivations(mnist, { ...options, activations: [...options.activations] });
  assert.deepEqual(atOnce.runs.map((r) => r.activation), ['sigmoid', 'relu', 'tanh']);
  assert.equal(atOnce.runs[0].curves.backend, 'reference');
  atOnce.runs.forEach((r, i) => assert.deepEqual(timeless(r.curves), timeless(inTurn.runs[i].curves), r.activation));
  assert.deepEqual(atOnce.summary, inTurn.summary);
  assert.equal(atOnce.faster, inTurn.faster);
});

test('a run that fails on its thread fails the whole experiment, with the run\'s own message', async () => {
  const small = { images: new Uint8Array(25 * 10), labels: new Uint8Array(10), count: 10, rows: 5, cols: 5, classNames: mnist.train.classNames };
  const good = planShuffledLabels(mnist, { trainCount: 100, testCount: 100, settings: { sizes: [784, 16, 10], epochs: 1 } });
  // The second run's images are 5×5 while its network takes 784 inputs.
  const plan = { ...good, runs: [good.runs[0], { ...good.runs[1], data: { train: small, test: small, source: 'test' } }] };
  await assert.rejects(trainRuns(plan, 'wasm'), (e: Error) => {
    assert.match(e.message, /784 inputs but the images have 25 pixels/);
    return true;
  });
});
