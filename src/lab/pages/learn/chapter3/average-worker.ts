/// <reference lib="webworker" />
import type { CostName } from '../../../../core/costs.js';
import { type Architecture, Network } from '../../../../core/network.js';
import type { Dataset } from '../../../../data/dataset.js';
import { type GradientAverage, gradientAverage } from '../../../../explain/gradient-average.js';
import { loadSplit } from '../../../shared/data-loader.js';

/**
 * The Worker of the "average" section: fetches the 60,000 training images once, then for each
 * request averages one network's per-image nudges over the first n of them and sets −∇C from
 * the engine's batched backward beside it (`gradientAverage`, src/explain), reporting the
 * share done as it goes.
 */
export interface AverageRequest {
  readonly origin: string;
  /** Which network (the page's name for it) and its parameters. */
  readonly network: string;
  readonly architecture: Architecture;
  readonly cost: CostName;
  readonly weights: readonly Float32Array[];
  readonly biases: readonly Float32Array[];
  /** Images to average over (the first ones), or 'all'. */
  readonly count: number | 'all';
}

/** What the Worker says. */
export type AverageMessage =
  | { readonly type: 'loading'; readonly fraction: number }
  | { readonly type: 'progress'; readonly network: string; readonly count: number | 'all'; readonly done: number }
  | { readonly type: 'result'; readonly network: string; readonly count: number | 'all'; readonly average: GradientAverage; readonly trainCount: number }
  | { readonly type: 'error'; readonly message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: AverageMessage, transfer: Transferable[] = []): void => scope.postMessage(m, transfer);
let data: Promise<Dataset> | null = null;
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event: MessageEvent<AverageRequest>) => {
  const r = event.data;
  queue = queue.then(async () => {
    try {
      let last = 0;
      data ??= loadSplit(r.origin, 'mnist', 'train', (fraction) => {
        if (fraction - last > 0.05 || fraction === 1) {
          last = fraction;
          post({ type: 'loading', fraction });
        }
      });
      const train = await data;
      const net = new Network(r.architecture);
      r.weights.forEach((w, l) => net.weights[l].set(w));
      r.biases.forEach((b, l) => net.biases[l].set(b));
      const count = r.count === 'all' ? train.count : r.count;
      const average = gradientAverage(net, r.cost, train, count, (done) => post({ type: 'progress', network: r.network, count: r.count, done }));
      post({ type: 'result', network: r.network, count: r.count, average, trainCount: train.count }, [average.averageNudges.buffer, average.negativeGradient.buffer]);
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  });
};
