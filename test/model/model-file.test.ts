import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Network } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import { DigitlabError } from '../../src/errors.js';
import { Crc32 } from '../../src/model/checksum.js';
import { type Model, parseModelText, serializeModel } from '../../src/model/model-file.js';
import { loadModel, saveModel } from '../../src/model/model-io.js';
import { SEED_SETTINGS } from '../../src/train/settings.js';

function sampleModel(): Model {
  const network = Network.random({ sizes: [784, 16, 16, 10], activation: 'sigmoid', outputActivation: 'sigmoid' }, 'normal', new Rng(11));
  // Values that stress the float32 ↔ text round trip.
  network.weights[0][0] = Math.fround(1e-38);
  network.weights[0][1] = Math.fround(-3.4e38);
  network.weights[0][2] = Math.fround(0.1);
  return { network, cost: 'quadratic', settings: SEED_SETTINGS, metrics: { testAccuracy: 0.95 }, classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] };
}

test('a model round-trips bit-exact through its JSON text', () => {
  const model = sampleModel();
  const text = serializeModel(model);
  const back = parseModelText(text, 'm.json');
  for (let l = 0; l < 3; l++) {
    assert.deepEqual(new Uint32Array(back.network.weights[l].buffer), new Uint32Array(model.network.weights[l].buffer));
    assert.deepEqual(new Uint32Array(back.network.biases[l].buffer), new Uint32Array(model.network.biases[l].buffer));
  }
  assert.deepEqual(back.settings, SEED_SETTINGS);
  assert.equal(back.metrics.testAccuracy, 0.95);
  assert.equal(serializeModel(back), text, 'serialising again gives the same text');
  const doc = JSON.parse(text);
  assert.equal(doc.format, 'digitlab-model');
  assert.equal(doc.version, 1);
  assert.equal(doc.parameters, 13_002);
  assert.equal(doc.weights[0].length, 16);
  assert.equal(doc.weights[0][0].length, 784);
});

test('the checksum is CRC-32 (the zip and PNG one) over the parameters\' float32 bytes, biases then weights', () => {
  // The standard check value of CRC-32 over the nine ASCII digits.
  assert.equal(new Crc32().add(new TextEncoder().encode('123456789')).text(), 'crc32:cbf43926');
  const model = sampleModel();
  const doc = JSON.parse(serializeModel(model));
  const crc = new Crc32();
  for (const b of model.network.biases) crc.add(new Uint8Array(b.buffer.slice(0)));
  for (const w of model.network.weights) crc.add(new Uint8Array(w.buffer.slice(0)));
  assert.equal(doc.checksum, crc.text());
  // A file without one (from elsewhere, or an older digitlab) loads, to the same parameters.
  const { checksum: _, ...bare } = doc;
  const back = parseModelText(JSON.stringify(bare), 'bare.json');
  assert.deepEqual(back.network.weights, model.network.weights);
  assert.equal(serializeModel(back), serializeModel(model), 'saved again, it gets its checksum');
});

test('bad model documents are rejected with the field named', () => {
  const good = JSON.parse(serializeModel(sampleModel()));
  const cases: [string, (d: Record<string, any>) => unknown, RegExp][] = [
    ['not json', () => '{oops', /not valid JSON/],
    ['wrong format', (d) => ({ ...d, format: 'keras' }), /not a digitlab model/],
    ['future version', (d) => ({ ...d, version: 99 }), /unsupported version 99/],
    ['negative size', (d) => ({ ...d, layers: [784, -16, 10] }), /"layers"/],
    ['huge header', (d) => ({ ...d, layers: [1_000_000, 1_000_000, 10] }), /more than the/],
    ['missing layer of weights', (d) => ({ ...d, weights: d.weights.slice(1) }), /"weights" must hold 3 layers/],
    ['short row', (d) => { d.weights[1][3] = d.weights[1][3].slice(1); return d; }, /weights\[1\]\[3\]" must hold 16/],
    ['NaN value', (d) => { d.biases[2][4] = 'NaN'; return d; }, /biases\[2\]\[4\]" must be a finite number/],
    ['unknown activation', (d) => ({ ...d, activation: 'swish' }), /"activation" must be one of/],
    ['cross-entropy with relu out', (d) => ({ ...d, cost: 'cross-entropy', outputActivation: 'relu' }), /cross-entropy needs/],
    ['a weight changed', (d) => { d.weights[2][9][15] += 0.25; return d; }, /the weights and biases do not match the file's checksum \(crc32:[0-9a-f]{8} written, crc32:[0-9a-f]{8} computed\)/],
    ['a bias changed', (d) => { d.biases[0][0] = -d.biases[0][0]; return d; }, /do not match the file's checksum/],
    ['a checksum that is not one', (d) => ({ ...d, checksum: 12345 }), /field "checksum" must be "crc32:" and 8 hexadecimal digits/],
  ];
  for (const [name, mutate, pattern] of cases) {
    const mutated = mutate(structuredClone(good));
    const text = typeof mutated === 'string' ? mutated : JSON.stringify(mutated);
    assert.throws(() => parseModelText(text, 'bad.json'), (e: unknown) => {
      assert.ok(e instanceof DigitlabError, `${name}: a DigitlabError`);
      assert.match(e.message, /^bad\.json: /, name);
      assert.match(e.message, pattern, name);
      return true;
    });
  }
});

test('saveModel writes atomically and leaves no temporary files', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'digitlab-model-'));
  const file = join(dir, 'model.json');
  await writeFile(file, 'old');
  await saveModel(file, sampleModel());
  const loaded = await loadModel(file);
  assert.equal(loaded.network.parameterCount, 13_002);
  assert.deepEqual(await readdir(dir), ['model.json']);
  await assert.rejects(saveModel(join(dir, 'missing-dir', 'm.json'), sampleModel()), DigitlabError);
  assert.ok((await readFile(file, 'utf8')).startsWith('{'));
});

test('the optional training refinements (dropout, schedule, validation, patience, augment) survive a round trip', () => {
  const model = sampleModel();
  const settings = { ...SEED_SETTINGS, dropout: 0.2, schedule: 'cosine' as const, validation: 5000, patience: 3, augment: 'affine' as const };
  const text = serializeModel({ ...model, settings });
  const back = parseModelText(text, 'm.json');
  assert.deepEqual(back.settings, settings);
  assert.equal(serializeModel(back), text);
  assert.throws(() => parseModelText(text.replace('"cosine"', '"wavy"'), 'm.json'), /field "training\.schedule" must be one of constant, step, cosine/);
});
