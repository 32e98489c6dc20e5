import type { BatchWarp } from '../data/augmenter.js';
import type { Dataset } from '../data/dataset.js';
import type { Network } from '../core/network.js';

/** What one mini-batch step reports: the summed cost Σ_x C_x and how many answers were right. */
export interface StepResult {
  costSum: number;
  correct: number;
}

/** Optimizer state, flat, for checkpoints (see `Optimizer.getState`). */
export interface OptimizerState {
  step: number;
  buffers: Float32Array[];
}

/**
 * The hot path of training, behind one interface so that the readable TypeScript reference
 * (src/train/reference-backend.ts) and the fast WebAssembly kernels are interchangeable and can be
 * checked against each other. A backend owns the parameters while it trains (it may keep
 * them in its own layout); `readNetwork` copies them out.
 */
export interface TrainingBackend {
  /** "reference" or the name of a fast implementation. */
  readonly name: string;
  /** Threads its mini-batch steps run on (1 when absent). */
  readonly threads?: number;
  /** A faster engine for data augmentation's pixel work (the same bytes), when the backend has one. @internal */
  readonly warp?: BatchWarp;
  /**
   * Gives the backend work for the moments its steps wait (for a helper thread): `work` does
   * one small piece per call and returns false when none is left. Backends without such
   * moments leave this out. The work must not change what the step computes.
   */
  setIdleWork?(work: (() => boolean) | null): void;
  /**
   * One step of gradient descent on examples indices[start .. start+count) of `data`:
   * forward pass, backpropagation, optimizer update with learning rate `learningRate`.
   */
  trainMiniBatch(data: Dataset, indices: Uint32Array, start: number, count: number, learningRate: number): StepResult;
  /** The network's answer (argmax of the output) for examples [start, start+count) of `data`. */
  predict(data: Dataset, start: number, count: number, predictions: Uint8Array): void;
  /** Copies the current weights and biases into `target` (same architecture). */
  readNetwork(target: Network): void;
  /** Replaces the parameters with `source`'s (same architecture). */
  writeNetwork(source: Network): void;
  /** The optimizer's state (step count, momentum or Adam moments), for checkpoints. */
  getOptimizerState(): OptimizerState;
  /** Restores what `getOptimizerState` returned. */
  setOptimizerState(state: OptimizerState): void;
  /** Frees anything held outside the JS heap (workers, WebAssembly memory). */
  dispose(): void;
}
