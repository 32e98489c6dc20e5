import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BackendFactory } from '../train/trainer.js';
import { createFastBackend, usesThreads } from './factory.js';
import type { HelperPool } from './helper-pool.js';
import { compileKernels } from './kernels.js';
import { startNodeHelper } from './node-helper-start.js';
import { DigitlabError } from '../errors.js';

/** Where `npm run build:wasm` writes the kernels, relative to this file. */
export const KERNELS_WASM_PATH = fileURLToPath(new URL('../../build/kernels.wasm', import.meta.url));
/** The same kernels built for a shared memory (two threads). */
export const SHARED_KERNELS_WASM_PATH = fileURLToPath(new URL('../../build/kernels-shared.wasm', import.meta.url));

const compiled = new Map<string, Promise<WebAssembly.Module>>();

/** A compiled kernels module, read from `build/` once per process (Node only). */
export function loadKernelsModule(path = KERNELS_WASM_PATH): Promise<WebAssembly.Module> {
  let module = compiled.get(path);
  if (!module) {
    module = readKernels(path);
    compiled.set(path, module);
  }
  return module;
}

async function readKernels(path: string): Promise<WebAssembly.Module> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new DigitlabError(`${path}: the WebAssembly kernels are not built; run \`npm run build:wasm\``);
  }
  return compileKernels(bytes);
}

let helper: Promise<HelperPool | null> | undefined;

/** The process's helper thread, started on first use (null on one core). */
export function nodeHelper(): Promise<HelperPool | null> {
  helper ??= startNodeHelper().catch(() => null);
  return helper;
}

/**
 * The fast (WebAssembly) backend factory for Node: `new Trainer(s, data, { backend: await
 * fastBackendFactory(s) })`. Given the settings it starts the helper thread only when they
 * train on two threads (a hidden layer of 128 neurons or more); without them, it starts it in case they do.
 */
export async function fastBackendFactory(settings?: { readonly sizes: readonly number[] }): Promise<BackendFactory> {
  const module = await loadKernelsModule();
  if (settings && !usesThreads(settings.sizes)) return createFastBackend(module);
  // Without the shared-memory build (or a helper thread) wide networks train on one thread: the same bits.
  const sharedModule = await loadKernelsModule(SHARED_KERNELS_WASM_PATH).catch(() => undefined);
  if (sharedModule === undefined) return createFastBackend(module);
  return createFastBackend(module, { sharedModule, helper: await nodeHelper() });
}
