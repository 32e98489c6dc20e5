// Schedules, the validation split, early stopping and their place in the Trainer, on small
// settings: documented rates, the split's arithmetic, the best validation epoch kept, the
// default settings unchanged, runs seeded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Network } from '../../src/core/network.js';
import { takeFirst } from '../../src/data/dataset.js';
import { EarlyStopping } from '../../src/train/early-stopping.js';
import { PRESETS } from '../../src/train/presets.js';
import { learningRateAt } from '../../src/train/schedule.js';
import { resolveSettings, SEED_SETTINGS } from '../../src/train/settings.js';
import { Trainer } from '../../src/train/trainer.js';
import { splitValidation } from '../../src/train/validation.js';
import { DigitlabError } from '../../src/errors.js';
import { realMnist, settingsFor } from '../fast/helpers.js';

describe('learning-rate schedules', () => {
  it('constant is the base rate', () => {
    for (const t of [0, 10, 99, 100]) assert.equal(learningRateAt('constant', 0.5, t, 100), 0.5);
  });
  it('step divides by 10 at half the run and again at three quarters', () => {
    assert.equal(learningRateAt('step', 1, 0, 100), 1);
    assert.equal(learningRateAt('step', 1, 49, 100), 1);
    assert.equal(learningRateAt('step', 1, 50, 100), 0.1);
    assert.equal(learningRateAt('step', 1, 74, 100), 0.1);
    assert.equal(learningRateAt('step', 1, 75, 100), 0.01);
    assert.equal(learningRateAt('step', 1, 99, 100), 0.01);
  });
  it('cosine is η₀ at the start, η₀/2 half way, → 0 at the end, and never increases', () => {
    assert.equal(learningRateAt('cosine', 0.002, 0, 1000), 0.002);
    assert.ok(Math.abs(learningRateAt('cosine', 0.002, 500, 1000) - 0.001) < 1e-15);
    assert.ok(learningRateAt('cosine', 0.002, 1000, 1000) < 1e-18);
    let last = Infinity;
    for (let t = 0; t <= 1000; t++) {
      const eta = learningRateAt('cosine', 0.002, t, 1000);
      assert.ok(eta <= last);
      last = eta;
    }
  });
});

describe('validation split', () => {
  it('holds out the last n training examples as views', async () => {
    const { train } = await realMnist();
    const { train: rest, validation } = splitValidation(train, 10_000);
    assert.equal(rest.count, 50_000);
    assert.equal(validation.count, 10_000);
    assert.equal(validation.labels[0], train.labels[50_000]);
    assert.deepEqual(validation.images.subarray(0, 784), train.images.subarray(50_000 * 784, 50_001 * 784));
    assert.equal(rest.images.buffer, train.images.buffer);
  });
  it('refuses to leave nothing to train on', async () => {
    const { train } = await realMnist();
    assert.throws(() => splitValidation(takeFirst(train, 100), 100), DigitlabError);
  });
});

describe('early stopping', () => {
  it('keeps the best epoch (the earlier on ties) and stops after `patience` epochs without improvement', () => {
    const net = new Network({ sizes: [2, 1], activation: 'relu', outputActivation: 'sigmoid' });
    const stop = new EarlyStopping(2);
    const accuracies = [0.5, 0.7, 0.6, 0.7, 0.65, 0.9];
    const stops: boolean[] = [];
    accuracies.forEach((acc, i) => {
      net.weights[0][0] = i + 1; // the parameters "of epoch i + 1"
      stops.push(stop.update(i + 1, acc, net));
    });
    assert.deepEqual(stops.slice(0, 4), [false, false, false, true]);
    assert.equal(stop.bestEpoch, 6);
    const fresh = new EarlyStopping(2);
    for (let i = 0; i < 4; i++) {
      net.weights[0][0] = i + 1;
      fresh.update(i + 1, accuracies[i], net);
    }
    assert.equal(fresh.bestEpoch, 2);
    assert.equal(fresh.bestAccuracy, 0.7);
    assert.equal(fresh.bestNetwork?.weights[0][0], 2);
  });
  it('patience 0 never stops', () => {
    const net = new Network({ sizes: [2, 1], activation: 'relu', outputActivation: 'sigmoid' });
    const stop = new EarlyStopping(0);
    for (let e = 1; e <= 50; e++) assert.equal(stop.update(e, 1 / e, net), false);
  });
});

describe('settings and presets', () => {
  it('the accuracy settings are optional: the seed settings stay as they were', () => {
    assert.deepEqual(resolveSettings({}), SEED_SETTINGS);
    for (const key of ['dropout', 'schedule', 'validation', 'patience', 'augment']) assert.ok(!(key in resolveSettings({})));
  });
  it('bad values are refused with the setting named', () => {
    assert.throws(() => resolveSettings({ dropout: 1 }), /dropout/);
    assert.throws(() => resolveSettings({ dropout: -0.1 }), /dropout/);
    assert.throws(() => resolveSettings({ schedule: 'linear' as 'cosine' }), /schedule/);
    assert.throws(() => resolveSettings({ augment: 'mixup' as 'affine' }), /augment/);
    assert.throws(() => resolveSettings({ patience: 3 }), /validation/);
  });
  it('every preset resolves; the early-stopping one validates on the training set, the speedrun recipes train on all of it', () => {
    for (const preset of Object.values(PRESETS)) {
      const s = resolveSettings(preset.settings);
      // seed-best keeps its best-validation epoch; fast99 and best are fixed schedules (chosen on the split) that keep their last epoch.
      if (preset.name === 'seed-best') assert.equal(s.validation, 10_000);
      if (preset.name === 'fast99' || preset.name === 'best') assert.equal(s.validation ?? 0, 0, preset.name);
    }
    assert.deepEqual(resolveSettings(PRESETS.seed.settings), SEED_SETTINGS);
  });
});

describe('Trainer with the accuracy settings', () => {
  it('validates every epoch, stops early, restores the best validation epoch', async () => {
    const { train, test } = await realMnist();
    const s = settingsFor({
      sizes: [784, 16, 10], activation: 'relu', init: 'he', cost: 'cross-entropy', optimizer: 'adam', learningRate: 0.003,
      batchSize: 50, epochs: 40, seed: 3, validation: 500, patience: 2, schedule: 'cosine',
    });
    const pair = { train: takeFirst(train, 1500), test: takeFirst(test, 500), source: 'mnist' };
    const trainer = new Trainer(s, pair);
    assert.equal(trainer.train.count, 1000);
    const accuracies: number[] = [];
    while (trainer.epochsDone < s.epochs && !trainer.stoppedEarly) accuracies.push(trainer.runEpoch().validationAccuracy as number);
    assert.ok(trainer.stoppedEarly, 'a 1,000-image run should stop early within 40 epochs');
    const best = Math.max(...accuracies);
    const bestEpoch = accuracies.indexOf(best) + 1;
    assert.equal(trainer.epochsDone - bestEpoch, 2);
    assert.equal(trainer.restoreBest(), bestEpoch);
    assert.equal(trainer.evaluate(trainer.validation!), best);
  });

  it('augmentation and dropout runs are seeded: the same settings give the same network', async () => {
    const { train, test } = await realMnist();
    const s = settingsFor({ sizes: [784, 20, 12, 10], activation: 'relu', init: 'he', cost: 'cross-entropy', optimizer: 'adam', learningRate: 0.003, batchSize: 40, epochs: 1, seed: 8, augment: 'elastic', dropout: 0.2 });
    const pair = { train: takeFirst(train, 400), test: takeFirst(test, 100), source: 'mnist' };
    const a = new Trainer(s, pair);
    const b = new Trainer(s, pair);
    a.runEpoch();
    b.runEpoch();
    assert.deepEqual(a.network().weights[1], b.network().weights[1]);
    const c = new Trainer({ ...s, seed: 9 }, pair);
    c.runEpoch();
    assert.notDeepEqual(c.network().weights[1], a.network().weights[1]);
  });
});
