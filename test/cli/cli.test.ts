import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultMnistDirectory, loadMnist } from '../../src/data/idx-dir.js';
import { writeGrayPng } from '../../src/data/png-node.js';
import { runCli, type CliResult } from './run-cli.js';

const dir = await mkdtemp(join(tmpdir(), 'digitlab-cli-'));
const mnist = await loadMnist();

/** A failure a person can act on: exit code 1 and one line naming the problem, no stack trace. */
function assertCleanFailure(r: CliResult, pattern: RegExp): void {
  assert.equal(r.code, 1, `exit code 1 (stderr: ${r.stderr})`);
  const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('training '));
  assert.equal(lines.length, 1, `one line: ${r.stderr}`);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
}

test('info prints 13,002 parameters for the default network', () => {
  const r = runCli(['info']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /parameters\s+13,002/);
  const json = JSON.parse(runCli(['info', '--json']).stdout);
  assert.equal(json.parameters, 13_002);
  assert.deepEqual(json.layers, [784, 16, 16, 10]);
});

test('train --json prints one JSON object per epoch; the same seed gives the same file byte for byte', async () => {
  const args = ['train', '--limit', '2000', '--epochs', '2', '--json'];
  const a = runCli([...args, '--out', join(dir, 'a.json')]);
  const b = runCli([...args, '--out', join(dir, 'b.json')]);
  assert.equal(a.code, 0, a.stderr);
  const lines = a.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 2);
  for (const [i, line] of lines.entries()) {
    assert.deepEqual(Object.keys(line).sort(), ['epoch', 'seconds', 'testAccuracy', 'trainAccuracy', 'trainCost']);
    assert.equal(line.epoch, i + 1);
    assert.ok(line.testAccuracy > 0 && line.testAccuracy <= 1);
  }
  assert.match(a.stderr, /saved/);
  assert.equal(await readFile(join(dir, 'a.json'), 'utf8'), await readFile(join(dir, 'b.json'), 'utf8'));
  const other = runCli(['train', '--limit', '2000', '--epochs', '1', '--seed', '2', '--out', join(dir, 'c.json')]);
  assert.equal(other.code, 0);
  assert.notEqual(await readFile(join(dir, 'a.json'), 'utf8'), await readFile(join(dir, 'c.json'), 'utf8'));
});

test('eval reports accuracy, per-class accuracy and a confusion matrix over the 10,000 test images', () => {
  const r = runCli(['eval', '--model', join(dir, 'a.json'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  assert.equal(result.examples, 10_000);
  assert.equal(result.confusion.length, 10);
  assert.equal(result.confusion.flat().reduce((s: number, x: number) => s + x, 0), 10_000);
  const diagonal = result.confusion.reduce((s: number, row: number[], i: number) => s + row[i], 0);
  assert.equal(diagonal / 10_000, result.accuracy);
  assert.equal(result.perClassAccuracy.length, 10);
  const human = runCli(['eval', '--model', join(dir, 'a.json')]);
  assert.match(human.stdout, /test accuracy \d+\.\d\d %/);
});

test('predict reads PNG digits (black on white, any size) and prints ten confidences', async () => {
  const modelFile = join(dir, 'relu.json');
  const trained = runCli(['train', '--layers', '784,64,10', '--activation', 'relu', '--cost', 'cross-entropy', '--optimizer', 'adam', '--limit', '5000', '--epochs', '2', '--out', modelFile]);
  assert.equal(trained.code, 0, trained.stderr);
  const files: string[] = [];
  for (let i = 0; i < 5; i++) {
    const img = mnist.test.images.subarray(i * 784, (i + 1) * 784);
    const inverted = Uint8Array.from(img, (v) => 255 - v);
    const file = join(dir, `digit-${i}.png`);
    await writeGrayPng(file, inverted, 28, 28, 4);
    files.push(file);
  }
  const r = runCli(['predict', '--model', modelFile, '--json', ...files]);
  assert.equal(r.code, 0, r.stderr);
  const answers = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(answers.length, 5);
  for (const a of answers) {
    assert.equal(a.confidences.length, 10);
    assert.equal(a.prediction, a.confidences.indexOf(Math.max(...a.confidences)));
  }
  const right = answers.filter((a, i) => a.prediction === mnist.test.labels[i]).length;
  assert.ok(right >= 4, `${right} of 5 right`);
  const human = runCli(['predict', '--model', modelFile, files[0]]);
  assert.match(human.stdout, new RegExp(`digit-0\\.png: ${mnist.test.labels[0]}`));
});

test('bad inputs: one line naming the file and the problem, exit code 1, an existing model untouched', async () => {
  const good = join(dir, 'a.json');
  const before = await readFile(good, 'utf8');
  const mnistDir = defaultMnistDirectory();
  const names = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'];
  const makeDataDir = async (name: string, change: (file: string, bytes: Buffer) => Buffer | null) => {
    const d = join(dir, name);
    await mkdir(d, { recursive: true });
    for (const n of names) {
      const bytes = await readFile(join(mnistDir, n));
      const changed = change(n, bytes);
      if (changed) await writeFile(join(d, n), changed);
      else await copyFile(join(mnistDir, n), join(d, n));
    }
    return d;
  };
  const truncated = await makeDataDir('truncated', (n, b) => (n === 'train-images-idx3-ubyte' ? b.subarray(0, 1024) : null));
  assertCleanFailure(runCli(['train', '--data', truncated, '--out', good]), /train-images-idx3-ubyte.*ends after 1,024 of 47,040,016 bytes/);
  const badMagic = await makeDataDir('magic', (n, b) => (n === 't10k-labels-idx1-ubyte' ? Buffer.concat([Buffer.from([1, 2, 3, 4]), b.subarray(4)]) : null));
  assertCleanFailure(runCli(['train', '--data', badMagic, '--out', good]), /t10k-labels-idx1-ubyte: not an IDX file \(the first two bytes are 0x01 0x02/);
  const mismatch = await makeDataDir('mismatch', (n, b) => {
    if (n !== 'train-labels-idx1-ubyte') return null;
    const c = Buffer.from(b.subarray(0, b.length - 1));
    c.writeUInt32BE(59_999, 4);
    return c;
  });
  assertCleanFailure(runCli(['train', '--data', mismatch, '--out', good]), /train-images-idx3-ubyte has 60,000 images but train-labels-idx1-ubyte has 59,999 labels/);
  assertCleanFailure(runCli(['train', '--lr', 'fast', '--out', good]), /--lr.*invalid/);
  assertCleanFailure(runCli(['train', '--layers', '784,16,9', '--out', good]), /last size must equal the 10 classes/);
  assert.equal(await readFile(good, 'utf8'), before, 'the model file that existed before is untouched');

  await writeFile(join(dir, 'not-json.json'), 'hello');
  assertCleanFailure(runCli(['eval', '--model', join(dir, 'not-json.json')]), /not-json\.json: not a digitlab model \(not valid JSON/);
  const wrongShape = JSON.parse(before);
  wrongShape.weights[1].pop();
  await writeFile(join(dir, 'shape.json'), JSON.stringify(wrongShape));
  assertCleanFailure(runCli(['info', '--model', join(dir, 'shape.json')]), /shape\.json: field "weights\[1\]" must hold 16 rows/);
  assertCleanFailure(runCli(['eval', '--model', join(dir, 'missing.json')]), /missing\.json: cannot read/);
  await writeFile(join(dir, 'fake.png'), 'GIF89a not a png');
  assertCleanFailure(runCli(['predict', '--model', good, join(dir, 'fake.png')]), /fake\.png: not a PNG/);
});
