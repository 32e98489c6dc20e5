import kernelsUrl from '../../../build/kernels.wasm?url';
import sharedKernelsUrl from '../../../build/kernels-shared.wasm?url';
import { createFastBackend } from '../../fast/factory.js';
import { compileKernels } from '../../fast/kernels.js';
import { startWebHelper } from '../../fast/web-helper-start.js';
import type { BackendFactory } from '../../train/trainer.js';

/**
 * The one place a Lab Worker gets its training backend: the WebAssembly SIMD kernels
 * (build/kernels.wasm, shipped beside the page), compiled once per Worker, with their
 * dropout variant when a run asks for dropout. When they do not load or compile, the
 * promise gives undefined and the Trainer uses the TypeScript reference (same maths).
 */
let kernels: Promise<BackendFactory | undefined> | null = null;

/** Fetches and compiles one build of the kernels. */
async function compile(url: string): Promise<WebAssembly.Module> {
  return compileKernels(await (await fetch(url)).arrayBuffer());
}

/**
 * The fast backend factory, or undefined for the reference backend. With `threads`, wide
 * networks share each batch with a second Worker (the same bits as one thread) when the page
 * is cross-origin isolated; otherwise, or if that fails, they train on this one.
 */
export function loadFastBackend(options: { readonly threads?: boolean } = {}): Promise<BackendFactory | undefined> {
  kernels ??= (async () => {
    const [module, helper] = await Promise.all([compile(kernelsUrl), options.threads ? startWebHelper().catch(() => null) : null]);
    const sharedModule = helper ? await compile(sharedKernelsUrl).catch(() => undefined) : undefined;
    return createFastBackend(module, { sharedModule, helper });
  })().catch(() => undefined);
  return kernels;
}

/** The name a page shows for a backend: "WebAssembly SIMD" or "reference". */
export function backendName(factory: BackendFactory | undefined): string {
  return factory ? 'WebAssembly SIMD' : 'reference';
}
