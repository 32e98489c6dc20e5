/// <reference lib="webworker" />
import { loadPair } from '../../../shared/data-loader.js';
import { loadFastBackend } from '../../../shared/kernel-loader.js';
import { RACE_DEFAULTS, type RacePoint, type RaceResult, runRace } from './race.js';

/**
 * The Worker of chapter 1's race: fetches MNIST (60,000 + 10,000), trains the two networks
 * with the WebAssembly kernels (the reference when they do not load) and reports every scoring
 * of the test set, then the result. One message in (the origin and the seed), four kinds out.
 */
export type RaceMessage =
  | { readonly type: 'loading'; readonly fraction: number }
  | { readonly type: 'point'; readonly point: RacePoint }
  | { readonly type: 'result'; readonly result: RaceResult; readonly seconds: number }
  | { readonly type: 'error'; readonly message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: RaceMessage): void => scope.postMessage(m);

scope.onmessage = (event: MessageEvent<{ readonly origin: string; readonly seed: number }>) => {
  void (async () => {
    try {
      let last = 0;
      const [data, backend] = await Promise.all([
        loadPair(event.data.origin, 'mnist', (fraction) => {
          if (fraction - last > 0.05 || fraction === 1) {
            last = fraction;
            post({ type: 'loading', fraction });
          }
        }),
        loadFastBackend(),
      ]);
      const t0 = performance.now();
      // Points are batched a little so the page redraws calmly.
      let buffer: RacePoint[] = [];
      let flushed = performance.now();
      const result = runRace(data, { ...RACE_DEFAULTS, seed: event.data.seed }, (point) => {
        buffer.push(point);
        if (performance.now() - flushed > 50) {
          for (const p of buffer) post({ type: 'point', point: p });
          buffer = [];
          flushed = performance.now();
        }
      }, backend);
      for (const p of buffer) post({ type: 'point', point: p });
      post({ type: 'result', result, seconds: (performance.now() - t0) / 1000 });
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  })();
};
