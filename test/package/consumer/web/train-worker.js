// The browser side: MNIST bytes over HTTP, gzipped as the digitlab site serves them, gunzipped
// and parsed by the package's own functions; the kernels
// found by the package itself (`fetchKernels()`: new URL(…, import.meta.url), which Vite
// rewrites to the copied asset).
import { IDX_FILE_NAMES, createFastBackend, fetchKernels, gunzipBrowser, makeDataset, parseIdx } from 'digitlab';
import { trainSlice } from '../train-slice.js';

async function load(name) {
  const response = await fetch(`/data/${name}.gz`);
  if (!response.ok) throw new Error(`${name}.gz: HTTP ${response.status}`);
  return parseIdx(await gunzipBrowser(new Uint8Array(await response.arrayBuffer()), `${name}.gz`), name);
}

async function run() {
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
    [IDX_FILE_NAMES.trainImages, IDX_FILE_NAMES.trainLabels, IDX_FILE_NAMES.testImages, IDX_FILE_NAMES.testLabels].map(load),
  );
  const pair = {
    train: makeDataset(trainImages, trainLabels, { images: IDX_FILE_NAMES.trainImages, labels: IDX_FILE_NAMES.trainLabels }),
    test: makeDataset(testImages, testLabels, { images: IDX_FILE_NAMES.testImages, labels: IDX_FILE_NAMES.testLabels }),
    source: 'http',
  };
  const { summary } = trainSlice(pair, createFastBackend(await fetchKernels()));
  return summary;
}

run().then(
  (summary) => postMessage(summary),
  (error) => postMessage({ error: String(error && error.stack ? error.stack : error) }),
);
