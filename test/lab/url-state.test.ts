import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEED_SETTINGS } from '../../src/train/settings.js';
import { DEFAULT_STATE, stateFromHash, stateToHash, trainingSettings, type LabState } from '../../src/lab/pages/lab/lab-state.js';

describe('Lab URL state', () => {
  it('writes only what differs from the defaults, and reads it back', () => {
    assert.equal(stateToHash({ ...DEFAULT_STATE }), '');
    const state: LabState = {
      ...DEFAULT_STATE,
      hidden: [32, 16, 8],
      activation: 'relu',
      cost: 'cross-entropy',
      init: 'he',
      optimizer: 'adam',
      learningRate: 0.003,
      batchSize: 50,
      seed: 42,
      testImage: 1234,
      language: 'ru',
      palette: 'blue-orange',
      allConnections: true,
      backend: 'reference',
    };
    const hash = stateToHash(state);
    assert.match(hash, /^#layers=32%2C16%2C8&activation=relu&cost=cross-entropy/);
    assert.deepEqual(stateFromHash(hash), state);
  });

  it('ignores malformed or unknown values, keeping the defaults', () => {
    const state = stateFromHash('#layers=16,x&activation=softplus&lr=-1&batch=0&seed=1.5&test=10000&lang=fr&all=yes&junk=1');
    assert.deepEqual(state, { ...DEFAULT_STATE, hidden: [...DEFAULT_STATE.hidden] });
  });

  it('keeps the data set (MNIST by default, Fashion-MNIST on request, nothing else)', () => {
    assert.equal(stateFromHash('').dataSet, 'mnist');
    assert.equal(stateToHash({ ...DEFAULT_STATE, dataSet: 'fashion' }), '#data=fashion');
    assert.equal(stateFromHash('#data=fashion&test=3').dataSet, 'fashion');
    assert.equal(stateFromHash('#data=..%2Fetc').dataSet, 'mnist');
  });

  it('allows no hidden layer at all (a 784-10 network)', () => {
    assert.deepEqual(stateFromHash('#layers=').hidden, []);
    assert.deepEqual(trainingSettings(stateFromHash('#layers=')).sizes, [784, 10]);
  });

  it('gives the seed settings by default, so the Lab and `digitlab train` agree', () => {
    const settings = trainingSettings(DEFAULT_STATE);
    for (const key of ['sizes', 'activation', 'outputActivation', 'cost', 'init', 'optimizer', 'learningRate', 'batchSize', 'seed'] as const) {
      assert.deepEqual(settings[key], SEED_SETTINGS[key], key);
    }
  });

  it('picks softmax output for cross-entropy and rejects impossible settings', () => {
    assert.equal(trainingSettings({ ...DEFAULT_STATE, cost: 'cross-entropy' }).outputActivation, 'softmax');
    assert.throws(() => trainingSettings({ ...DEFAULT_STATE, learningRate: 0 }), /learning rate/);
  });
});
