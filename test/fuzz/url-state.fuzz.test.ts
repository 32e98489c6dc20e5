import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { HIDDEN_ACTIVATIONS } from '../../src/core/activations.js';
import { COSTS } from '../../src/core/costs.js';
import { INITS } from '../../src/core/init.js';
import { OPTIMIZERS } from '../../src/core/optimizers.js';
import { DEFAULT_STATE, type LabState, PALETTES, stateFromHash, stateToHash, trainingSettings } from '../../src/lab/pages/lab/lab-state.js';
import { LANGUAGES } from '../../src/lab/shared/i18n.js';
import { FUZZ_RUNS, parsesOrDigitlabError } from './expect-digitlab-error.js';

const KEYS = ['layers', 'activation', 'cost', 'init', 'optimizer', 'lr', 'batch', 'seed', 'test', 'lang', 'palette', 'all'];

/** Values that break naive parsers: empty, signs, exponents, hex, huge, NaN, separators, encodings. */
const value = fc.oneof(
  fc.constantFrom('', '0', '-1', '1e9', '1e999', '0x10', 'NaN', 'Infinity', '-0', '1.5', ' 1', '4096', '4097', '9999', '10000', '4294967295', '4294967296',
    '16,16', '16,,16', ',', '1,2,3,4,5,6,7,8,9', '0,16', '100000', 'relu', 'sigmoid', 'ru', 'en', '%', '%zz', '%E2%82%AC', '\u0000', '&', '=', '#', 'constructor', '__proto__'),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
  fc.double().map(String),
);

/** Hashes built from the Lab's own keys (and stray ones), plus arbitrary text. */
const hashes = fc.oneof(
  fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), value, fc.boolean()), { maxLength: 8 }).map(
    (pairs) => `#${pairs.map(([k, v, encode]) => `${k}=${encode ? encodeURIComponent(v) : v}`).join('&')}`,
  ),
  fc.string({ maxLength: 60 }),
  fc.string({ maxLength: 60 }).map((s) => `#${s}`),
);

/** Every field of a state parsed from any URL is in the range the Lab can show and train. */
function assertValidState(s: LabState): void {
  assert.deepEqual(Object.keys(s).sort(), Object.keys(DEFAULT_STATE).sort());
  assert.ok(Array.isArray(s.hidden) && s.hidden.length <= 8 && s.hidden.every((n) => Number.isInteger(n) && n >= 1 && n <= 4096));
  assert.ok(HIDDEN_ACTIVATIONS.includes(s.activation));
  assert.ok(COSTS.includes(s.cost));
  // 'auto' leaves the initial weights to the run layer (He for ReLU, Xavier otherwise).
  assert.ok(s.init === 'auto' || INITS.includes(s.init));
  assert.ok(OPTIMIZERS.includes(s.optimizer));
  // null leaves η to the run layer (its default for the network).
  assert.ok(s.learningRate === null || (Number.isFinite(s.learningRate) && s.learningRate > 0));
  assert.ok(Number.isInteger(s.batchSize) && s.batchSize >= 1 && s.batchSize <= 60_000);
  assert.ok(Number.isInteger(s.seed) && s.seed >= 0 && s.seed <= 0xffffffff);
  assert.ok(Number.isInteger(s.testImage) && s.testImage >= -1 && s.testImage <= 9_999);
  assert.ok(s.language === '' || LANGUAGES.includes(s.language));
  assert.ok(PALETTES.includes(s.palette));
  assert.equal(typeof s.allConnections, 'boolean');
}

test(`Lab URL state: ${FUZZ_RUNS} random and crafted hashes give a valid state, and settings or a DigitlabError`, () => {
  fc.assert(
    fc.property(hashes, (hash) => {
      const state = parsesOrDigitlabError(() => stateFromHash(hash));
      assert.ok(state, `stateFromHash(${JSON.stringify(hash)}) must never throw`);
      assertValidState(state);
      // A parsed state survives the trip through its own hash unchanged (shareable: the Lab's state as a URL).
      // (Compared as JSON: "#seed=-0" parses to −0, which the hash writes back as 0 — harmless, reported.)
      assert.deepEqual(JSON.parse(JSON.stringify(stateFromHash(stateToHash(state)))), JSON.parse(JSON.stringify(state)));
      const settings = parsesOrDigitlabError(() => trainingSettings(state));
      if (settings) assert.deepEqual(settings.sizes, [784, ...state.hidden, 10]);
    }),
    { numRuns: FUZZ_RUNS },
  );
});

test('a shared URL cannot make the Lab allocate a network beyond the model format\'s limit', () => {
  const state = stateFromHash('#layers=4096,4096,4096,4096,4096,4096,4096,4096');
  const sizes = [784, ...state.hidden, 10];
  const parameters = sizes.slice(1).reduce((sum, n, l) => sum + n * sizes[l] + n, 0);
  assert.ok(parameters <= 50_000_000, `${parameters.toLocaleString('en-US')} parameters from a 60-character URL`);
});
