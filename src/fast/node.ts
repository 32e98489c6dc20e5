import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BackendFactory } from '../train/trainer.js';
import { createWasmBackend } from './factory.js';
import { compileKernels } from './kernels.js';
import { DigitlabError } from '../errors.js';

/** Where `npm run build:wasm` writes the kernels, relative to this file. */
export const KERNELS_WASM_PATH = fileURLToPath(new URL('../../build/kernels.wasm', import.meta.url));

let compiled: Promise<WebAssembly.Module> | undefined;

/** The compiled kernels module, read from `build/kernels.wasm` once per process (Node only). */
export function loadKernelsModule(path = KERNELS_WASM_PATH): Promise<WebAssembly.Module> {
  if (path !== KERNELS_WASM_PATH) return readKernels(path);
  compiled ??= readKernels(path);
  return compiled;
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

/** The fast (WebAssembly) backend factory for the CLI: `new Trainer(s, data, { backend: await fastBackendFactory() })`. */
export async function fastBackendFactory(): Promise<BackendFactory> {
  return createWasmBackend(await loadKernelsModule());
}
