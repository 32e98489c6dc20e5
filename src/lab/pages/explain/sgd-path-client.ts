import type { SgdPathRunner } from '../../components/explain/sgd-path-panel.js';
import type { SgdPathReply, SgdPathRequest } from './sgd-path-protocol.js';

let worker: Worker | null = null;

/** The SGD-path panel's runner: a fresh Worker per run (a new run ends the one before). */
export const runSgdPathInWorker: SgdPathRunner = (job, onProgress) =>
  new Promise((resolve, reject) => {
    worker?.terminate();
    const mine = new Worker(new URL('./sgd-path-worker.ts', import.meta.url), { type: 'module' });
    worker = mine;
    mine.onmessage = (e: MessageEvent<SgdPathReply>) => {
      const m = e.data;
      if (m.type === 'progress') return onProgress(m.message);
      mine.terminate();
      if (worker === mine) worker = null;
      if (m.type === 'error') reject(new Error(m.message));
      else resolve(m);
    };
    const request: SgdPathRequest = { type: 'run', ...job };
    mine.postMessage(request, [request.images.buffer, request.labels.buffer]);
  });
