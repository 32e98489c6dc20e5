// The Lab's shareable state carries the accuracy settings (L2, dropout, schedule, augmentation): they round-trip through the URL
// hash, malformed values fall back to the defaults, and the default state still asks for
// exactly the seed's settings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_STATE, stateFromHash, stateToHash, trainingSettings } from '../../src/lab/pages/lab/lab-state.js';
import { SEED_SETTINGS } from '../../src/train/settings.js';

describe('Lab URL state: dropout, schedule, augmentation', () => {
  it('round-trip through the hash', () => {
    const state = { ...DEFAULT_STATE, hidden: [128, 64], activation: 'relu' as const, l2: 0.0001, dropout: 0.25, schedule: 'cosine' as const, augment: 'elastic' as const };
    const hash = stateToHash(state);
    assert.match(hash, /dropout=0\.25/);
    assert.match(hash, /schedule=cosine/);
    assert.match(hash, /augment=elastic/);
    assert.deepEqual(stateFromHash(hash), state);
    const s = trainingSettings(state);
    assert.equal(s.l2, 0.0001);
    assert.equal(s.dropout, 0.25);
    assert.equal(s.schedule, 'cosine');
    assert.equal(s.augment, 'elastic');
  });

  it('malformed values take the defaults; the default state is the seed run', () => {
    const s = stateFromHash('#dropout=1&schedule=linear&augment=mixup&l2=-1');
    assert.equal(s.l2, 0);
    assert.equal(s.dropout, 0);
    assert.equal(s.schedule, 'constant');
    assert.equal(s.augment, 'none');
    assert.equal(stateToHash(DEFAULT_STATE), '');
    assert.deepEqual(trainingSettings(DEFAULT_STATE), SEED_SETTINGS);
  });
});
