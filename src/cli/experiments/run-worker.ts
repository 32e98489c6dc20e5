// The worker-thread entry of `trainRuns` (parallel-runs.ts): trains one run of an experiment
// on this thread and tells the main thread after every epoch, then the curves (or the error).
import { parentPort } from 'node:worker_threads';
import { DigitlabError } from '../../errors.js';
import { trainWithCurves } from '../../experiments/training-curves.js';
import { createFastBackend } from '../../fast/factory.js';
import { loadKernelsModule } from '../../fast/node.js';
import type { RunReply, RunRequest } from './parallel-runs.js';

const port = parentPort;
port?.once('message', (request: RunRequest) => {
  const reply = (message: RunReply): void => port.postMessage(message);
  void (async () => {
    try {
      // The fast kernels on this thread alone: the other cores train the other runs.
      const backend = request.backend === 'reference' ? undefined : createFastBackend(await loadKernelsModule());
      const curves = trainWithCurves(request.run.settings, request.run.data, { backend, onEpoch: (epoch, c) => reply({ type: 'epoch', epoch, curves: c }) });
      reply({ type: 'done', curves });
    } catch (e) {
      reply({ type: 'error', message: e instanceof Error ? e.message : String(e), known: e instanceof DigitlabError });
    }
  })();
});
