import { test } from 'node:test';
import assert from 'node:assert/strict';
import { takeFirst } from '../../src/data/dataset.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { DigitlabError } from '../../src/errors.js';
import type { TrainingEvent } from '../../src/train/events.js';
import { resolveSettings } from '../../src/train/settings.js';
import { Trainer } from '../../src/train/trainer.js';

const mnist = await loadMnist();
const small = { ...mnist, train: takeFirst(mnist.train, 3000), test: takeFirst(mnist.test, 1000) };

test('training on real MNIST learns: 3,000 images, 3 epochs → > 80 % on held-out test images', () => {
  const settings = resolveSettings({ sizes: [784, 32, 10], activation: 'relu', init: 'he', cost: 'cross-entropy', optimizer: 'adam', learningRate: 0.003, epochs: 3 });
  const events: TrainingEvent[] = [];
  const trainer = new Trainer(settings, small, { listener: (e) => events.push(e) });
  const before = trainer.evaluate(small.test);
  for (let e = 0; e < settings.epochs; e++) trainer.runEpoch();
  const epochs = events.filter((e) => e.type === 'epoch');
  assert.equal(epochs.length, 3);
  assert.equal(events.filter((e) => e.type === 'batch').length, 3 * 30);
  assert.ok(before < 0.3, `an untrained network answers at random (${before})`);
  const last = epochs[2];
  assert.ok(last.type === 'epoch' && last.testAccuracy > 0.8, `test accuracy ${JSON.stringify(last)}`);
  assert.ok(epochs[0].type === 'epoch' && last.trainCost < epochs[0].trainCost, 'the cost falls');
});

test('the same seed and settings give the same weights after the same mini-batches', () => {
  const settings = resolveSettings({ epochs: 1, seed: 4 });
  const a = new Trainer(settings, small);
  const b = new Trainer(settings, small);
  for (let i = 0; i < 45; i++) a.step(); // one and a half epochs, step by step
  b.runEpoch();
  for (let i = 0; i < 15; i++) b.step();
  assert.equal(a.examplesSeen, 4500);
  assert.deepEqual(a.network().weights[0], b.network().weights[0]);
  const c = new Trainer(resolveSettings({ epochs: 1, seed: 5 }), small);
  c.step();
  assert.notDeepEqual(a.network().weights[2], c.network().weights[2]);
});

test('a diverging run stops with a message naming the epoch, mini-batch and learning rate', () => {
  // Weights near the float32 limit make z overflow to ±Infinity, and ∞ − ∞ gives NaN: the
  // state a too-large learning rate drives a network into.
  const settings = resolveSettings({ sizes: [784, 16, 10], activation: 'relu', learningRate: 3 });
  const start = new Trainer(settings, small).network().clone();
  start.weights[0].fill(3e38);
  start.weights[0].fill(-3e38, 0, 392);
  const trainer = new Trainer(settings, small, {}, start);
  assert.throws(
    () => trainer.step(),
    (e: unknown) => e instanceof DigitlabError && /diverged: the cost became NaN at epoch 1, mini-batch 1 of 30; the learning rate \(3\)/.test(e.message),
  );
});

test('settings are validated with the setting named', () => {
  assert.throws(() => resolveSettings({ sizes: [784, 10, 9] }), /layers: the last size must equal the 10 classes/);
  assert.throws(() => resolveSettings({ learningRate: -1 }), /learning rate/);
  assert.throws(() => resolveSettings({ batchSize: 0 }), /batch size/);
  assert.throws(() => resolveSettings({ cost: 'cross-entropy', outputActivation: 'relu' }), /cross-entropy needs/);
  assert.equal(resolveSettings({ cost: 'cross-entropy' }).outputActivation, 'softmax');
});
