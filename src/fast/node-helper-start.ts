import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { HelperPool } from './helper-pool.js';

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
  const alive = await new Promise<boolean>((resolve) => {
    worker.once('online', () => resolve(true));
    worker.once('error', () => resolve(false));
  });
  // Messages posted before the entry listens wait in its port; from here the thread must not keep the process alive.
  worker.unref();
  if (!alive) return null;
  return new HelperPool({ post: (message) => worker.postMessage(message), terminate: () => void worker.terminate() });
}
