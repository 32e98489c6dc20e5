import type { HiddenActivationName, OutputActivationName } from '../core/activations.js';
import type { CostName } from '../core/costs.js';
import type { InitName } from '../core/init.js';
import type { OptimizerName } from '../core/optimizers.js';
import type { AugmentName } from '../data/augment.js';

/*
 * The vocabulary of a training run, as the model file and the checkpoint record it. It lives
 * in the model layer because the model file is the lowest layer that stores settings: the
 * run layer (src/train) builds on it and fills in defaults, while a model file can be read
 * without knowing how training works. Only names and shapes here; the limits are in
 * setting-limits.ts, the defaults in src/train/settings.ts.
 */

/** The learning-rate schedules (their formulas: src/train/schedule.ts). */
export type ScheduleName = 'constant' | 'step' | 'cosine';
/** The names accepted, for parsers and menus. */
export const SCHEDULES: readonly ScheduleName[] = ['constant', 'step', 'cosine'];

/** Everything that defines a training run: with the same settings (seed included) and data, the same model comes out. */
export interface TrainingSettings {
  /** Neurons per layer, input first. */
  readonly sizes: readonly number[];
  readonly activation: HiddenActivationName;
  readonly outputActivation: OutputActivationName;
  readonly cost: CostName;
  readonly init: InitName;
  readonly optimizer: OptimizerName;
  /** η. */
  readonly learningRate: number;
  /** L2 penalty λ (0 = none). */
  readonly l2: number;
  /** Examples per mini-batch (the source document: 100). */
  readonly batchSize: number;
  readonly epochs: number;
  /** The one seed behind every random choice of the run. */
  readonly seed: number;
  // The accuracy tweaks. Optional: left out, each keeps the plain run above.
  /** Probability that a hidden neuron is dropped in a training step (0 or absent = no dropout). */
  readonly dropout?: number;
  /** Learning-rate schedule over the planned epochs (absent = constant). */
  readonly schedule?: ScheduleName;
  /** Training examples held out, from the end of the training set, to validate on (absent = 0). */
  readonly validation?: number;
  /** Early stopping: end after this many epochs without a better validation accuracy (absent or 0 = run every epoch). */
  readonly patience?: number;
  /** On-the-fly augmentation of the training images (absent = none). */
  readonly augment?: AugmentName;
  /** Label smoothing ε: cross-entropy against targets 1 − ε + ε/n and ε/n instead of 1 and 0 (absent or 0 = none; softmax output only). */
  readonly labelSmoothing?: number;
}

/** Settings as a user may give them: anything left out takes a default. */
export type PartialSettings = { -readonly [K in keyof TrainingSettings]?: TrainingSettings[K] };

/** The fields every settings object has, in the order files write them. */
export const REQUIRED_SETTINGS = ['sizes', 'activation', 'outputActivation', 'cost', 'init', 'optimizer', 'learningRate', 'l2', 'batchSize', 'epochs', 'seed'] as const;
/** The optional fields, in the order files write them (each only when set). */
export const OPTIONAL_SETTINGS = ['dropout', 'schedule', 'validation', 'patience', 'augment', 'labelSmoothing'] as const;

/**
 * Training settings with their fields in one fixed order (the optional ones only when set), so
 * that a fresh run, a resumed one and a library call write the very same bytes into a file.
 */
export function canonicalSettings(s: TrainingSettings): TrainingSettings {
  const out: Record<string, unknown> = {};
  for (const key of REQUIRED_SETTINGS) out[key] = s[key];
  for (const key of OPTIONAL_SETTINGS) if (s[key] !== undefined) out[key] = s[key];
  return out as unknown as TrainingSettings;
}
