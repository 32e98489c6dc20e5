import type { Dataset } from '../data/dataset.js';
import { DigitlabError } from '../errors.js';

/** A training set split into the part that trains and the part that judges choices. */
export interface ValidationSplit {
  readonly train: Dataset;
  readonly validation: Dataset;
}

/**
 * Holds out the last `count` examples of a training set for validation (views, no copy).
 * Every choice — epochs, learning rate, dropout, when to stop — is judged on these, never on
 * the test set, which stays an honest estimate of accuracy on unseen digits. The last
 * examples rather than a random sample, so the split does not depend on the seed: MNIST's
 * training file is not sorted by label or writer in a way that would bias its tail.
 */
export function splitValidation(data: Dataset, count: number): ValidationSplit {
  if (!Number.isInteger(count) || count < 0) throw new DigitlabError(`validation: must be a whole number ≥ 0, got ${count}`);
  if (count >= data.count) {
    throw new DigitlabError(`validation: holding out ${count.toLocaleString('en-US')} examples leaves none of the ${data.count.toLocaleString('en-US')} to train on`);
  }
  const size = data.rows * data.cols;
  const keep = data.count - count;
  return {
    train: { ...data, count: keep, images: data.images.subarray(0, keep * size), labels: data.labels.subarray(0, keep) },
    validation: { ...data, count, images: data.images.subarray(keep * size, data.count * size), labels: data.labels.subarray(keep, data.count) },
  };
}
