import { IDX_FILE_NAMES } from '../../../../data/dataset.js';
import { loadIdxFile } from '../../../shared/data-loader.js';
import { siteRoot } from '../../../site/site-root.js';

/**
 * The labels of one MNIST split, read from its own IDX labels file (60 KB for the training
 * set, 10 KB for the test set) by the data module's parser: how many examples there are and
 * which digit each is, without fetching the 47 MB of training images. Fetched once per visit.
 */
const cache = new Map<'train' | 'test', Promise<Uint8Array>>();

/** The labels of the training or the test split, in file order. */
export function splitLabels(split: 'train' | 'test'): Promise<Uint8Array> {
  let labels = cache.get(split);
  if (labels === undefined) {
    const name = split === 'train' ? IDX_FILE_NAMES.trainLabels : IDX_FILE_NAMES.testLabels;
    labels = loadIdxFile(siteRoot(), 'mnist', name).then((file) => file.data);
    cache.set(split, labels);
    labels.catch(() => cache.delete(split));
  }
  return labels;
}

/** How many examples of each digit 0–9 `labels` hold. */
export function digitCounts(labels: Uint8Array): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const l of labels) counts[l]++;
  return counts;
}
