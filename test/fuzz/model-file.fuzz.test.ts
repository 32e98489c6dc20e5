import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Network } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import { parseModelText, serializeModel, MAX_PARAMETERS } from '../../src/model/model-file.js';
import { parseNielsenText, serializeNielsen } from '../../src/model/nielsen.js';
import { parseCheckpointText, serializeCheckpoint } from '../../src/train/checkpoint.js';
import { resolveSettings } from '../../src/train/settings.js';
import { FUZZ_RUNS, parsesOrDigitlabError } from './expect-digitlab-error.js';

const network = Network.random({ sizes: [4, 3, 2], activation: 'sigmoid', outputActivation: 'sigmoid' }, 'normal', new Rng(3));
const settings = resolveSettings({ sizes: [4, 3, 2], optimizer: 'momentum', epochs: 3 }, 4, 2);
const model = { network, cost: 'quadratic' as const, settings, metrics: { testAccuracy: 0.5, epochs: 3 }, classNames: ['no', 'yes'] };
const MODEL_TEXT = serializeModel(model);
const NIELSEN_TEXT = serializeNielsen(model);
const CHECKPOINT_TEXT = serializeCheckpoint({
  settings,
  classNames: ['no', 'yes'],
  data: { option: null, limit: 5, source: 'fuzz', trainCount: 5, fingerprint: 'x' },
  out: 'm.json',
  backend: 'reference',
  state: {
    epochsDone: 1, batchesDone: 0, examplesSeen: 5, epochCost: 1.5, epochCorrect: 3, epochSeconds: 0.1,
    order: Uint32Array.from([4, 2, 0, 1, 3]), rng: [1, 2, 3, 4],
    optimizer: { step: 1, buffers: [...network.weights, ...network.biases].flatMap((_, i, all) => (i < 2 ? [all[i], all[i + 2]] : [])) },
    network,
  },
});

/** Values that have broken parsers before: wrong types, huge and negative numbers, NaN spelled out, empty containers. */
const nasty = fc.oneof(
  fc.constantFrom<unknown>(null, true, 0, -1, -0, 0.5, 1e12, 2 ** 32, 2 ** 53 + 2, 'NaN', 'Infinity', '', '1', [], {}, [[]], [-16], [1e12, 1e12],
    [1_000_000, 1_000_000, 10], [784, -16, 10], ['784'], { length: 1e9 }, MAX_PARAMETERS, 'sigmoid', 'softmax', 'digitlab-model', 'digitlab-checkpoint'),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Replaces, deletes or duplicates the value at a random path of a JSON document. */
function mutate(doc: unknown, path: number[], op: 'replace' | 'delete' | 'grow' | 'shrink', value: unknown): unknown {
  if (path.length === 0 || doc === null || typeof doc !== 'object') return op === 'replace' ? value : doc;
  const keys = Array.isArray(doc) ? doc.map((_, i) => i) : Object.keys(doc);
  if (keys.length === 0) return doc;
  const key = keys[path[0] % keys.length] as keyof typeof doc;
  const copy: any = Array.isArray(doc) ? [...doc] : { ...doc };
  if (path.length === 1 && op === 'delete') {
    if (Array.isArray(copy)) copy.splice(key as number, 1);
    else delete copy[key];
  } else if (path.length === 1 && op === 'grow' && Array.isArray(copy)) {
    copy.push(copy[key]);
  } else if (path.length === 1 && op === 'shrink' && Array.isArray(copy)) {
    copy.length = 0;
  } else {
    copy[key] = mutate(copy[key], path.slice(1), op, value);
  }
  return copy;
}

/** A valid document mutated structurally, then possibly its text too (characters overwritten, cut short). */
function documents(text: string): fc.Arbitrary<string> {
  const doc = JSON.parse(text);
  const structural = fc
    .record({
      path: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
      op: fc.constantFrom<'replace' | 'delete' | 'grow' | 'shrink'>('replace', 'replace', 'delete', 'grow', 'shrink'),
      value: nasty,
      times: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ path, op, value, times }) => {
      let d = doc;
      for (let t = 0; t < times; t++) d = mutate(d, path.map((p) => p + t), op, value);
      return JSON.stringify(d);
    });
  const textual = fc
    .record({ edits: fc.array(fc.tuple(fc.nat(), fc.constantFrom('9', '-', 'e', '"', ']', '}', ',', 'N', '1e999', '.', ' ')), { maxLength: 4 }), cut: fc.option(fc.nat()) })
    .map(({ edits, cut }) => {
      let t = text;
      for (const [at, s] of edits) {
        const i = at % t.length;
        t = t.slice(0, i) + s + t.slice(i + 1);
      }
      return cut === null ? t : t.slice(0, cut % (t.length + 1));
    });
  // Numbers JSON.stringify cannot write (1e999 = Infinity, -1e999) put in as text.
  const overflow = fc.nat().map((at) => {
    const numbers = [...text.matchAll(/-?\d+\.\d+(e-?\d+)?/g)];
    const m = numbers[at % numbers.length];
    return m.index === undefined ? text : text.slice(0, m.index) + '1e999' + text.slice(m.index + m[0].length);
  });
  return fc.oneof(structural, textual, overflow, fc.string({ maxLength: 40 }), fc.json({ maxDepth: 4 }));
}

test(`model loader: ${FUZZ_RUNS} mutated and random documents load or fail with DigitlabError`, () => {
  fc.assert(
    fc.property(documents(MODEL_TEXT), (text) => {
      const m = parsesOrDigitlabError(() => parseModelText(text, 'fuzz.json'));
      if (m) {
        assert.ok(m.network.parameterCount <= 1000, 'no more parameters than the text holds');
        for (const w of [...m.network.weights, ...m.network.biases]) for (const x of w) assert.ok(Number.isFinite(x));
      }
    }),
    { numRuns: FUZZ_RUNS },
  );
});

test(`network2.py importer: ${FUZZ_RUNS} mutated and random documents load or fail with DigitlabError`, () => {
  fc.assert(
    fc.property(documents(NIELSEN_TEXT), (text) => {
      const m = parsesOrDigitlabError(() => parseNielsenText(text, 'fuzz.json'));
      if (m) assert.ok(m.network.parameterCount <= 1000);
    }),
    { numRuns: FUZZ_RUNS },
  );
});

test(`checkpoint loader: ${FUZZ_RUNS} mutated and random documents load or fail with DigitlabError`, () => {
  fc.assert(
    fc.property(documents(CHECKPOINT_TEXT), (text) => {
      const c = parsesOrDigitlabError(() => parseCheckpointText(text, 'fuzz.ckpt'));
      if (c) assert.ok(c.state.order.length <= text.length);
    }),
    { numRuns: FUZZ_RUNS },
  );
});

test('headers that promise huge or impossible networks are refused before anything is allocated', () => {
  const doc = JSON.parse(MODEL_TEXT);
  const cases: [unknown, RegExp][] = [
    [[1_000_000, 1_000_000, 10], /describes 1,000,011,000,010 parameters, more than the 50,000,000 allowed/],
    [[1e12, 10], /"layers" must be a list/],
    [[4, -3, 2], /"layers" must be a list/],
    [[4, 0, 2], /"layers" must be a list/],
    [[4, 2.5, 2], /"layers" must be a list/],
    [[4], /"layers" must be a list of at least two/],
    ['4,3,2', /"layers" must be a list/],
    [[7000, 7000, 2], /"biases\[0\]" must hold 7000 numbers/],
  ];
  for (const [layers, pattern] of cases) {
    const before = process.memoryUsage().arrayBuffers;
    assert.throws(() => parseModelText(JSON.stringify({ ...doc, parameters: undefined, layers }), 'big.json'), pattern);
    assert.ok(process.memoryUsage().arrayBuffers - before < 1 << 20, 'no large buffer allocated');
  }
});
