import { DigitlabError, formatCount } from '../errors.js';
import { DIGIT_CLASS_NAMES, type Dataset } from './dataset.js';
import { encodeIdx } from './idx.js';
import { MNIST_SIDE } from './preprocess.js';

/*
 * A learner's own digits as a data set: each picture already made into a 28×28 MNIST input
 * (digit-image.ts), with the digit it shows. The browser's drawn set and a folder of PNGs
 * (image-folder-node.ts) both become the same `Dataset`, so every part of the engine that
 * reads MNIST reads them too. Pure: runs in Node, the browser and Web Workers.
 */

/** One labelled digit: its 28×28 input (bytes, 255 = ink) and the class it shows. */
export interface LabelledImage {
  readonly pixels: Uint8Array;
  readonly label: number;
}

/**
 * A data set of labelled 28×28 images, in the order given (pixels copied, so later changes
 * to the inputs do not reach it). Throws a DigitlabError for an image of another size or a
 * label outside the classes.
 */
export function datasetFromImages(images: readonly LabelledImage[], classNames: readonly string[] = DIGIT_CLASS_NAMES): Dataset {
  const size = MNIST_SIDE * MNIST_SIDE;
  const pixels = new Uint8Array(images.length * size);
  const labels = new Uint8Array(images.length);
  images.forEach((image, i) => {
    if (image.pixels.length !== size) throw new DigitlabError(`image ${i + 1}: ${formatCount(image.pixels.length)} pixels, expected 28×28 = ${size}`);
    if (!Number.isInteger(image.label) || image.label < 0 || image.label >= classNames.length) {
      throw new DigitlabError(`image ${i + 1}: label ${image.label} is not one of the ${classNames.length} classes (0 to ${classNames.length - 1})`);
    }
    pixels.set(image.pixels, i * size);
    labels[i] = image.label;
  });
  return { images: pixels, labels, count: images.length, rows: MNIST_SIDE, cols: MNIST_SIDE, classNames };
}

/** The examples of `data` at `indices`, in that order, as a new data set (copied). */
export function selectExamples(data: Dataset, indices: ArrayLike<number>): Dataset {
  const size = data.rows * data.cols;
  const images = new Uint8Array(indices.length * size);
  const labels = new Uint8Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const example = indices[i];
    if (!Number.isInteger(example) || example < 0 || example >= data.count) throw new RangeError(`selectExamples: index ${example} outside 0..${data.count - 1}`);
    images.set(data.images.subarray(example * size, (example + 1) * size), i * size);
    labels[i] = data.labels[example];
  }
  return { ...data, images, labels, count: indices.length };
}

/** How many examples of each class `data` holds (index = label). */
export function classCounts(data: Dataset): number[] {
  const counts = new Array<number>(data.classNames.length).fill(0);
  for (let i = 0; i < data.count; i++) counts[data.labels[i]]++;
  return counts;
}

/**
 * The data set as the two IDX files MNIST ships in: images (count × rows × cols bytes) and
 * labels (count bytes). `parseIdx` + `makeDataset` read them back as the same data set.
 * Throws a DigitlabError for an empty set (IDX has no empty arrays).
 */
export function datasetToIdx(data: Dataset): { readonly images: Uint8Array; readonly labels: Uint8Array } {
  if (data.count === 0) throw new DigitlabError('IDX: an empty set of images cannot be written (IDX arrays are never empty)');
  const size = data.rows * data.cols;
  return {
    images: encodeIdx([data.count, data.rows, data.cols], data.images.subarray(0, data.count * size)),
    labels: encodeIdx([data.count], data.labels.subarray(0, data.count)),
  };
}
