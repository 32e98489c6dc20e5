import kernelsUrl from '../../../build/kernels.wasm?url';
import { createFastBackend } from '../../fast/dropout-backend.js';
import { compileKernels } from '../../fast/kernels.js';
import type { BackendFactory } from '../../train/trainer.js';

/**
 * The one place a Lab Worker gets its training backend: the WebAssembly SIMD kernels
 * (build/kernels.wasm, shipped beside the page), compiled once per Worker, with their
 * dropout variant when a run asks for dropout. When they do not load or compile, the
 * promise gives undefined and the Trainer uses the TypeScript reference (same maths).
 */
let kernels: Promise<BackendFactory | undefined> | null = null;

/** The fast backend factory, or undefined for the reference backend. */
export function loadFastBackend(): Promise<BackendFactory | undefined> {
  kernels ??= fetch(kernelsUrl)
    .then(async (response) => createFastBackend(await compileKernels(await response.arrayBuffer())))
    .catch(() => undefined);
  return kernels;
}

/** The name a page shows for a backend: "WebAssembly SIMD" or "reference". */
export function backendName(factory: BackendFactory | undefined): string {
  return factory ? 'WebAssembly SIMD' : 'reference';
}
