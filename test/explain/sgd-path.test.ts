import { test } from 'node:test';
import assert from 'node:assert/strict';
import { costByName } from '../../src/core/costs.js';
import { forward } from '../../src/core/forward.js';
import { Network } from '../../src/core/network.js';
import { Workspace } from '../../src/core/workspace.js';
import { takeFirst } from '../../src/data/dataset.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { networkFromVector } from '../../src/explain/parameter-vector.js';
import { sgdPath } from '../../src/explain/sgd-path.js';
import { gatherRange } from '../../src/train/batch.js';
import { resolveSettings } from '../../src/train/settings.js';

const mnist = await loadMnist();
const train = takeFirst(mnist.train, 400);
const settings = resolveSettings({ learningRate: 3, seed: 4 });
const result = sgdPath({ settings, train, fullBatchSteps: 12, sgdEpochs: 3, batchSize: 100, gridSize: 7, costPoints: 10 });

/** The engine's mean training cost of a network over `train` (float32 forward pass). */
function engineCost(net: Network): number {
  const ws = Workspace.for(net, train.count);
  gatherRange(train, 0, train.count, ws.input);
  const out = forward(net, ws, train.count);
  const cost = costByName(settings.cost);
  let sum = 0;
  for (let i = 0; i < train.count; i++) sum += cost.value(out, i * 10, 10, train.labels[i], net.layerActivation(net.layerCount - 1));
  return sum / train.count;
}

test('the cost grid at the origin equals the final model\'s actual training cost', () => {
  const shape = new Network({ sizes: settings.sizes, activation: settings.activation, outputActivation: settings.outputActivation });
  const final = networkFromVector(shape, result.centre);
  const actual = engineCost(final);
  const i = result.grid.betas.findIndex((b) => b === 0);
  const j = result.grid.alphas.findIndex((a) => a === 0);
  assert.ok(i >= 0 && j >= 0, 'the origin is a grid node');
  assert.ok(Math.abs(result.grid.costs[i][j] - actual) < 1e-5 * actual, `${result.grid.costs[i][j]} vs ${actual}`);
  assert.equal(result.grid.costs[i][j], result.originCost);
  // The mini-batch path ends at the origin; its last exact cost is the same number.
  const last = result.miniBatch.coords[result.miniBatch.coords.length - 1];
  assert.ok(Math.hypot(last[0], last[1]) < 1e-9);
  assert.ok(Math.abs(result.miniBatch.costs[result.miniBatch.costs.length - 1] - actual) < 1e-5 * actual);
});

test('both paths start at the same initialisation; full batch sees n examples per step, SGD 100', () => {
  assert.deepEqual(result.fullBatch.coords[0], result.miniBatch.coords[0]);
  assert.equal(result.fullBatch.costs[0], result.miniBatch.costs[0]);
  assert.equal(result.fullBatch.examples[result.fullBatch.examples.length - 1], 12 * 400);
  assert.equal(result.miniBatch.examples[result.miniBatch.examples.length - 1], 3 * 400);
  assert.equal(result.miniBatch.steps, 12);
  // The principal plane keeps most of the paths' spread, and d₁ at least as much as d₂.
  assert.ok(result.plane.explained[0] >= result.plane.explained[1]);
  assert.ok(result.plane.explained[0] + result.plane.explained[1] > 0.5);
  // Training lowered the cost on both paths.
  for (const p of [result.fullBatch, result.miniBatch]) assert.ok(p.costs[p.costs.length - 1] < p.costs[0]);
});
