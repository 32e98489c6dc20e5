import assert from 'node:assert/strict';
import { Network } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import type { Dataset } from '../../src/data/dataset.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { createFastBackend } from '../../src/fast/factory.js';
import { loadKernelsModule, nodeHelper, SHARED_KERNELS_WASM_PATH } from '../../src/fast/node.js';
import { WasmBackend } from '../../src/fast/wasm-backend.js';
import { resolveSettings } from '../../src/train/settings.js';
import type { PartialSettings, TrainingSettings } from '../../src/model/training-settings.js';
import { instantiateKernels } from '../../src/fast/kernels.js';

/** Full MNIST, loaded once per test process. */
let mnist: ReturnType<typeof loadMnist> | undefined;
export function realMnist(): ReturnType<typeof loadMnist> {
  mnist ??= loadMnist();
  return mnist;
}

/** A random byte data set shaped like MNIST images (~80 % zero pixels) with `inputs` pixels. */
export function randomDataset(count: number, rows: number, cols: number, classes: number, seed: number): Dataset {
  const rng = new Rng(seed);
  const images = new Uint8Array(count * rows * cols);
  for (let i = 0; i < images.length; i++) images[i] = rng.uniform() < 0.8 ? 0 : 1 + rng.int(255);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) labels[i] = rng.int(classes);
  return { images, labels, count, rows, cols, classNames: Array.from({ length: classes }, (_, i) => String(i)) };
}

/** Settings with the given overrides (input size and classes from the sizes). */
export function settingsFor(partial: PartialSettings): TrainingSettings {
  const sizes = partial.sizes ?? [784, 16, 16, 10];
  return resolveSettings(partial, sizes[0], sizes[sizes.length - 1]);
}

/** A wasm backend for `network`. */
export async function wasmBackend(network: Network, settings: TrainingSettings): Promise<WasmBackend> {
  return new WasmBackend(instantiateKernels(await loadKernelsModule()), network, settings);
}

/** The factory the Trainer takes. */
export async function wasmFactory(): Promise<ReturnType<typeof createFastBackend>> {
  return createFastBackend(await loadKernelsModule());
}

/** A seeded random network for the settings. */
export function randomNetwork(settings: TrainingSettings): Network {
  return Network.random(settings, settings.init, new Rng(settings.seed));
}

/**
 * Largest |a − b| / (atol + rtol·max(|a|, |b|)) over two arrays: ≤ 1 means they agree to the
 * tolerance.
 */
export function worstRatio(a: Float32Array, b: Float32Array, atol: number, rtol: number): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const r = Math.abs(a[i] - b[i]) / (atol + rtol * Math.max(Math.abs(a[i]), Math.abs(b[i])));
    if (!(r <= worst)) worst = r;
  }
  return worst;
}

/** The bits of every float of the arrays, as one comparable list (equal lists: the same floats to the bit). */
export const bits = (arrays: readonly Float32Array[]): number[][] => arrays.map((a) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length)));

/**
 * The fast backend on one thread and on two (the helper thread, which must start here), from
 * one kernels module; `threadsFrom` 0: every wide network on two threads, whatever the
 * measured crossover.
 */
export async function oneAndTwoThreads() {
  const module = await loadKernelsModule();
  const helper = await nodeHelper();
  assert.ok(helper, 'a helper thread starts on this machine');
  return {
    module,
    one: createFastBackend(module),
    two: createFastBackend(module, { sharedModule: await loadKernelsModule(SHARED_KERNELS_WASM_PATH), helper, threadsFrom: 0, adaptive: false }),
  };
}
