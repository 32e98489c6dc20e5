import { availableParallelism } from 'node:os';
import { HelperPool } from './helper-pool.js';
import { startModuleWorker } from './node-worker.js';

/** How long to wait for the helper thread's module to load before training on one thread. */
const START_TIMEOUT_MS = 10_000;

/**
 * Starts the helper thread in Node (helper-node.ts, see `startModuleWorker`), or returns null
 * on a one-core machine. The thread does not keep the process alive.
 */
export async function startNodeHelper(): Promise<HelperPool | null> {
  if (availableParallelism() < 2) return null;
  const worker = startModuleWorker(import.meta.url, './helper-node');
  // Ready once the entry listens: a worker that comes online but fails to load its module
  // (a missing file, say) must not leave the first wide batch waiting for an answer.
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), START_TIMEOUT_MS);
    const settle = (value: boolean): void => {
      clearTimeout(timer);
      resolve(value);
    };
    worker.on('message', (message: { type?: string }) => {
      if (message?.type === 'ready') settle(true);
    });
    worker.once('error', () => settle(false));
    worker.once('exit', () => settle(false));
  });
  // From here the thread must not keep the process alive.
  worker.unref();
  if (!ready) {
    void worker.terminate();
    return null;
  }
  return new HelperPool({ post: (message) => worker.postMessage(message), terminate: () => void worker.terminate() });
}
