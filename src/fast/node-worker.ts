import { Worker } from 'node:worker_threads';

/**
 * A Node worker thread running the module `name` (no extension) beside `callerUrl` (the
 * caller's `import.meta.url`). From the sources, run through tsx, that is `name.ts` through
 * tsx's loader (Node 20 cannot start a .ts file as a worker by itself), from absolute URLs so
 * that it works from any working directory; from the built package, `name.js`.
 */
export function startModuleWorker(callerUrl: string, name: string): Worker {
  const fromSources = callerUrl.endsWith('.ts');
  const entry = new URL(`${name}${fromSources ? '.ts' : '.js'}`, callerUrl);
  return fromSources
    ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`, { eval: true })
    : new Worker(entry);
}
