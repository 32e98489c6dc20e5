/// <reference lib="webworker" />
import { DIGIT_CLASS_NAMES } from '../../../data/dataset.js';
import { sgdPath } from '../../../explain/sgd-path.js';
import { resolveSettings } from '../../../train/settings.js';
import { backendName, loadFastBackend } from '../../shared/kernel-loader.js';
import type { SgdPathReply, SgdPathRequest } from './sgd-path-protocol.js';

/**
 * Runs the SGD-path explorable off the page's thread: the same `sgdPath` as
 * `digitlab explain sgd-path`, trained by the WebAssembly kernels when they load (the
 * TypeScript reference otherwise).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: SgdPathReply): void => scope.postMessage(m);

scope.onmessage = async (e: MessageEvent<SgdPathRequest>) => {
  const r = e.data;
  try {
    const factory = await loadFastBackend();
    const t0 = performance.now();
    const n = r.labels.length;
    const train = { images: r.images, labels: r.labels, count: n, rows: 28, cols: 28, classNames: DIGIT_CLASS_NAMES };
    const result = sgdPath({
      settings: resolveSettings({ learningRate: r.learningRate }),
      train,
      fullBatchSteps: r.fullSteps,
      sgdEpochs: r.epochs,
      gridSize: r.grid,
      backend: factory,
      progress: (message) => post({ type: 'progress', message }),
    });
    post({ type: 'result', result, backend: backendName(factory), seconds: (performance.now() - t0) / 1000 });
  } catch (error) {
    post({ type: 'error', message: (error as Error).message });
  }
};
