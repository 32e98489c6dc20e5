import type { NudgesAverager } from '../../components/explain/nudges-panel.js';
import type { NudgesAverageReply, NudgesAverageRequest } from './nudges-protocol.js';

/**
 * The nudges panel's averager: the training-set average −∇C of a network, computed by a
 * fresh Worker (nudges-worker.ts) so the page stays live for the seconds it takes.
 */
export const averageInWorker: NudgesAverager = (network, cost, train) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./nudges-worker.ts', import.meta.url), { type: 'module', name: 'digitlab-nudges' });
    worker.onmessage = (e: MessageEvent<NudgesAverageReply>) => {
      worker.terminate();
      if (e.data.type === 'error') reject(new Error(e.data.message));
      else resolve(e.data.average);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the nudges worker failed'));
    };
    const request: NudgesAverageRequest = {
      type: 'average',
      network: { sizes: [...network.sizes], weights: network.weights.map((w) => w.slice()), biases: network.biases.map((b) => b.slice()), activation: network.activation, outputActivation: network.outputActivation },
      cost,
      images: train.images.slice(0, train.count * 784),
      labels: train.labels.slice(0, train.count),
    };
    worker.postMessage(request, [request.images.buffer, request.labels.buffer]);
  });
