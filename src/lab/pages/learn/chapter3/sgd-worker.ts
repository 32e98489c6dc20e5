/// <reference lib="webworker" />
import { DIGIT_CLASS_NAMES } from '../../../../data/dataset.js';
import { sgdPath } from '../../../../explain/sgd-path.js';
import { resolveSettings } from '../../../../train/settings.js';
import type { SgdPathJob } from '../../../components/explain/sgd-path-panel.js';
import { loadFastBackend } from '../../../shared/kernel-loader.js';

/**
 * The Worker of the "mini-batch" section: the SGD-path explorable (`sgdPath`, the same code as
 * `digitlab explain sgd-path` and How it learns) on the job the panel sends, trained by the
 * WebAssembly kernels when they load (the TypeScript reference otherwise). It says which
 * phase it is in (the page words it), then sends the result.
 */
export type SgdMessage =
  | { readonly type: 'phase'; readonly phase: 'full' | 'mini' | 'grid' }
  | { readonly type: 'result'; readonly result: ReturnType<typeof sgdPath>; readonly seconds: number; readonly fast: boolean }
  | { readonly type: 'error'; readonly message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: SgdMessage): void => scope.postMessage(m);

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
      progress: (message) => post({ type: 'phase', phase: message.startsWith('full') ? 'full' : message.startsWith('mini') ? 'mini' : 'grid' }),
    });
    post({ type: 'result', result, seconds: (performance.now() - t0) / 1000, fast: factory !== undefined });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
