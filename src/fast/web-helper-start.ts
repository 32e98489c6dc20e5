/// <reference lib="webworker" />
import { HelperPool } from './helper-pool.js';

/** How long to wait for the helper Worker's script to load before training on one thread. */
const START_TIMEOUT_MS = 10_000;

/**
 * Starts the helper thread in a browser: a second Web Worker (helper-web.ts, bundled by Vite
 * from this URL), started from the Worker that trains. Returns null where it cannot help: no
 * SharedArrayBuffer (the page is not cross-origin isolated), a single core, or a helper that
 * does not start.
 */
export async function startWebHelper(): Promise<HelperPool | null> {
  if (typeof SharedArrayBuffer === 'undefined' || !globalThis.crossOriginIsolated) return null;
  if ((navigator.hardwareConcurrency ?? 1) < 2) return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./helper-web.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), START_TIMEOUT_MS);
    worker.onmessage = (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type !== 'ready') return;
      clearTimeout(timer);
      resolve(true);
    };
    worker.onerror = () => {
      clearTimeout(timer);
      resolve(false);
    };
  });
  if (!ready) {
    worker.terminate();
    return null;
  }
  return new HelperPool({ post: (message) => worker.postMessage(message), terminate: () => worker.terminate() });
}
