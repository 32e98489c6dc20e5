import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Network } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import type { Dataset } from '../../src/data/dataset.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { loadImageFolder } from '../../src/data/image-folder-node.js';
import { selectExamples } from '../../src/data/image-set.js';
import { createFastBackend } from '../../src/fast/factory.js';
import { loadKernelsModule } from '../../src/fast/node.js';
import { serializeModel } from '../../src/model/model-file.js';
import { loadModel } from '../../src/model/model-io.js';
import { readDigits } from '../../src/train/digits-report.js';
import { FINE_TUNE_DEFAULTS, fineTune, fineTuneDigits, fineTunedModel, fineTuneSettings, type FineTuneOptions } from '../../src/train/finetune.js';
import { evaluateNetwork } from '../../src/train/predict.js';

const mnist = await loadMnist();
const base = await loadModel(new URL('../../models/pretrained.json', import.meta.url).pathname);
/** Forty digits of a handwriting font, four per class (test/data/handwriting/README.md). */
const writer = (await loadImageFolder(new URL('../data/handwriting', import.meta.url).pathname)).dataset;
const fast = createFastBackend(await loadKernelsModule());
/** A short run: enough to change the network, little enough for a unit test. */
const SHORT: FineTuneOptions = { mnistImages: 1500, epochs: 1 };

const bytes = (network: Network): string => serializeModel({ network, cost: 'quadratic', settings: null, metrics: {}, classNames: base.classNames });

test('the same digits and seed give the same network, bit for bit (reference and fast backends); another seed another', async () => {
  for (const backend of [undefined, fast]) {
    const a = await fineTuneDigits(base, writer, mnist, { ...SHORT, seed: 3 }, { backend });
    const b = await fineTuneDigits(base, writer, mnist, { ...SHORT, seed: 3 }, { backend });
    assert.equal(bytes(a.network), bytes(b.network));
    assert.equal(serializeModel(fineTunedModel(base, a, 'x')), serializeModel(fineTunedModel(base, b, 'x')));
    const c = await fineTuneDigits(base, writer, mnist, { ...SHORT, seed: 4 }, { backend });
    assert.notEqual(bytes(c.network), bytes(a.network));
    assert.notDeepEqual(c.split.heldOutIndices, a.split.heldOutIndices);
  }
});

test('held-out digits are never trained on: other held-out images, or none, give the very same network', async () => {
  const result = await fineTuneDigits(base, writer, mnist, { ...SHORT, holdout: 0.3 }, { backend: fast });
  const held = result.split.heldOut as Dataset;
  assert.equal(held.count, 10, 'one of the four digits of each class');
  assert.equal(result.heldOut?.count, 10);
  assert.equal(result.mix.writerImages, 30);
  const withoutHeldOut = await fineTune(base, result.split.train, null, mnist, { ...SHORT, holdout: 0.3 }, { backend: fast });
  const otherHeldOut = await fineTune(base, result.split.train, selectExamples(mnist.test, [0, 1, 2, 3]), mnist, SHORT, { backend: fast });
  assert.equal(bytes(withoutHeldOut.network), bytes(result.network));
  assert.equal(bytes(otherHeldOut.network), bytes(result.network));
  // None of the held-out pictures is among those trained on.
  const trained = new Set(Array.from({ length: result.split.train.count }, (_, i) => Buffer.from(result.split.train.images.subarray(i * 784, (i + 1) * 784)).toString('base64')));
  for (let i = 0; i < held.count; i++) assert.ok(!trained.has(Buffer.from(held.images.subarray(i * 784, (i + 1) * 784)).toString('base64')));
});

test('before and after are the measured accuracies of the base and the fine-tuned network; the base is left as it was', async () => {
  const copy = base.network.clone();
  const result = await fineTuneDigits(base, writer, mnist, SHORT, { backend: fast });
  const held = result.split.heldOut as Dataset;
  assert.equal(result.heldOut?.before, readDigits(copy, held).accuracy);
  assert.equal(result.heldOut?.after, readDigits(result.network, held).accuracy);
  assert.equal(result.mnistTest.before, evaluateNetwork(copy, mnist.test).accuracy);
  assert.equal(result.mnistTest.after, evaluateNetwork(result.network, mnist.test).accuracy);
  assert.equal(result.mnistTest.before, 0.9558, "the pretrained model's recorded test accuracy");
  assert.equal(bytes(base.network), bytes(copy), 'the base network is unchanged');
  assert.notEqual(bytes(result.network), bytes(copy), 'the fine-tuned one has moved');
  assert.equal(result.mix.count, 1500 + 30 * FINE_TUNE_DEFAULTS.copies);
});

test('holdout 0 trains on every digit and reports no held-out accuracy', async () => {
  const result = await fineTuneDigits(base, writer, mnist, { ...SHORT, holdout: 0 }, { backend: fast });
  assert.equal(result.heldOut, null);
  assert.equal(result.split.train.count, 40);
  assert.equal(result.mix.writerImages, 40);
  assert.ok(Number.isNaN(result.last?.testAccuracy ?? 0), 'no held-out set to measure after each epoch');
});

test('the settings: the base run with half its η and the fine-tuning epochs and seed; an imported network gets the defaults', () => {
  const s = fineTuneSettings(base, { seed: 9 });
  assert.deepEqual([s.learningRate, s.epochs, s.seed, s.batchSize, s.optimizer], [2.25, FINE_TUNE_DEFAULTS.epochs, 9, 100, 'sgd']);
  const withTweaks = fineTuneSettings({ ...base, settings: { ...(base.settings as NonNullable<typeof base.settings>), dropout: 0.2, validation: 10_000, augment: 'elastic', schedule: 'cosine' } }, { learningRate: 1 });
  assert.deepEqual([withTweaks.dropout, withTweaks.validation, withTweaks.augment, withTweaks.schedule, withTweaks.learningRate], [undefined, undefined, undefined, undefined, 1]);
  const imported = fineTuneSettings({ network: base.network, settings: null, cost: 'quadratic' });
  assert.deepEqual([imported.sizes, imported.learningRate], [[784, 16, 16, 10], 2.25]);
});

test('a stop request ends the run between mini-batches; images that do not fit the network are refused', async () => {
  let batches = 0;
  const stopped = await fineTuneDigits(base, writer, mnist, SHORT, { backend: fast, onBatch: () => batches++, shouldStop: () => batches >= 2 });
  assert.equal(stopped.stopped, true);
  assert.equal(batches, 2);
  const small = Network.random({ sizes: [784, 8, 3], activation: 'sigmoid', outputActivation: 'sigmoid' }, 'xavier', new Rng(1));
  await assert.rejects(fineTune({ network: small, settings: null, cost: 'quadratic' }, writer, null, mnist), /10 classes do not fit a network of 784 inputs and 3 outputs/);
  await assert.rejects(fineTune(base, selectExamples(writer, []), null, mnist), /no images to fine-tune on/);
});
