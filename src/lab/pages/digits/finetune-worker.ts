/// <reference lib="webworker" />
import { DIGIT_CLASS_NAMES, type DatasetPair } from '../../../data/dataset.js';
import { MNIST_SIDE } from '../../../data/preprocess.js';
import { parseModelText, serializeModel } from '../../../model/model-file.js';
import { fineTuneDigits, fineTunedModel, fineTuneSettings } from '../../../train/finetune.js';
import { loadPair } from '../../shared/data-loader.js';
import { backendName, loadFastBackend } from '../../shared/kernel-loader.js';
import { type FineTuneRequest, fineTunedSource, type FromFineTuneWorker, type ToFineTuneWorker } from './finetune-protocol.js';

/**
 * The Worker that teaches the network a learner's handwriting, so the page stays live: MNIST
 * (both halves, once per Worker) through the shared data loader, the WebAssembly kernels
 * through the shared kernel loader, and the engine's `fineTuneDigits` — the same run as
 * `digitlab finetune`, so the same digits, base and seed give the same model file. It yields
 * to its messages every few milliseconds, so Stop lands between two mini-batches.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
/** How often the run lets messages in and reports progress. */
const YIELD_MS = 50;

let mnist: Promise<DatasetPair> | null = null;
let stopRequested = false;

function post(message: FromFineTuneWorker): void {
  scope.postMessage(message);
}

async function fineTune(request: FineTuneRequest): Promise<void> {
  stopRequested = false;
  const kernels = loadFastBackend();
  let lastLoading = 0;
  mnist ??= loadPair(request.root, 'mnist', (fraction) => {
    // At most ten reports a second: the body arrives in many small chunks.
    if (performance.now() - lastLoading < 100 && fraction < 1) return;
    lastLoading = performance.now();
    post({ type: 'loading', fraction });
  });
  const data = await mnist.catch((error: unknown) => {
    mnist = null;
    throw error;
  });
  const backend = await kernels;
  const base = parseModelText(request.baseText, request.baseName);
  const count = request.labels.length;
  const digits = { images: request.images, labels: request.labels, count, rows: MNIST_SIDE, cols: MNIST_SIDE, classNames: DIGIT_CLASS_NAMES };
  const settings = fineTuneSettings(base, { seed: request.seed });
  let lastYield = performance.now();
  const started = performance.now();
  const result = await fineTuneDigits(base, digits, data, { seed: request.seed }, {
    backend,
    onBatch: (event) => {
      if (performance.now() - lastYield < YIELD_MS && event.batch !== event.batchesPerEpoch) return;
      post({ type: 'progress', epoch: event.epoch, epochs: settings.epochs, batch: event.batch, batches: event.batchesPerEpoch });
    },
    pause: () => {
      if (performance.now() - lastYield < YIELD_MS) return null;
      lastYield = performance.now();
      return new Promise((resume) => setTimeout(resume, 0));
    },
    shouldStop: () => stopRequested,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.stopped) {
    post({ type: 'stopped' });
    return;
  }
  const model = fineTunedModel(base, result, fineTunedSource(request.baseName, result.split.train.count, data.source));
  post({
    type: 'done',
    modelText: serializeModel(model),
    summary: {
      seed: request.seed,
      heldOut: result.heldOut,
      mnistTest: { ...result.mnistTest, count: data.test.count },
      heldOutIndices: [...result.split.heldOutIndices],
      trained: result.split.train.count,
      epochs: result.settings.epochs,
      copies: result.mix.copies,
      mnistImages: result.mix.mnistImages,
      seconds,
      backend: backendName(backend),
    },
  });
}

scope.onmessage = (event: MessageEvent<ToFineTuneWorker>) => {
  const message = event.data;
  if (message.type === 'stop') stopRequested = true;
  else fineTune(message).catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
};
