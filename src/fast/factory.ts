import type { BackendFactory } from '../train/trainer.js';
import { DropoutMasks } from '../train/dropout.js';
import { WasmDropoutBackend } from './dropout-backend.js';
import type { HelperPool } from './helper-pool.js';
import { instantiateKernels, type Kernels } from './kernels.js';
import { isWide, type MemoryPlan, wideDropout } from './layout.js';
import { WasmBackend } from './wasm-backend.js';
import { WasmWideDropoutBackend } from './wide-dropout-backend.js';
import type { WideRunner } from './wide-runner.js';
import { WasmWarp } from './wasm-warp.js';

/**
 * Wide networks whose widest hidden layer has at least this many neurons split each batch with
 * a helper thread; narrower ones train on one. Measured here (2 cores, `node --import tsx
 * bench/crossover.ts`, interleaved rounds): two threads pay from 128 neurons on and lose
 * below 64, where a stage is too short for the threads' meeting points.
 */
export const THREADS_FROM = 128;

/** Whether a network of these layer sizes trains on two threads when a helper thread is there. */
export function usesThreads(sizes: readonly number[], from = THREADS_FROM): boolean {
  return isWide(sizes) && Math.max(...sizes.slice(1, -1)) >= from;
}

/** Largest shared memory a backend may grow to, in 64 KiB pages (2 GiB, the shared build's maximum). */
const MAX_SHARED_PAGES = 32768;

/**
 * What the fast backends may use beside the kernels module: a second thread and its shared-memory
 * kernels, which `fastBackendFactory` (digitlab/node) and the Lab set up themselves. @internal
 */
export interface FastBackendOptions {
  /** The shared-memory build of the kernels (`build/kernels-shared.wasm`): needed for two threads. */
  readonly sharedModule?: WebAssembly.Module;
  /** A started helper thread (`startNodeHelper`, `startWebHelper`), or null to train on one thread. */
  readonly helper?: HelperPool | null;
  /** Widest hidden layer from which two threads are used (default `THREADS_FROM`; bench/crossover.ts sets 0 to measure). */
  readonly threadsFrom?: number;
  /** Let each batch go to one thread when that has lately been faster (default true; false: always two, to measure or test). */
  readonly adaptive?: boolean;
}

/**
 * The `BackendFactory` of the fast kernels (WebAssembly SIMD), for the `Trainer`: the one
 * factory behind every option (dropout, augmentation, wide layers). Give it the compiled kernels
 * (`fetchKernels()` in a page or a Worker, `loadKernelsModule()` from digitlab/node, or
 * `compileKernels(bytes)`); leave the trainer's backend out for the plain TypeScript reference.
 *
 * Inside, each network gets its own kernels instance (synchronously, from the compiled module),
 * with dropout's masks when the settings ask for dropout (a wide ReLU network keeps the wide
 * path, on one thread or two; other networks take one thread); wide networks (128 hidden
 * neurons and more) share their batches with a helper thread when `options.helper` is given (Node's
 * `fastBackendFactory` and the Lab set up that second thread; `options` is theirs); with
 * augmentation, the kernels distort the images too. One thread or two, the bits are the same.
 */
export function createFastBackend(module: WebAssembly.Module, options: FastBackendOptions = {}): BackendFactory {
  return (network, settings) => {
    const { sharedModule, helper } = options;
    const memory = sharedModule && helper && usesThreads(settings.sizes, options.threadsFrom) ? sharedMemory() : null;
    let kernels: Kernels;
    let runner: ((kernels: Kernels, plan: MemoryPlan) => WideRunner | null) | undefined;
    if (sharedModule && helper && memory) {
      kernels = instantiateKernels(sharedModule, memory);
      runner = (k, plan) => helper.runner(sharedModule, k, plan, options.adaptive ?? true);
    } else {
      kernels = instantiateKernels(module);
    }
    // Augmentation's pixel work on an instance of its own (its memory is not the network's).
    const warp = (settings.augment ?? 'none') === 'none' ? undefined : new WasmWarp(instantiateKernels(module));
    const dropout = settings.dropout ?? 0;
    if (dropout === 0) return new WasmBackend(kernels, network, settings, runner, warp);
    // Wide ReLU networks drop neurons on the wide path (one thread or two); others in the plain kernels' step.
    if (wideDropout(settings.sizes, settings.activation)) return new WasmWideDropoutBackend(kernels, network, settings, runner, warp);
    // Masks of ones (keep everything), for steps taken through the plain `trainMiniBatch`.
    return new WasmDropoutBackend(kernels, network, settings, new DropoutMasks(settings.sizes, settings.batchSize, 0), runner, warp);
  };
}

/** A shared memory for a kernels instance, or null where one cannot be made (then: one thread). */
function sharedMemory(): WebAssembly.Memory | null {
  try {
    return new WebAssembly.Memory({ initial: 64, maximum: MAX_SHARED_PAGES, shared: true });
  } catch {
    return null;
  }
}
