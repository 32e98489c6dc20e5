import type { Dataset } from '../data/dataset.js';
import { parseIdx } from '../data/idx.js';
import { makeDataset } from '../data/pair.js';

/** Fetches and parses the MNIST test set (10,000 images) served under `baseUrl`. */
export async function loadTestSet(baseUrl: string): Promise<Dataset> {
  const names = { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte' };
  const [images, labels] = await Promise.all(
    [names.images, names.labels].map(async (name) => {
      const response = await fetch(`${baseUrl}${name}`);
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      return parseIdx(new Uint8Array(await response.arrayBuffer()), name);
    }),
  );
  return makeDataset(images, labels, names);
}

/** Image `index` of a data set (784 bytes, a view). */
export function imageAt(data: Dataset, index: number): Uint8Array {
  const size = data.rows * data.cols;
  return data.images.subarray(index * size, (index + 1) * size);
}
