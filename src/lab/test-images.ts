import { type Dataset, IDX_FILE_NAMES } from '../data/dataset.js';
import { gunzipBrowser } from '../data/gunzip-browser.js';
import { parseIdx } from '../data/idx.js';
import { makeDataset } from '../data/pair.js';
import { dataFileUrl, type DataSetSource } from './data-sets.js';

/** Fetches and parses a data set's test set (10,000 images) from `origin`, gunzipping when needed. */
export async function loadTestSet(origin: string, source: DataSetSource): Promise<Dataset> {
  const names = { images: IDX_FILE_NAMES.testImages, labels: IDX_FILE_NAMES.testLabels };
  const [images, labels] = await Promise.all(
    [names.images, names.labels].map(async (name) => {
      const response = await fetch(dataFileUrl(origin, source, name));
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      const raw = new Uint8Array(await response.arrayBuffer());
      return parseIdx(source.gzipped ? await gunzipBrowser(raw, `${name}.gz`) : raw, name);
    }),
  );
  return makeDataset(images, labels, names, source.classNames);
}

/** Image `index` of a data set (784 bytes, a view). */
export function imageAt(data: Dataset, index: number): Uint8Array {
  const size = data.rows * data.cols;
  return data.images.subarray(index * size, (index + 1) * size);
}
