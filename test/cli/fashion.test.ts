import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeIdx } from '../../src/data/idx.js';
import { FASHION_CLASS_NAMES, FASHION_MNIST_DIRECTORY, loadIdxDirectory } from '../../src/data/idx-dir.js';
import { writeGrayPng } from '../../src/data/png-node.js';
import { runCli } from './run-cli.js';

const dir = await mkdtemp(join(tmpdir(), 'digitlab-fashion-'));
const installed = existsSync(FASHION_MNIST_DIRECTORY);
const skip = installed ? false : `${FASHION_MNIST_DIRECTORY} missing: apt-get install dataset-fashion-mnist (.ci/run does)`;

test('train --data fashion trains on Fashion-MNIST and reports with its class names; eval and predict name them too', { skip }, async () => {
  const model = join(dir, 'fashion.json');
  const r = runCli(['train', '--data', 'fashion', '--limit', '5000', '--epochs', '2', '--layers', '784,32,10', '--activation', 'relu', '--cost', 'cross-entropy', '--optimizer', 'adam', '--json', '--out', model]);
  assert.equal(r.code, 0, r.stderr);
  const epochs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(epochs.length, 2);
  assert.ok(epochs[1].testAccuracy > 0.6, `Fashion-MNIST test accuracy ${epochs[1].testAccuracy}`);
  assert.match(r.stderr, /on 5,000 images from \/usr\/share\/datasets\/fashion-mnist/);
  assert.match(r.stderr, /classes: T-shirt\/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, Ankle boot/);
  assert.match(r.stderr, /test accuracy per class: T-shirt\/top \d+\.\d %, Trouser \d+\.\d %.*Ankle boot \d+\.\d %/);

  const info = JSON.parse(runCli(['info', '--model', model, '--json']).stdout);
  assert.deepEqual(info.classNames, FASHION_CLASS_NAMES);

  const evaluated = runCli(['eval', '--model', model, '--data', 'fashion']);
  assert.equal(evaluated.code, 0, evaluated.stderr);
  assert.match(evaluated.stdout, /test accuracy \d+\.\d\d % on 10,000 images/);
  assert.match(evaluated.stdout, /Trouser/);
  assert.match(evaluated.stdout, /Sneaker/);

  // A trouser from the test set, as a user's PNG (dark on light, enlarged).
  const fashion = await loadIdxDirectory(FASHION_MNIST_DIRECTORY, { classNames: FASHION_CLASS_NAMES });
  const index = fashion.test.labels.findIndex((l) => l === 1);
  const png = join(dir, 'trouser.png');
  await writeGrayPng(png, Uint8Array.from(fashion.test.images.subarray(index * 784, (index + 1) * 784), (v) => 255 - v), 28, 28, 3);
  const predicted = runCli(['predict', '--model', model, '--json', png]);
  assert.equal(predicted.code, 0, predicted.stderr);
  const answer = JSON.parse(predicted.stdout);
  assert.equal(answer.label, FASHION_CLASS_NAMES[answer.prediction]);
});

test('--data DIR reads any IDX data set, plain or gzipped; a bad DIR fails on one line', async () => {
  // A tiny made-up data set: 28×28 images, class = which quarter of the image holds the ink.
  const quarters = (count: number, offset: number): [Uint8Array, Uint8Array] => {
    const images = new Uint8Array(count * 784);
    const labels = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const label = (i + offset) % 4;
      labels[i] = label;
      const [r0, c0] = [(label >> 1) * 14, (label & 1) * 14];
      for (let r = 2; r < 12; r++) for (let c = 2; c < 12; c++) images[i * 784 + (r0 + r) * 28 + c0 + c] = 200 + ((i * 7 + r + c) % 55);
    }
    return [images, labels];
  };
  const data = join(dir, 'quarters');
  await mkdir(data);
  const [trainImages, trainLabels] = quarters(400, 0);
  const [testImages, testLabels] = quarters(100, 1);
  await writeFile(join(data, 'train-images-idx3-ubyte.gz'), gzipSync(encodeIdx([400, 28, 28], trainImages)));
  await writeFile(join(data, 'train-labels-idx1-ubyte'), encodeIdx([400], trainLabels));
  await writeFile(join(data, 't10k-images-idx3-ubyte'), encodeIdx([100, 28, 28], testImages));
  await writeFile(join(data, 't10k-labels-idx1-ubyte.gz'), gzipSync(encodeIdx([100], testLabels)));
  const r = runCli(['train', '--data', data, '--epochs', '3', '--layers', '784,8,10', '--json', '--out', join(dir, 'q.json')]);
  assert.equal(r.code, 0, r.stderr);
  const last = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}');
  assert.ok(last.testAccuracy > 0.9, `accuracy ${last.testAccuracy}`);

  const missing = runCli(['train', '--data', join(dir, 'nowhere'), '--epochs', '1']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^digitlab: .*nowhere: no such directory\n$/);
  await writeFile(join(data, 't10k-labels-idx1-ubyte'), encodeIdx([100], testLabels.map(() => 12)));
  const badLabel = runCli(['train', '--data', data, '--epochs', '1']);
  assert.equal(badLabel.code, 1);
  assert.match(badLabel.stderr, /^digitlab: t10k-labels-idx1-ubyte: label 12 at index 0 is out of range \(10 classes: 0 to 9\)\n$/);
});
