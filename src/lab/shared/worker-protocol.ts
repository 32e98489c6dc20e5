import type { Dataset } from '../../data/dataset.js';
import type { LearningDiagnosis } from '../../train/learning-diagnosis.js';
import type { PartialSettings, TrainingSettings } from '../../model/training-settings.js';
import type { DataSetName } from './data-sets.js';
import type { Snapshot } from './model-loader.js';

/** A run's parameters at one moment (buffers transferred). */
export type { Snapshot };

/** One training run as the page knows it: its id (for the charts) and its settings, resolved. */
export interface RunSpec {
  readonly id: string;
  readonly settings: TrainingSettings;
}

/**
 * One training run the page asks the Worker for: its id and the settings the user chose;
 * the Worker resolves them through the run layer (`resolveSettings`: the CLI's defaults,
 * e.g. the learning rate scaled for wide layers).
 */
export interface RunRequest {
  readonly id: string;
  readonly request: PartialSettings;
}

/** What the page tells the training Worker. */
export type ToWorker =
  /**
   * Use the data set `dataSet` of the site at `root` (its root URL; again, replacing runs and
   * data, when one is loaded); train with the WebAssembly kernels when `fast` (else the
   * reference). The Worker fetches the data at once, or with `lazy` only when the first run
   * needs them (a reset): until then it says `open`, and commands wait for the data in order.
   */
  | { readonly type: 'load'; readonly root: string; readonly dataSet: DataSetName; readonly fast: boolean; readonly lazy?: boolean }
  /**
   * Send data set `dataSet`'s test images (for the Lab's picker): the Worker fetches and
   * gunzips them off the page's thread, sends a copy and keeps them for training.
   */
  | { readonly type: 'test-set'; readonly root: string; readonly dataSet: DataSetName }
  | { readonly type: 'reset'; readonly runs: readonly RunRequest[] }
  | { readonly type: 'start' }
  | { readonly type: 'pause' }
  | { readonly type: 'step'; readonly count: number };

/** What the training Worker tells the page. */
export type FromWorker =
  /** A lazy load: the Worker takes commands (its backend is ready); the data come with the first run. */
  | { readonly type: 'open'; readonly dataSet: DataSetName; readonly backend: string }
  | { readonly type: 'loading'; readonly dataSet: DataSetName; readonly fraction: number }
  /** The test images asked for (buffers transferred), or why they could not be had. */
  | { readonly type: 'test-set'; readonly dataSet: DataSetName; readonly test: Dataset }
  | { readonly type: 'test-set-failed'; readonly dataSet: DataSetName; readonly message: string }
  | { readonly type: 'ready'; readonly dataSet: DataSetName; readonly trainCount: number; readonly testCount: number; readonly backend: string }
  | {
      readonly type: 'progress';
      readonly runId: string;
      /** Mini-batches done since the run started (the charts' x axis). */
      readonly batches: number;
      readonly epoch: number;
      readonly batch: number;
      readonly batchesPerEpoch: number;
      readonly examplesSeen: number;
      /** Mean mini-batch cost since the previous progress message. */
      readonly cost: number;
      /** Points of the cost curve since the previous message: (mini-batches, mean cost of a window). */
      readonly costPoints: readonly (readonly [number, number])[];
      /** Training epochs per second over the last second of training. */
      readonly epochsPerSecond: number;
      /** Threads the run trains on: 2 when a wide network shares its batches with a helper thread (cross-origin isolated pages only). */
      readonly threads: number;
    }
  | { readonly type: 'test'; readonly runId: string; readonly batches: number; readonly testAccuracy: number }
  | { readonly type: 'snapshot'; readonly runId: string; readonly batches: number; readonly snapshot: Snapshot }
  | { readonly type: 'running'; readonly running: boolean }
  /** The run has stopped learning (the run layer's diagnosis, after the first few hundred mini-batches). */
  | { readonly type: 'diagnosis'; readonly runId: string; readonly diagnosis: LearningDiagnosis }
  | { readonly type: 'error'; readonly runId?: string; readonly message: string };
