import type { Network } from '../core/network.js';
import type { OptimizerState, TrainingBackend } from './backend.js';
import type { EpochEvent, TrainingEvent } from './events.js';
import type { TrainingSettings } from '../model/training-settings.js';

/** Builds the backend that trains `network` (e.g. the fast kernels); default: the reference. */
export type BackendFactory = (network: Network, settings: TrainingSettings) => TrainingBackend;

/**
 * Everything a trainer needs, beside its settings and data, to continue a run exactly where
 * it stopped (a checkpoint): with this state restored, the following mini-batches produce
 * bit-for-bit the same parameters as an uninterrupted run.
 */
export interface TrainerState {
  readonly epochsDone: number;
  readonly batchesDone: number;
  readonly examplesSeen: number;
  /** Σ cost and Σ correct over the current epoch's finished mini-batches. */
  readonly epochCost: number;
  readonly epochCorrect: number;
  readonly epochSeconds: number;
  /** The current epoch's shuffled example order (meaningful while `batchesDone > 0`). */
  readonly order: Uint32Array;
  /** The rng's four state words. */
  readonly rng: readonly number[];
  readonly optimizer: OptimizerState;
  /** The parameters. */
  readonly network: Network;
  readonly lastEpoch?: EpochEvent;
  /** With a validation split: the best epoch so far, its accuracy and parameters (null before the first). */
  readonly earlyStopping?: { readonly bestEpoch: number; readonly bestAccuracy: number; readonly network: Network } | null;
  /** Whether early stopping has ended the run. */
  readonly stoppedEarly?: boolean;
}

/** Options of a `Trainer`. */
export interface TrainerOptions {
  /** Which implementation runs the hot path: `createFastBackend(…)` for the WebAssembly kernels; left out, the plain TypeScript reference (src/train/reference-backend.ts). */
  readonly backend?: BackendFactory;
  /** Called with every batch and epoch event. */
  readonly listener?: (event: TrainingEvent) => void;
}
