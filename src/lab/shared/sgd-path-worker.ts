/// <reference lib="webworker" />
import { DIGIT_CLASS_NAMES } from '../../data/dataset.js';
import { sgdPath } from '../../explain/sgd-path.js';
import { resolveSettings } from '../../train/settings.js';
import { backendName, loadFastBackend } from './kernel-loader.js';
import type { SgdPathJob, SgdPathPhase, SgdPathReply } from './sgd-path-protocol.js';

/**
 * The SGD-path explorable off the page's thread, for How it learns and the course's
 * mini-batch section alike: the same `sgdPath` as `digitlab explain sgd-path` on the job the
 * page sends, trained by the WebAssembly kernels when they load (the TypeScript reference
 * otherwise). It reports each phase, then sends the result.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: SgdPathReply): void => scope.postMessage(m);

/** The phase a progress line of `sgdPath` starts. */
function phaseOf(message: string): SgdPathPhase {
  return message.startsWith('full') ? 'full' : message.startsWith('mini') ? 'mini' : 'grid';
}

scope.onmessage = async (e: MessageEvent<SgdPathJob>) => {
  const job = e.data;
  try {
    const factory = await loadFastBackend();
    const t0 = performance.now();
    const train = { images: job.images, labels: job.labels, count: job.labels.length, rows: 28, cols: 28, classNames: DIGIT_CLASS_NAMES };
    const result = sgdPath({
      settings: resolveSettings({ learningRate: job.learningRate }),
      train,
      fullBatchSteps: job.fullSteps,
      sgdEpochs: job.epochs,
      gridSize: job.grid,
      backend: factory,
      progress: (message) => post({ type: 'progress', message, phase: phaseOf(message) }),
    });
    post({ type: 'result', result, backend: backendName(factory), fast: factory !== undefined, seconds: (performance.now() - t0) / 1000 });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
