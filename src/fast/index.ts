/**
 * The fast path: WebAssembly SIMD training kernels behind `TrainingBackend`. This entry is
 * browser-safe (no Node modules); Node code imports `fastBackendFactory` from `./node.js`.
 */
export { compileKernels, instantiateKernels, type Kernels } from './kernels.js';
export { createFastBackend, createWasmBackend, type FastBackendOptions, THREADS_FROM, usesThreads } from './factory.js';
export { HelperPool } from './helper-pool.js';
export { isWide, WIDE_FROM, wideDropout } from './layout.js';
export { WasmBackend } from './wasm-backend.js';
export { WasmWideDropoutBackend } from './wide-dropout-backend.js';
