import { Network } from '../src/core/network.js';
import { Rng } from '../src/core/rng.js';
import type { Dataset } from '../src/data/dataset.js';
import { instantiateKernels, type Kernels } from '../src/fast/kernels.js';
import { ensureMemory, type MemoryPlan, planMemory, writeLayout } from '../src/fast/layout.js';
import { encodeDataset, type SparseStore } from '../src/fast/sparse-store.js';
import { WasmBackend } from '../src/fast/wasm-backend.js';
import { SEED_SETTINGS, type TrainingSettings } from '../src/train/settings.js';

/**
 * One side of the two-thread experiment (bench/threads.ts): a kernels instance with the
 * network's parameters and the training set, able to compute the summed gradient of a range
 * of batch rows and to exchange parameters and gradients with a SharedArrayBuffer.
 */
export class HalfTrainer {
  readonly kernels: Kernels;
  readonly plan: MemoryPlan;
  readonly store: SparseStore;
  /** [weights, biases] and [weight gradients, bias gradients] of every layer, as f32 index ranges. */
  readonly paramRanges: [number, number][];
  readonly gradRanges: [number, number][];
  readonly floats: number;
  private f32: Float32Array;

  constructor(module: WebAssembly.Module, settings: TrainingSettings, data: Dataset) {
    this.kernels = instantiateKernels(module);
    const network = Network.random(settings, settings.init, new Rng(settings.seed));
    const planSettings = { ...settings, momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, capacity: Math.max(settings.batchSize, 500) };
    this.plan = planMemory(planSettings, this.kernels.heapBase());
    ensureMemory(this.kernels.memory, this.plan.end);
    writeLayout(this.kernels.memory, this.plan, planSettings);
    this.kernels.setLayout(this.plan.table);
    // WasmBackend writes the parameters in the kernels' transposed layout; its memory plan is
    // this same one (same settings, same heap base), so the addresses below are its addresses.
    new WasmBackend(this.kernels, network, settings);
    this.store = encodeDataset(this.kernels, this.plan, planSettings.capacity, data, this.plan.end);
    this.f32 = new Float32Array(this.kernels.memory.buffer);
    this.paramRanges = this.plan.layers.flatMap((l) => [[l.weights >> 2, l.nIn * l.stride], [l.biases >> 2, l.stride]] as [number, number][]);
    this.gradRanges = this.plan.layers.flatMap((l) => [[l.weightGradients >> 2, l.nIn * l.stride], [l.biasGradients >> 2, l.stride]] as [number, number][]);
    this.floats = this.paramRanges.reduce((n, [, len]) => n + len, 0);
  }

  /** Σ gradient of rows order[start … start+count) into GW/GB; returns Σ C_x. */
  gradients(order: Uint32Array, start: number, count: number): number {
    const u32 = new Uint32Array(this.kernels.memory.buffer, this.plan.rows, count);
    for (let r = 0; r < count; r++) u32[r] = order[start + r];
    return this.kernels.computeGradients(count, this.plan.rows, this.store.offsets, this.store.entries, this.store.labels);
  }

  /** Copies the ranges to (out = true) or from a shared float array. */
  exchange(ranges: [number, number][], shared: Float32Array, out: boolean): void {
    const f = this.f32;
    let at = 0;
    for (const [from, len] of ranges) {
      if (out) shared.set(f.subarray(from, from + len), at);
      else f.set(shared.subarray(at, at + len), from);
      at += len;
    }
  }

  /** GW/GB += the gradients in `shared` (the other half of the batch). */
  addGradients(shared: Float32Array): void {
    const f = this.f32;
    let at = 0;
    for (const [from, len] of this.gradRanges) {
      for (let i = 0; i < len; i++) f[from + i] += shared[at + i];
      at += len;
    }
  }
}

/** The settings of an experiment: the seed's task with other layer sizes. */
export function experimentSettings(sizes: readonly number[]): TrainingSettings {
  return { ...SEED_SETTINGS, sizes, learningRate: sizes[1] > 100 ? 0.5 : SEED_SETTINGS.learningRate };
}
