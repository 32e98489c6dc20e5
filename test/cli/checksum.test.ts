import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './run-cli.js';

/**
 * A damaged file is refused, a foreign one is not: the model and the checkpoint digitlab writes
 * carry a CRC-32 of their arrays; one changed character (the file still well formed) makes
 * `eval` and `train --resume` stop with one line naming the file, and the same files without a
 * checksum (as from elsewhere) load and resume to the very bytes of the uninterrupted run.
 */
const dir = await mkdtemp(join(tmpdir(), 'digitlab-checksum-'));
const RUN = ['--limit', '1000', '--epochs', '2', '--seed', '5'];
const checkpoint = join(dir, 'run.ckpt');
const model = join(dir, 'model.json');

/** The base64 alphabet; a character swapped for its neighbour keeps the text valid base64 of the same length. */
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** `text` with the character at `at` swapped for the next one of the base64 alphabet. */
function flipBase64(text: string, at: number): string {
  const next = BASE64[(BASE64.indexOf(text[at]) + 1) % 64];
  return text.slice(0, at) + next + text.slice(at + 1);
}

test('digitlab train writes a checksum into the model and the checkpoint', async () => {
  const r = runCli(['train', ...RUN, '--epochs', '1', '--out', model, '--checkpoint', checkpoint]);
  assert.equal(r.code, 0, r.stderr);
  for (const file of [model, checkpoint]) assert.match(JSON.parse(await readFile(file, 'utf8')).checksum, /^crc32:[0-9a-f]{8}$/, file);
});

test('a checkpoint with one base64 character changed: train --resume refuses it in one line, exit 1', async () => {
  const doc = JSON.parse(await readFile(checkpoint, 'utf8'));
  const weights: string = doc.network.weights[0];
  // A character in the middle of the first layer's weights (not in the padding at the end).
  doc.network.weights[0] = flipBase64(weights, Math.floor(weights.length / 2));
  assert.notEqual(doc.network.weights[0], weights);
  assert.equal(Buffer.from(doc.network.weights[0], 'base64').length, Buffer.from(weights, 'base64').length, 'still valid base64 of the same length');
  const damaged = join(dir, 'damaged.ckpt');
  await writeFile(damaged, JSON.stringify(doc));
  const r = runCli(['train', ...RUN, '--resume', damaged, '--out', join(dir, 'from-damaged.json')]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /^digitlab: damaged\.ckpt: the arrays \(order, optimizer, network\) do not match the file's checksum \(crc32:[0-9a-f]{8} written, crc32:[0-9a-f]{8} computed\): the file was changed or damaged after digitlab saved it\n$/);
});

test('a model with one digit of a weight changed: eval and info refuse it in one line, exit 1', async () => {
  const text = await readFile(model, 'utf8');
  // One digit of the first weight changed, its second significant one (a later digit might
  // round to the same float32): still a valid number, another weight.
  const damagedText = text.replace(/("weights": \[\s*\[\s*\[-?[0.]*[1-9])(\d)/, (_, head: string, digit: string) => `${head}${(Number(digit) + 1) % 10}`);
  assert.notEqual(damagedText, text);
  const damaged = join(dir, 'damaged.json');
  await writeFile(damaged, damagedText);
  for (const args of [['eval', '--model', damaged], ['info', '--model', damaged]]) {
    const r = runCli(args);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^digitlab: damaged\.json: the weights and biases do not match the file's checksum \(crc32:[0-9a-f]{8} written, crc32:[0-9a-f]{8} computed\): the file was changed or damaged after digitlab saved it\n$/);
  }
});

test('files without a checksum (from elsewhere) load: eval answers, --resume ends at the bytes of the uninterrupted run', async () => {
  const { checksum: _model, ...bare } = JSON.parse(await readFile(model, 'utf8'));
  const bareModel = join(dir, 'bare.json');
  await writeFile(bareModel, JSON.stringify(bare));
  const evaluated = runCli(['eval', '--model', bareModel]);
  assert.equal(evaluated.code, 0, evaluated.stderr);
  assert.match(evaluated.stdout + evaluated.stderr, /test accuracy/);

  const { checksum: _checkpoint, ...bareState } = JSON.parse(await readFile(checkpoint, 'utf8'));
  const bareCheckpoint = join(dir, 'bare.ckpt');
  await writeFile(bareCheckpoint, JSON.stringify(bareState));
  const straight = runCli(['train', ...RUN, '--out', join(dir, 'straight.json')]);
  assert.equal(straight.code, 0, straight.stderr);
  const resumed = runCli(['train', ...RUN, '--resume', bareCheckpoint, '--out', join(dir, 'resumed.json')]);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.equal(await readFile(join(dir, 'resumed.json'), 'utf8'), await readFile(join(dir, 'straight.json'), 'utf8'));
});
