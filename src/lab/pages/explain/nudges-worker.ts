/// <reference lib="webworker" />
import { trainingSetAverage } from '../../../explain/nudges.js';
import { networkFromSnapshot } from '../../shared/model-loader.js';
import type { NudgesAverageReply, NudgesAverageRequest } from './nudges-protocol.js';

/**
 * The nudges panel's Worker: the average of every training image's nudges and wishes, −∇C
 * (`trainingSetAverage` of src/explain, what `digitlab explain nudges --average` prints),
 * off the page's thread — one pass of the transparent float64 trace over the 60,000 images.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<NudgesAverageRequest>) => {
  const r = e.data;
  try {
    const t0 = performance.now();
    const net = networkFromSnapshot(r.network, r.network);
    const n = r.labels.length;
    const average = trainingSetAverage(net, r.cost, { images: r.images, labels: r.labels, count: n, rows: 28, cols: 28 }, n);
    const reply: NudgesAverageReply = { type: 'result', average, seconds: (performance.now() - t0) / 1000 };
    scope.postMessage(reply);
  } catch (error) {
    scope.postMessage({ type: 'error', message: (error as Error).message } satisfies NudgesAverageReply);
  }
};
