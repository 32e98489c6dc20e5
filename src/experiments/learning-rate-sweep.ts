import type { HiddenActivationName } from '../core/activations.js';
import type { Dataset } from '../data/dataset.js';
import { resolveSettings } from '../train/settings.js';
import type { PartialSettings } from '../model/training-settings.js';
import { type BackendFactory, Trainer } from '../train/trainer.js';

/**
 * A learning-rate sweep on a validation split, to give each activation a rate fair to it
 * before comparing them (sigmoid versus ReLU). The last `validation` images of the training set are held out
 * (the trainer's own validation split: never trained on) and the test set is not looked at;
 * every rate is trained with a few seeds and scored by the validation accuracy after the
 * last epoch, averaged over the seeds, so a rate that kills the network for one seed in two
 * (dead ReLU neurons) scores badly.
 */

/** The rates `digitlab experiment activations --sweep` tries: 1-2-3-5 steps over three decades. */
export const SWEEP_RATES: readonly number[] = [0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 10];
/** The seeds each rate is trained with. */
export const SWEEP_SEEDS: readonly number[] = [1, 2, 3];

/** Options of `sweepLearningRates`. */
export interface SweepOptions {
  readonly activation: HiddenActivationName;
  /** The learning rates tried. */
  readonly rates: readonly number[];
  /** Seeds of each rate's runs (initial weights and mini-batch order). */
  readonly seeds: readonly number[];
  /** Training images held out at the end of the training set for scoring (default: a sixth, 10,000 of 60,000). */
  readonly validation?: number;
  /** Everything else of the runs (architecture, cost, optimizer, init, epochs, batch size). */
  readonly settings: PartialSettings;
}

/** One rate of the sweep. */
export interface SweepPoint {
  readonly learningRate: number;
  /** Validation accuracy after each epoch, one row per seed. */
  readonly validationAccuracy: readonly (readonly number[])[];
  /** The score: final validation accuracy, averaged over the seeds. */
  readonly score: number;
}

/** The result of a sweep for one activation. */
export interface SweepResult {
  readonly activation: HiddenActivationName;
  readonly trainCount: number;
  readonly validationCount: number;
  readonly seeds: readonly number[];
  readonly epochs: number;
  /** The initial weights of every run. */
  readonly init: string;
  readonly points: readonly SweepPoint[];
  /** The rate with the best score. */
  readonly best: number;
}

/** Trains every rate × seed on the training images before the validation split and scores it. */
export function sweepLearningRates(train: Dataset, o: SweepOptions, run: { backend?: BackendFactory; onRun?: (rate: number, seed: number, accuracy: number) => void } = {}): SweepResult {
  const validation = o.validation ?? Math.round(train.count / 6);
  if (!(validation > 0 && validation < train.count)) throw new RangeError(`the validation split must hold out 1 to ${train.count - 1} images, got ${validation}`);
  const noTest: Dataset = { ...train, count: 0, images: train.images.subarray(0, 0), labels: train.labels.subarray(0, 0) };
  let epochs = 0;
  let init = '';
  const points = o.rates.map((learningRate) => {
    const validationAccuracy = o.seeds.map((seed) => {
      const settings = resolveSettings({ ...o.settings, activation: o.activation, learningRate, seed, validation }, train.rows * train.cols, train.classNames.length);
      epochs = settings.epochs;
      init = settings.init;
      const trainer = new Trainer(settings, { train, test: noTest, source: 'sweep' }, { backend: run.backend });
      const curve: number[] = [];
      try {
        for (let e = 0; e < settings.epochs; e++) curve.push(trainer.runEpoch().validationAccuracy ?? NaN);
      } finally {
        trainer.dispose();
      }
      run.onRun?.(learningRate, seed, curve[curve.length - 1]);
      return curve;
    });
    const score = validationAccuracy.reduce((s, c) => s + c[c.length - 1], 0) / validationAccuracy.length;
    return { learningRate, validationAccuracy, score };
  });
  const best = points.reduce((p, q) => (q.score > p.score ? q : p)).learningRate;
  return { activation: o.activation, trainCount: train.count - validation, validationCount: validation, seeds: [...o.seeds], epochs, init, points, best };
}
