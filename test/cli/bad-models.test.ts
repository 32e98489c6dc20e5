import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Network } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import { DigitlabError } from '../../src/errors.js';
import { serializeModel } from '../../src/model/model-file.js';
import { loadModel } from '../../src/model/model-io.js';
import { SEED_SETTINGS } from '../../src/train/settings.js';
import { runCli } from './run-cli.js';

const dir = await mkdtemp(join(tmpdir(), 'digitlab-bad-models-'));
const network = Network.random({ sizes: [784, 16, 16, 10], activation: 'sigmoid', outputActivation: 'sigmoid' }, 'normal', new Rng(1));
const good = JSON.parse(serializeModel({ network, cost: 'quadratic', settings: SEED_SETTINGS, metrics: {}, classNames: [...'0123456789'] }));

/**
 * Every bad model file a user might hand to `digitlab`, and what it must answer: exit code 1
 * and one line naming the file and the field — never a stack trace, never a huge allocation.
 * This list is the one in the closing note.
 */
const BAD_MODELS: [string, string | ((d: any) => unknown), RegExp][] = [
  ['header claiming 10^12 weights', (d) => ({ ...d, layers: [1_000_000, 1_000_000, 10] }), /field "layers" describes 1,000,011,000,010 parameters, more than the 50,000,000 allowed/],
  ['layer size 10^12', (d) => ({ ...d, layers: [1e12, 10] }), /field "layers" must be a list of at least two positive layer sizes/],
  ['negative layer size', (d) => ({ ...d, layers: [784, -16, 16, 10] }), /field "layers" must be a list/],
  ['fractional layer size', (d) => ({ ...d, layers: [784, 16.5, 16, 10] }), /field "layers" must be a list/],
  ['parameters field that lies', (d) => ({ ...d, parameters: 5 }), /field "parameters" says 5, but layers 784-16-16-10 have 13,002/],
  ['missing weight layer', (d) => ({ ...d, weights: d.weights.slice(1) }), /field "weights" must hold 3 layers/],
  ['weights transposed', (d) => { d.weights[2] = Array.from({ length: 16 }, () => new Array(10).fill(0)); return d; }, /field "weights\[2\]" must hold 10 rows/],
  ['short weight row', (d) => { d.weights[0][5] = d.weights[0][5].slice(1); return d; }, /field "weights\[0\]\[5\]" must hold 784 numbers/],
  ['bias vector too long', (d) => { d.biases[1].push(0); return d; }, /field "biases\[1\]" must hold 16 numbers/],
  ['"NaN" as a weight', (d) => { d.weights[1][2][3] = 'NaN'; return d; }, /field "weights\[1\]\[2\]\[3\]" must be a finite number, got "NaN"/],
  ['null as a bias (JSON\'s NaN)', (d) => { d.biases[0][0] = null; return d; }, /field "biases\[0\]\[0\]" must be a finite number, got null/],
  ['1e999 (Infinity) as a weight', () => JSON.stringify(good).replace(/"weights":\[\[\[[-\d.e]+/, '"weights":[[[1e999'), /field "weights\[0\]\[0\]\[0\]" must be a finite number, got Infinity/],
  ['3.5e38, beyond float32', () => JSON.stringify(good).replace(/"biases":\[\[[-\d.e]+/, '"biases":[[3.5e38'), /field "biases\[0\]\[0\]" is 3\.5e\+38, beyond the float32 range/],
  ['unknown version', (d) => ({ ...d, version: 2 }), /unsupported version 2 \(this digitlab reads versions 1 to 1\)/],
  ['version as a string', (d) => ({ ...d, version: '1' }), /unsupported version "1"/],
  ['another format', (d) => ({ ...d, format: 'keras' }), /not a digitlab model \(format is "keras"/],
  ['unknown activation', (d) => ({ ...d, activation: 'swish' }), /field "activation" must be one of sigmoid, relu, tanh, got "swish"/],
  ['wrong number of class names', (d) => ({ ...d, classNames: ['a', 'b'] }), /field "classNames" must be a list of 10 names/],
  ['negative batch size in training', (d) => ({ ...d, training: { ...d.training, batchSize: -5 } }), /field "training\.batchSize" must be a whole number from 1/],
  ['not JSON (cut in half)', () => JSON.stringify(good).slice(0, 5000), /not a digitlab model \(not valid JSON: /],
  ['empty file', '', /not a digitlab model \(not valid JSON: Unexpected end of JSON input\)/],
  ['binary garbage', '\u0000\u0001\u00ff\u00fePNG', /not a digitlab model \(not valid JSON/],
  ['a JSON array', '[1,2,3]', /not a digitlab model \(expected a JSON object\)/],
  ['deeply nested JSON', '['.repeat(100_000) + ']'.repeat(100_000), /not a digitlab model \(expected a JSON object\)/],
  ['one weight changed (the checksum tells)', (d) => { d.weights[1][2][3] = d.weights[1][2][3] / 2; return d; }, /the weights and biases do not match the file's checksum/],
];

/** The bad file's text. */
function textOf(make: string | ((d: any) => unknown)): string {
  if (typeof make === 'string') return make;
  const made = make(structuredClone(good));
  return typeof made === 'string' ? made : JSON.stringify(made);
}

test(`the model loader refuses ${BAD_MODELS.length} kinds of bad model file with one line naming the field`, async () => {
  for (const [name, make, pattern] of BAD_MODELS) {
    const file = join(dir, 'bad.json');
    await writeFile(file, textOf(make));
    await assert.rejects(loadModel(file), (e: unknown) => {
      assert.ok(e instanceof DigitlabError, name);
      assert.match(e.message, /^bad\.json: [^\n]+$/, `${name}: one line`);
      assert.match(e.message, pattern, name);
      return true;
    });
  }
});

test('the digitlab command answers bad model files with exit code 1 and that one line, never a crash', async () => {
  // A sample through the real CLI (each run starts a process); the loader above sees them all.
  for (const index of [0, 2, 6, 9, 11, 12, 13, 19, 23, 24]) {
    const [name, make, pattern] = BAD_MODELS[index];
    const file = join(dir, `cli-${index}.json`);
    await writeFile(file, textOf(make));
    const r = runCli(['info', '--model', file]);
    assert.equal(r.code, 1, `${name}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`^digitlab: cli-${index}\\.json: [^\\n]+\\n$`), `${name}: one line: ${r.stderr.slice(0, 300)}`);
    assert.match(r.stderr, pattern, name);
  }
});

test('files that are not model files at all: missing, a directory, 600 MB', async () => {
  const missing = runCli(['eval', '--model', join(dir, 'none.json')]);
  assert.match(missing.stderr, /^digitlab: .*none\.json: cannot read the model file \(ENOENT\)\n$/);
  await mkdir(join(dir, 'folder.json'));
  const folder = runCli(['predict', '--model', join(dir, 'folder.json'), 'x.png']);
  assert.match(folder.stderr, /^digitlab: .*folder\.json: cannot read the model file \(EISDIR\)\n$/);
  const huge = join(dir, 'huge.json');
  const handle = await open(huge, 'w');
  await handle.truncate(600 * 1024 * 1024); // sparse: no disk used, but 600 MB to a reader
  await handle.close();
  const big = runCli(['export', '--model', huge, '--onnx', join(dir, 'x.onnx')]);
  assert.match(big.stderr, /^digitlab: .*huge\.json: 629,145,600 bytes is larger than any model file \(at most 536,870,912\)\n$/);
  for (const r of [missing, folder, big]) assert.equal(r.code, 1);
});
