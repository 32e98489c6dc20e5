import type { Gradients } from '../core/backprop.js';
import type { Network } from '../core/network.js';
import type { BatchWarp } from '../data/augmenter.js';
import type { Dataset } from '../data/dataset.js';
import type { OptimizerState, StepResult, TrainingBackend } from '../train/backend.js';
import type { TrainingSettings } from '../model/training-settings.js';
import { type Kernels, WIDE_MODE } from './kernels.js';
import { ensureMemory, type MemoryPlan, planMemory, type PlanSettings, writeLayout } from './layout.js';
import { encodeDataset, type SparseStore } from './sparse-store.js';
import { oneThread, type WideRunner } from './wide-runner.js';

/** Rows per kernel call when predicting (the evaluation chunk). */
const EVAL_CHUNK = 500;
/** Fewest images per thread for which evaluation goes two chunks at a time (below, one chunk split by neurons). */
const TWIN_FROM = 32;
/**
 * With augmentation the training thread takes this share of each wide layer (the helper the
 * rest): the waits this leaves it are spent distorting the next batch (src/train/augment-ahead.ts).
 * Measured with the best preset's 784-512-512-10 (2 cores, 150 steps, alternating runs): 12.0
 * ms a step at ½ (a quarter of the next batch done ahead), 10.3–10.6 at 0.4 and 0.44 (60–90 %).
 */
const AUGMENTING_MAIN_SHARE = 0.42;
/** Optimizer defaults, as in src/core/optimizers.ts. */
const MOMENTUM = 0.9;
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

/** Adam's bias corrections 1 − β1^t and 1 − β2^t for step t, in f64 like the reference (1, 1 for other optimizers). */
export function adamCorrections(settings: TrainingSettings, step: number): [number, number] {
  if (settings.optimizer !== 'adam') return [1, 1];
  return [1 - Math.pow(BETA1, step), 1 - Math.pow(BETA2, step)];
}

/**
 * The fast training backend: the WebAssembly SIMD kernels of `asm/` doing the whole
 * mini-batch step (forward, backprop, optimizer) in one call. It keeps the parameters in
 * its own memory, weights transposed (n_in × n_out) so that each non-zero input pixel adds
 * one contiguous row; `readNetwork` / `writeNetwork` convert. The training set is encoded
 * once as a sparse store of its non-zero pixels (re-encoded when a different data set comes).
 * After that, a mini-batch step allocates nothing but its result object.
 */
export class WasmBackend implements TrainingBackend {
  readonly name = 'wasm';
  /** 2 when the wide path's batches are shared with a helper thread, else 1. */
  readonly threads: number;
  /** Augmentation's pixel work in the kernels, when given (src/fast/wasm-warp.ts). */
  readonly warp?: BatchWarp;
  protected readonly kernels: Kernels;
  private readonly settings: TrainingSettings;
  /** Where everything sits in the kernels' memory (shared with `WasmDropoutBackend`). */
  readonly plan: MemoryPlan;
  /** Rows the batch buffers hold: the mini-batch or the evaluation chunk, whichever is larger. */
  readonly capacity: number;
  /** Runs the wide path's batches (on this thread unless a helper thread was attached). */
  private runner: WideRunner;
  private store: SparseStore | null = null;
  private steps = 0;
  private buffer: ArrayBuffer;
  private f32: Float32Array;
  private u32: Uint32Array;
  private u8: Uint8Array;

  /**
   * A backend for `settings` on a fresh kernels instance, starting from `network`'s parameters;
   * `runner` may attach a helper thread, `warp` is offered to the trainer for augmentation.
   */
  constructor(kernels: Kernels, network: Network, settings: TrainingSettings, runner?: (kernels: Kernels, plan: MemoryPlan) => WideRunner | null, warp?: BatchWarp) {
    this.warp = warp;
    if (network.sizes[0] > 65535) throw new RangeError(`wasm backend: at most 65,535 inputs (pixel indices are 16-bit), got ${network.sizes[0]}`);
    this.kernels = kernels;
    this.settings = settings;
    this.capacity = Math.max(settings.batchSize, EVAL_CHUNK);
    const planSettings = { ...this.planSettings(network), twin: runner !== undefined };
    this.plan = planMemory(planSettings, kernels.heapBase());
    ensureMemory(kernels.memory, this.plan.end);
    writeLayout(kernels.memory, this.plan, planSettings);
    kernels.setLayout(this.plan.table);
    this.buffer = kernels.memory.buffer as ArrayBuffer;
    this.f32 = new Float32Array(this.buffer);
    this.u32 = new Uint32Array(this.buffer);
    this.u8 = new Uint8Array(this.buffer);
    this.writeNetwork(network);
    const shared = this.plan.wide && runner ? runner(kernels, this.plan) : null;
    this.threads = shared ? 2 : 1;
    this.runner = shared ?? oneThread(kernels);
  }

  trainMiniBatch(data: Dataset, indices: Uint32Array, start: number, count: number, learningRate: number): StepResult {
    const store = this.storeFor(data);
    this.writeRows(indices, start, count);
    this.steps++;
    const { plan } = this;
    const [c1, c2] = adamCorrections(this.settings, this.steps);
    const costSum = plan.wide
      ? this.runner.run(count, plan.rows, store.offsets, store.entries, store.labels, WIDE_MODE.train, learningRate, c1, c2)
      : this.kernels.trainBatch(count, plan.rows, store.offsets, store.entries, store.labels, learningRate, c1, c2);
    return { costSum, correct: this.kernels.lastCorrect() };
  }

  /**
   * The gradient ∂C/∂θ averaged over examples indices[start .. start+count) of `data`, in the
   * network's layout, without changing the parameters (for tests and gradient views).
   * Returns the summed cost Σ_x C_x.
   */
  computeGradients(data: Dataset, indices: Uint32Array, start: number, count: number, target: Gradients): number {
    const store = this.storeFor(data);
    this.writeRows(indices, start, count);
    const costSum = this.plan.wide
      ? this.runner.run(count, this.plan.rows, store.offsets, store.entries, store.labels, WIDE_MODE.gradients, 0, 1, 1)
      : this.kernels.computeGradients(count, this.plan.rows, store.offsets, store.entries, store.labels);
    this.refreshViews();
    this.plan.layers.forEach((layer, l) => {
      this.readTransposed(layer.weightGradients, layer.nIn, layer.nOut, layer.stride, target.weights[l], 1 / count);
      this.readVector(layer.biasGradients, layer.nOut, target.biases[l], 1 / count);
    });
    return costSum;
  }

  /**
   * With a helper thread, images go two chunks at a time: one predicted here, the other there
   * on the plan's twin buffers, each a whole forward pass alone (no meeting between layers).
   */
  predict(data: Dataset, start: number, count: number, predictions: Uint8Array): void {
    this.checkShape(data);
    const size = data.rows * data.cols;
    const { plan, kernels } = this;
    const twin = plan.twin;
    for (let done = 0; done < count; ) {
      const left = count - done;
      const pair = twin !== null && this.runner.startTwin !== undefined && left >= 2 * TWIN_FROM;
      const n = Math.min(this.capacity, pair ? Math.ceil(left / 2) : left);
      const m = pair ? Math.min(this.capacity, left - n) : 0;
      const first = start + done;
      this.refreshViews();
      const there = twin !== null && m > 0;
      if (there) {
        this.u8.set(data.images.subarray((first + n) * size, (first + n + m) * size), twin.chunkBytes);
        this.runner.startTwin?.(m, size);
      }
      this.u8.set(data.images.subarray(first * size, (first + n) * size), plan.chunkBytes);
      kernels.encodeSparse(plan.chunkBytes, n, size, plan.chunkOffsets, plan.chunkEntries, 0);
      if (there) kernels.wideBatch(n, plan.identityRows, plan.chunkOffsets, plan.chunkEntries, 0, WIDE_MODE.predict, 0, 1, 1);
      else if (plan.wide) this.runner.run(n, plan.identityRows, plan.chunkOffsets, plan.chunkEntries, 0, WIDE_MODE.predict, 0, 1, 1);
      else kernels.predictBatch(n, plan.identityRows, plan.chunkOffsets, plan.chunkEntries, plan.predictions);
      predictions.set(this.u8.subarray(plan.predictions, plan.predictions + n), done);
      if (there) {
        this.runner.finishTwin?.();
        predictions.set(this.u8.subarray(twin.predictions, twin.predictions + m), done + n);
      }
      done += n + m;
    }
  }

  readNetwork(target: Network): void {
    this.refreshViews();
    this.plan.layers.forEach((layer, l) => {
      this.readTransposed(layer.weights, layer.nIn, layer.nOut, layer.stride, target.weights[l], 1);
      this.readVector(layer.biases, layer.nOut, target.biases[l], 1);
    });
  }

  writeNetwork(source: Network): void {
    this.refreshViews();
    this.plan.layers.forEach((layer, l) => {
      this.writeTransposed(layer.weights, layer.nIn, layer.nOut, layer.stride, source.weights[l]);
      this.f32.set(source.biases[l], layer.biases >> 2);
    });
  }

  getOptimizerState(): OptimizerState {
    this.refreshViews();
    const buffers: Float32Array[] = [];
    const states = this.settings.optimizer === 'adam' ? 2 : this.settings.optimizer === 'momentum' ? 1 : 0;
    for (let s = 0; s < states; s++) {
      for (const layer of this.plan.layers) {
        const w = new Float32Array(layer.nIn * layer.nOut);
        const b = new Float32Array(layer.nOut);
        this.readTransposed(s === 0 ? layer.state1Weights : layer.state2Weights, layer.nIn, layer.nOut, layer.stride, w, 1);
        this.readVector(s === 0 ? layer.state1Biases : layer.state2Biases, layer.nOut, b, 1);
        buffers.push(w, b);
      }
    }
    return { step: this.steps, buffers };
  }

  setOptimizerState(state: OptimizerState): void {
    this.refreshViews();
    const L = this.plan.layers.length;
    const states = this.settings.optimizer === 'adam' ? 2 : this.settings.optimizer === 'momentum' ? 1 : 0;
    if (state.buffers.length !== 2 * L * states) throw new RangeError('optimizer state does not match the network shape');
    for (let s = 0; s < states; s++) {
      this.plan.layers.forEach((layer, l) => {
        const w = state.buffers[s * 2 * L + 2 * l];
        const b = state.buffers[s * 2 * L + 2 * l + 1];
        if (w.length !== layer.nIn * layer.nOut || b.length !== layer.nOut) throw new RangeError('optimizer state does not match the network shape');
        this.writeTransposed(s === 0 ? layer.state1Weights : layer.state2Weights, layer.nIn, layer.nOut, layer.stride, w);
        this.f32.set(b, (s === 0 ? layer.state1Biases : layer.state2Biases) >> 2);
      });
    }
    this.steps = state.step;
  }

  setIdleWork(work: (() => boolean) | null): void {
    this.runner.setIdle?.(work);
  }

  dispose(): void {
    // The instance and its memory are garbage once this backend is unreachable.
    this.store = null;
    this.runner.dispose();
  }

  private planSettings(network: Network): PlanSettings {
    const s = this.settings;
    return {
      sizes: network.sizes,
      activation: network.activation,
      outputActivation: network.outputActivation,
      cost: s.cost,
      optimizer: s.optimizer,
      l2: s.l2,
      momentum: MOMENTUM,
      beta1: BETA1,
      beta2: BETA2,
      epsilon: EPSILON,
      capacity: this.capacity,
      mainShare: (s.augment ?? 'none') !== 'none' ? AUGMENTING_MAIN_SHARE : 0.5,
      dropout: (s.dropout ?? 0) > 0,
      labelSmoothing: s.labelSmoothing ?? 0,
    };
  }

  private checkShape(data: Dataset): void {
    const size = data.rows * data.cols;
    if (size !== this.plan.layers[0].nIn) {
      throw new RangeError(`wasm backend: the network has ${this.plan.layers[0].nIn} inputs but the images have ${size} pixels`);
    }
  }

  /** The sparse store of `data`, encoding it on first use (after the parameters, at plan.end). */
  private storeFor(data: Dataset): SparseStore {
    const store = this.store;
    if (store && store.images === data.images && store.count === data.count) return store;
    this.checkShape(data);
    this.store = encodeDataset(this.kernels, this.plan, this.capacity, data, this.plan.end);
    this.refreshViews();
    return this.store;
  }

  private writeRows(indices: Uint32Array, start: number, count: number): void {
    if (count > this.settings.batchSize) throw new RangeError(`batch of ${count} exceeds the batch size ${this.settings.batchSize}`);
    this.refreshViews();
    const rows = this.u32;
    const at = this.plan.rows >> 2;
    for (let r = 0; r < count; r++) rows[at + r] = indices[start + r];
  }

  /** Typed-array views die when the memory grows; re-create them if it has. */
  private refreshViews(): void {
    const buffer = this.kernels.memory.buffer as ArrayBuffer;
    if (buffer === this.buffer) return;
    this.buffer = buffer;
    this.f32 = new Float32Array(buffer);
    this.u32 = new Uint32Array(buffer);
    this.u8 = new Uint8Array(buffer);
  }

  /** Kernel layout (nIn × stride, transposed) → network layout (nOut × nIn), times `scale`. */
  private readTransposed(address: number, nIn: number, nOut: number, stride: number, target: Float32Array, scale: number): void {
    const f = this.f32;
    const base = address >> 2;
    for (let k = 0; k < nIn; k++) {
      for (let j = 0; j < nOut; j++) target[j * nIn + k] = scale === 1 ? f[base + k * stride + j] : f[base + k * stride + j] * scale;
    }
  }

  private readVector(address: number, n: number, target: Float32Array, scale: number): void {
    const f = this.f32;
    const base = address >> 2;
    for (let j = 0; j < n; j++) target[j] = scale === 1 ? f[base + j] : f[base + j] * scale;
  }

  /** Network layout (nOut × nIn) → kernel layout (nIn × stride), padding lanes zero. */
  private writeTransposed(address: number, nIn: number, nOut: number, stride: number, source: Float32Array): void {
    const f = this.f32;
    const base = address >> 2;
    for (let k = 0; k < nIn; k++) {
      for (let j = 0; j < nOut; j++) f[base + k * stride + j] = source[j * nIn + k];
      for (let j = nOut; j < stride; j++) f[base + k * stride + j] = 0;
    }
  }
}
