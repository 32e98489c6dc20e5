/**
 * The fast path: WebAssembly SIMD training kernels behind `TrainingBackend`. This entry is
 * browser-safe (no Node modules); Node code imports `fastBackendFactory` from `./node.js`.
 */
export { compileKernels, instantiateKernels, type Kernels } from './kernels.js';
export { createWasmBackend } from './factory.js';
export { WasmBackend } from './wasm-backend.js';
