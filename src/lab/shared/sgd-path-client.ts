import type { SgdPathJob, SgdPathPhase, SgdPathReply } from './sgd-path-protocol.js';

/** The Worker's answer to a job, as the page receives it. */
export type SgdPathDone = SgdPathReply & { readonly type: 'result' };

/** Runs one SGD-path job in the shared Worker; `onProgress` hears the engine's lines and their phase. */
export type SgdPathInWorker = (job: SgdPathJob, onProgress: (message: string, phase: SgdPathPhase) => void) => Promise<SgdPathDone>;

/**
 * The page's side of the SGD-path Worker (sgd-path-worker.ts): a fresh Worker per run, a new
 * run ending the one before. `adopt` receives each new Worker (the course hands it to its
 * section, which ends it when the learner leaves).
 */
export function sgdPathInWorker(adopt: (make: () => Worker) => Worker = (make) => make()): SgdPathInWorker {
  let worker: Worker | null = null;
  return (job, onProgress) =>
    new Promise((resolve, reject) => {
      worker?.terminate();
      const mine = adopt(() => new Worker(new URL('./sgd-path-worker.ts', import.meta.url), { type: 'module', name: 'digitlab-sgd-path' }));
      worker = mine;
      mine.onmessage = (e: MessageEvent<SgdPathReply>) => {
        const m = e.data;
        if (m.type === 'progress') return onProgress(m.message, m.phase);
        mine.terminate();
        if (worker === mine) worker = null;
        if (m.type === 'error') reject(new Error(m.message));
        else resolve(m);
      };
      mine.onerror = (event) => reject(new Error(event.message || 'the SGD-path worker failed to start'));
      // The images are copies (the panel slices them): they move to the Worker, not copied again.
      mine.postMessage(job, [job.images.buffer, job.labels.buffer]);
    });
}
