import { DigitlabError, formatCount } from '../errors.js';
import { DIGIT_CLASS_NAMES, type Dataset } from './dataset.js';
import type { IdxArray } from './idx.js';

/**
 * Joins a parsed images file (count × rows × cols) and a parsed labels file (count) into a
 * Dataset, checking that they belong together: shapes, equal counts, and every label a
 * valid class index. `names` are the two file names, used in error messages.
 * `classNames` defaults to the ten digits. Pure: runs in Node and in the browser.
 */
export function makeDataset(
  imagesIdx: IdxArray,
  labelsIdx: IdxArray,
  names: { readonly images: string; readonly labels: string },
  classNames: readonly string[] = DIGIT_CLASS_NAMES,
): Dataset {
  if (imagesIdx.dims.length !== 3) {
    throw new DigitlabError(
      `${names.images}: expected images (count × rows × cols), found ${imagesIdx.dims.length}-D ` +
        `data of shape ${imagesIdx.dims.join(' × ')}`,
    );
  }
  if (labelsIdx.dims.length !== 1) {
    throw new DigitlabError(
      `${names.labels}: expected labels (1-D), found ${labelsIdx.dims.length}-D data of shape ` +
        `${labelsIdx.dims.join(' × ')}`,
    );
  }
  const [count, rows, cols] = imagesIdx.dims;
  const labelCount = labelsIdx.dims[0];
  if (count !== labelCount) {
    throw new DigitlabError(
      `${names.images} has ${formatCount(count)} images but ${names.labels} has ` +
        `${formatCount(labelCount)} labels`,
    );
  }
  if (classNames.length < 1 || classNames.length > 256) {
    throw new DigitlabError(`${names.labels}: ${classNames.length} class names; expected 1 to 256`);
  }
  const labels = labelsIdx.data;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] >= classNames.length) {
      throw new DigitlabError(
        `${names.labels}: label ${labels[i]} at index ${formatCount(i)} is out of range ` +
          `(${classNames.length} classes: 0 to ${classNames.length - 1})`,
      );
    }
  }
  return { images: imagesIdx.data, labels, count, rows, cols, classNames };
}
