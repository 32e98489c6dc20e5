import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { HelperPool } from './helper-pool.js';

/**
 * Starts the helper thread in Node, or returns null on a one-core machine. The worker runs
 * helper-node.ts through tsx's loader (Node 20 cannot start a .ts file as a worker by
 * itself), from absolute URLs so that it works from any working directory. The thread does
 * not keep the process alive.
 */
export async function startNodeHelper(): Promise<HelperPool | null> {
  if (availableParallelism() < 2) return null;
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./helper-node.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(bootstrap, { eval: true });
  const alive = await new Promise<boolean>((resolve) => {
    worker.once('online', () => resolve(true));
    worker.once('error', () => resolve(false));
  });
  // Messages posted before the entry listens wait in its port; from here the thread must not keep the process alive.
  worker.unref();
  if (!alive) return null;
  return new HelperPool({ post: (message) => worker.postMessage(message), terminate: () => void worker.terminate() });
}
