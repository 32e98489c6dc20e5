import type { Network } from '../core/network.js';
import type { BatchWarp } from '../data/augmenter.js';
import type { Dataset } from '../data/dataset.js';
import type { OptimizerState, StepResult } from '../train/backend.js';
import type { DropoutBackend, DropoutMasks } from '../train/dropout.js';
import type { TrainingSettings } from '../model/training-settings.js';
import type { Kernels } from './kernels.js';
import { ensureMemory, type MemoryPlan } from './layout.js';
import { adamCorrections, WasmBackend } from './wasm-backend.js';
import type { WideRunner } from './wide-runner.js';

/** The kernels' dropout entry point (asm/dropout.ts). */
interface DropoutKernels {
  trainBatchDropout(count: number, rows: number, offsets: number, entries: number, labels: number, lr: number, c1: number, c2: number, masks: number, saved: number, capacity: number): number;
}

/**
 * The fast backend with dropout: a `WasmBackend` for everything but the training step, which
 * goes through the kernels' `trainBatchDropout` (asm/dropout.ts). Each step copies the
 * batch's dense bytes into the kernels' chunk buffer and encodes them there (as `predict`
 * does), so it trains on any batch — augmented images included — without a stored copy of
 * the training set; the masks (drawn by the trainer from the run's Rng) are written, padded to
 * the kernels' row stride, after the memory plan. Built only for runs with dropout > 0: the
 * plain backend's own steps (and Adam step count) are never mixed in.
 */
export class WasmDropoutBackend implements DropoutBackend {
  readonly name = 'wasm';
  /** Augmentation's pixel work in the kernels, when given. */
  readonly warp?: BatchWarp;
  private readonly inner: WasmBackend;
  private readonly kernels: Kernels & DropoutKernels;
  private readonly plan: MemoryPlan;
  private readonly capacity: number;
  private readonly ones: DropoutMasks;
  private readonly settings: TrainingSettings;
  private steps = 0;

  /** A backend on `kernels` (a fresh instance) for `settings`, starting from `network`. */
  constructor(kernels: Kernels, network: Network, settings: TrainingSettings, ones: DropoutMasks, runner?: (kernels: Kernels, plan: MemoryPlan) => WideRunner | null, warp?: BatchWarp) {
    this.warp = warp;
    const k = kernels as Kernels & Partial<DropoutKernels>;
    if (typeof k.trainBatchDropout !== 'function') throw new Error('kernels.wasm: missing export trainBatchDropout (rebuild with npm run build:wasm)');
    this.kernels = k as Kernels & DropoutKernels;
    this.inner = new WasmBackend(kernels, network, settings, runner);
    this.capacity = this.inner.capacity;
    this.plan = this.inner.plan;
    this.ones = ones;
    this.settings = settings;
  }

  trainMiniBatch(data: Dataset, indices: Uint32Array, start: number, count: number, learningRate: number): StepResult {
    return this.trainMiniBatchDropout(data, indices, start, count, learningRate, this.ones);
  }

  trainMiniBatchDropout(data: Dataset, indices: Uint32Array, start: number, count: number, learningRate: number, masks: DropoutMasks): StepResult {
    if (count > this.settings.batchSize) throw new RangeError(`batch of ${count} exceeds the batch size ${this.settings.batchSize}`);
    const { plan, kernels, capacity } = this;
    const size = data.rows * data.cols;
    const hidden = plan.layers.slice(0, -1);
    const regionBytes = hidden.reduce((sum, layer) => sum + capacity * layer.stride * 4, 0);
    // Masks, then saved activations, after the plan (no training-set store lives there: this
    // backend never asks the inner one to train).
    const maskAt = Math.ceil(plan.end / 64) * 64;
    const savedAt = maskAt + regionBytes;
    ensureMemory(kernels.memory, savedAt + regionBytes);
    const buffer = kernels.memory.buffer;
    const u8 = new Uint8Array(buffer);
    const f32 = new Float32Array(buffer);
    for (let r = 0; r < count; r++) {
      const example = indices[start + r];
      u8.set(data.images.subarray(example * size, (example + 1) * size), plan.chunkBytes + r * size);
      u8[plan.predictions + r] = data.labels[example];
    }
    kernels.encodeSparse(plan.chunkBytes, count, size, plan.chunkOffsets, plan.chunkEntries, 0);
    let at = maskAt >> 2;
    hidden.forEach((layer, l) => {
      const mask = masks.masks[l];
      for (let r = 0; r < count; r++) {
        const row = at + r * layer.stride;
        for (let j = 0; j < layer.nOut; j++) f32[row + j] = mask[r * layer.nOut + j];
        for (let j = layer.nOut; j < layer.stride; j++) f32[row + j] = 0;
      }
      at += capacity * layer.stride;
    });
    this.steps++;
    const [c1, c2] = adamCorrections(this.settings, this.steps);
    // Labels sit in the predictions buffer, rows are the identity: row r is chunk image r.
    const costSum = kernels.trainBatchDropout(count, plan.identityRows, plan.chunkOffsets, plan.chunkEntries, plan.predictions, learningRate, c1, c2, maskAt, savedAt, capacity);
    return { costSum, correct: kernels.lastCorrect() };
  }

  predict(data: Dataset, start: number, count: number, predictions: Uint8Array): void {
    this.inner.predict(data, start, count, predictions);
  }

  readNetwork(target: Network): void {
    this.inner.readNetwork(target);
  }

  writeNetwork(source: Network): void {
    this.inner.writeNetwork(source);
  }

  getOptimizerState(): OptimizerState {
    return { ...this.inner.getOptimizerState(), step: this.steps };
  }

  setOptimizerState(state: OptimizerState): void {
    this.inner.setOptimizerState(state);
    this.steps = state.step;
  }

  setIdleWork(work: (() => boolean) | null): void {
    this.inner.setIdleWork(work);
  }

  dispose(): void {
    this.inner.dispose();
  }
}
