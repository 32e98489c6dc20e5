import type { Rng } from '../core/rng.js';
import { BORDER, controlPointCount, DEFAULT_AFFINE, DEFAULT_ELASTIC, sampleAffine, sampleElasticField, warpImage } from './augment.js';
import type { Dataset } from './dataset.js';

/*
 * The training set of a fine-tuning run: some of MNIST's training images, so the network keeps
 * what it knows, mixed with a writer's own digits — oversampled, since there are few of them,
 * each copy seen through a fresh small distortion (augment.ts: the affine map and the elastic
 * bending that augmentation uses), so that the network learns the writer's shapes rather than
 * memorising the few exact pictures. Pure: runs in Node, the browser and Web Workers.
 */

/** How a fine-tuning mix is made. */
export interface WriterMixOptions {
  /** MNIST training images in the mix, drawn without replacement (all of them if more). */
  readonly mnistImages: number;
  /** Copies of each writer image: the first as drawn, the others distorted (affine + elastic). */
  readonly copies: number;
}

/**
 * The mix: `mnistImages` of `mnist`'s images (a uniform sample without replacement, in the
 * order drawn), then for each writer image (in order) `copies` copies, the first unchanged and
 * each other one distorted afresh (a random affine map within DEFAULT_AFFINE and an elastic
 * field within DEFAULT_ELASTIC). Every random number comes from `rng`, in that order. The
 * trainer shuffles the mix each epoch, so the order here does not matter for training.
 */
export function mixWriterDigits(mnist: Dataset, writer: Dataset, options: WriterMixOptions, rng: Rng): Dataset {
  if (mnist.rows !== writer.rows || mnist.cols !== writer.cols) {
    throw new RangeError(`mixWriterDigits: MNIST images are ${mnist.rows}×${mnist.cols}, the writer's ${writer.rows}×${writer.cols}`);
  }
  const { rows, cols } = mnist;
  const size = rows * cols;
  const fromMnist = Math.min(mnist.count, Math.max(0, Math.floor(options.mnistImages)));
  const copies = Math.max(1, Math.floor(options.copies));
  const count = fromMnist + writer.count * copies;
  const images = new Uint8Array(count * size);
  const labels = new Uint8Array(count);

  // A partial Fisher–Yates shuffle: the first `fromMnist` positions are a uniform sample.
  const order = new Uint32Array(mnist.count).map((_, i) => i);
  for (let i = 0; i < fromMnist; i++) {
    const j = i + rng.int(mnist.count - i);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
    images.set(mnist.images.subarray(order[i] * size, (order[i] + 1) * size), i * size);
    labels[i] = mnist.labels[order[i]];
  }

  const fieldX = new Float32Array(size);
  const fieldY = new Float32Array(size);
  const points = new Float64Array(2 * controlPointCount(rows, cols, DEFAULT_ELASTIC));
  const padded = new Uint8Array((rows + 2 * BORDER) * (cols + 2 * BORDER));
  let at = fromMnist;
  for (let w = 0; w < writer.count; w++) {
    for (let c = 0; c < copies; c++, at++) {
      labels[at] = writer.labels[w];
      if (c === 0) {
        images.set(writer.images.subarray(w * size, (w + 1) * size), at * size);
        continue;
      }
      const map = sampleAffine(rng, DEFAULT_AFFINE);
      sampleElasticField(rng, rows, cols, DEFAULT_ELASTIC, fieldX, fieldY, points);
      warpImage(writer.images, w * size, images, at * size, rows, cols, map, fieldX, fieldY, padded);
    }
  }
  return { images, labels, count, rows, cols, classNames: mnist.classNames };
}
