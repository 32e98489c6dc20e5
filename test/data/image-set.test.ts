import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { Rng } from '../../src/core/rng.js';
import type { Dataset, DatasetPair } from '../../src/data/dataset.js';
import { splitHeldOut } from '../../src/data/held-out.js';
import { parseIdx } from '../../src/data/idx.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { classCounts, datasetFromImages, datasetToIdx, selectExamples } from '../../src/data/image-set.js';
import { makeDataset } from '../../src/data/pair.js';
import { mixWriterDigits } from '../../src/data/writer-mix.js';
import { DigitlabError } from '../../src/errors.js';

let mnist: DatasetPair;
before(async () => {
  mnist = await loadMnist();
});

/** The first `perClass[c]` MNIST test digits of each class c, as a data set of labelled images. */
function digits(perClass: readonly number[]): Dataset {
  const images = [];
  const left = [...perClass];
  for (let i = 0; i < mnist.test.count && left.some((n) => n > 0); i++) {
    const label = mnist.test.labels[i];
    if (left[label] > 0) {
      left[label]--;
      images.push({ pixels: mnist.test.images.slice(i * 784, (i + 1) * 784), label });
    }
  }
  return datasetFromImages(images);
}

const image = (data: Dataset, i: number): Uint8Array => data.images.subarray(i * 784, (i + 1) * 784);

test('labelled images become a Dataset (copied); a wrong size or label is refused in one line', () => {
  const pixels = mnist.test.images.slice(0, 784);
  const data = datasetFromImages([{ pixels, label: 7 }, { pixels: new Uint8Array(784), label: 0 }]);
  assert.deepEqual([data.count, data.rows, data.cols, Array.from(data.labels)], [2, 28, 28, [7, 0]]);
  pixels[300] ^= 0xff;
  assert.notEqual(data.images[300], pixels[300], 'the data set holds its own copy');
  assert.throws(() => datasetFromImages([{ pixels: new Uint8Array(100), label: 1 }]), (e: unknown) => e instanceof DigitlabError && /image 1: 100 pixels, expected 28×28 = 784/.test(e.message));
  assert.throws(() => datasetFromImages([{ pixels, label: 10 }]), /label 10 is not one of the 10 classes/);
  assert.equal(datasetFromImages([]).count, 0);
});

test('an image set written as IDX reads back as the same data set', () => {
  const data = digits([3, 0, 2, 1, 0, 0, 0, 0, 0, 4]);
  const idx = datasetToIdx(data);
  const back = makeDataset(parseIdx(idx.images, 'images'), parseIdx(idx.labels, 'labels'), { images: 'images', labels: 'labels' });
  assert.deepEqual([back.count, back.rows, back.cols], [10, 28, 28]);
  assert.deepEqual(back.images, data.images);
  assert.deepEqual(back.labels, data.labels);
  assert.throws(() => datasetToIdx(datasetFromImages([])), /empty set of images/);
});

test('selectExamples copies the chosen examples in order; classCounts counts each class', () => {
  const data = digits([2, 2, 2, 0, 0, 0, 0, 0, 0, 0]);
  const picked = selectExamples(data, [5, 0]);
  assert.deepEqual(Array.from(picked.labels), [data.labels[5], data.labels[0]]);
  assert.deepEqual(image(picked, 0), image(data, 5));
  assert.deepEqual(classCounts(data), [2, 2, 2, 0, 0, 0, 0, 0, 0, 0]);
  assert.throws(() => selectExamples(data, [6]), RangeError);
});

test('the held-out split is stratified per class, seeded, disjoint, and keeps every class in training', () => {
  const data = digits([10, 10, 10, 10, 10, 10, 10, 10, 2, 1]);
  const split = splitHeldOut(data, 0.3, 1);
  const held = split.heldOut as Dataset;
  // 10 of a class → 3 held out; 2 → 1; 1 → 0 (only trained on).
  assert.deepEqual(classCounts(held), [3, 3, 3, 3, 3, 3, 3, 3, 1, 0]);
  assert.deepEqual(classCounts(split.train), [7, 7, 7, 7, 7, 7, 7, 7, 1, 1]);
  const all = [...split.trainIndices, ...split.heldOutIndices].sort((a, b) => a - b);
  assert.deepEqual(all, Array.from({ length: data.count }, (_, i) => i), 'every example in exactly one part');
  split.heldOutIndices.forEach((at, i) => assert.deepEqual(image(held, i), image(data, at)));
  split.trainIndices.forEach((at, i) => assert.deepEqual(image(split.train, i), image(data, at)));
  assert.deepEqual(splitHeldOut(data, 0.3, 1).heldOutIndices, split.heldOutIndices, 'the same seed, the same split');
  assert.notDeepEqual(splitHeldOut(data, 0.3, 2).heldOutIndices, split.heldOutIndices, 'another seed, another split');
  assert.deepEqual(classCounts(splitHeldOut(data, 0.01, 1).heldOut as Dataset).slice(0, 9), [1, 1, 1, 1, 1, 1, 1, 1, 1], 'at least one per class that has two');
  assert.deepEqual(classCounts(splitHeldOut(data, 0.9, 1).train), [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 'never all of a class');
});

test('holdout 0 holds nothing out; a fraction outside [0, 1) is refused', () => {
  const data = digits([2, 2, 0, 0, 0, 0, 0, 0, 0, 0]);
  const split = splitHeldOut(data, 0, 5);
  assert.equal(split.heldOut, null);
  assert.equal(split.train.count, 4);
  assert.equal(split.heldOutIndices.length, 0);
  for (const bad of [1, -0.1, NaN]) assert.throws(() => splitHeldOut(data, bad, 1), /holdout: must be a fraction from 0 to below 1/);
});

test('the fine-tuning mix: sampled MNIST images, then each writer digit as drawn and distorted copies; seeded', () => {
  const writer = digits([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
  const mix = mixWriterDigits(mnist.train, writer, { mnistImages: 50, copies: 4 }, new Rng(3));
  assert.equal(mix.count, 50 + 3 * 4);
  // The MNIST part: 50 distinct training images, each with its own label.
  const seen = new Set<string>();
  for (let i = 0; i < 50; i++) {
    const key = Buffer.from(image(mix, i)).toString('base64');
    seen.add(key);
  }
  assert.equal(seen.size, 50);
  for (let w = 0; w < writer.count; w++) {
    const first = 50 + 4 * w;
    assert.deepEqual(image(mix, first), image(writer, w), 'the first copy is the digit as drawn');
    for (let c = 1; c < 4; c++) {
      assert.equal(mix.labels[first + c], writer.labels[w], 'a distortion keeps the label');
      const copy = image(mix, first + c);
      assert.notDeepEqual(copy, image(writer, w), 'the other copies are distorted');
      // Distorted a little: the ink stays about as much (within a third).
      const ink = (p: Uint8Array) => p.reduce((s, v) => s + v, 0);
      assert.ok(Math.abs(ink(copy) / ink(image(writer, w)) - 1) < 0.35);
    }
  }
  const again = mixWriterDigits(mnist.train, writer, { mnistImages: 50, copies: 4 }, new Rng(3));
  assert.deepEqual(again.images, mix.images);
  assert.deepEqual(again.labels, mix.labels);
  assert.notDeepEqual(mixWriterDigits(mnist.train, writer, { mnistImages: 50, copies: 4 }, new Rng(4)).images, mix.images);
});
