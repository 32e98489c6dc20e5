import type { BackendFactory } from '../train/trainer.js';
import { instantiateKernels } from './kernels.js';
import { WasmBackend } from './wasm-backend.js';

/**
 * A `BackendFactory` for the `Trainer` that gives each network its own kernels instance
 * (synchronously, from the compiled module). Compile the module first, asynchronously:
 * `createWasmBackend(await compileKernels(bytes))`.
 */
export function createWasmBackend(module: WebAssembly.Module): BackendFactory {
  return (network, settings) => new WasmBackend(instantiateKernels(module), network, settings);
}
