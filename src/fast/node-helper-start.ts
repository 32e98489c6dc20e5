import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { HelperPool } from './helper-pool.js';

/** How long to wait for the helper thread's module to load before training on one thread. */
const START_TIMEOUT_MS = 10_000;

/**
 * Starts the helper thread in Node, or returns null on a one-core machine. From the sources
 * the worker runs helper-node.ts through tsx's loader (Node 20 cannot start a .ts file as a
 * worker by itself), from absolute URLs so that it works from any working directory; from
 * the built package, helper-node.js. The thread does not keep the process alive.
 */
export async function startNodeHelper(): Promise<HelperPool | null> {
  if (availableParallelism() < 2) return null;
  // From the sources (run through tsx) the entry is helper-node.ts; from the built package, helper-node.js.
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSources ? './helper-node.ts' : './helper-node.js', import.meta.url);
  const worker = fromSources
    ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`, { eval: true })
    : new Worker(entry);
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
