import type { HiddenActivationName } from '../core/activations.js';
import { type DatasetPair, takeFirst } from '../data/dataset.js';
import { resolveSettings } from '../train/settings.js';
import type { PartialSettings, TrainingSettings } from '../model/training-settings.js';
import type { BackendFactory } from '../train/trainer.js';
import { type CurvePlan, type TrainingCurves, trainInTurn } from './training-curves.js';

/**
 * Each hidden activation's own settings for a fair comparison: the initialisation made for it
 * (Xavier for σ and tanh, He for ReLU) and the learning rate a sweep on the validation split
 * chose for it under the shared settings below. Measured with
 * `digitlab experiment activations --sweep --compare sigmoid,relu,tanh` (plain SGD, batch 100,
 * 10 epochs on the first 50,000 training images, scored by the accuracy on the last 10,000 —
 * never the test set — averaged over seeds 1, 2, 3):
 *   σ     η 1: 94.15 %, 2: 94.71 %, 3: 94.83 %, 5: 94.64 %, 10: 94.18 %
 *   ReLU  η 0.1: 93.96 %, 0.2: 94.23 %, 0.3: 94.33 %, 0.5: 93.78 %, 1: 38.71 % (most runs die)
 *   tanh  η 0.2: 94.26 %, 0.3: 94.57 %, 0.5: 94.17 %, 1: 92.71 %
 * One shared rate is unfair to one side: at ReLU's η 0.3 the σ network reaches 91.76 %, at
 * σ's η 3 ReLU dies (10.11 %). The Lab's button, the Experiments page and the CLI all compare
 * with these.
 */
export const FAIR_ACTIVATION_SETTINGS: Readonly<Record<HiddenActivationName, { readonly init: 'xavier' | 'he'; readonly learningRate: number }>> = {
  sigmoid: { init: 'xavier', learningRate: 3 },
  relu: { init: 'he', learningRate: 0.3 },
  tanh: { init: 'xavier', learningRate: 0.3 },
};

/** Options of the sigmoid-versus-ReLU experiment. */
export interface ActivationsOptions {
  /** Hidden activations compared (default sigmoid, relu). */
  readonly activations: readonly HiddenActivationName[];
  /** First n training images (default: all 60,000). */
  readonly trainCount: number;
  /** First n test images (default: all 10,000). */
  readonly testCount: number;
  /**
   * Settings shared by the runs. Each activation's init and learning rate come from
   * `FAIR_ACTIVATION_SETTINGS` unless given here, which sets them for every run.
   */
  readonly settings: PartialSettings;
}

/**
 * Defaults: the source document's 784-16-16-10 network, quadratic cost, sigmoid output and
 * plain SGD on mini-batches of 100 for 10 epochs, one seed; only the hidden activation and what
 * is fair to it (init, learning rate) differ.
 */
export const ACTIVATIONS_DEFAULTS = {
  activations: ['sigmoid', 'relu'],
  trainCount: 60000,
  testCount: 10000,
  settings: { sizes: [784, 16, 16, 10], cost: 'quadratic', outputActivation: 'sigmoid', optimizer: 'sgd', batchSize: 100, epochs: 10, seed: 1 },
} satisfies ActivationsOptions;

/** One run of the comparison. */
export interface ActivationRun {
  readonly activation: HiddenActivationName;
  readonly settings: TrainingSettings;
  readonly curves: TrainingCurves;
}

/** How one run learned, in three numbers. */
export interface ActivationSummary {
  readonly activation: HiddenActivationName;
  readonly learningRate: number;
  readonly init: string;
  /** Test accuracy after the first epoch. */
  readonly firstEpochAccuracy: number;
  /** Test accuracy after the last epoch. */
  readonly finalAccuracy: number;
  /** Test accuracy averaged over the epochs: the area under the learning curve, higher = learns faster. */
  readonly meanAccuracy: number;
}

/** The result of the activations experiment (sigmoid versus ReLU). */
export interface ActivationsResult {
  readonly experiment: 'activations';
  readonly trainCount: number;
  readonly testCount: number;
  /** One run per activation, curves of equal length (one point per epoch). */
  readonly runs: ActivationRun[];
  /** Each run's rate and how fast it learned, in the order of `runs`. */
  readonly summary: ActivationSummary[];
  /** The activation that learns faster: the highest test accuracy averaged over the epochs. */
  readonly faster: HiddenActivationName;
  /** By how much (fraction, 0.01 = one percentage point) its mean test accuracy beats the next: small = a close race. */
  readonly margin: number;
}

/** The settings of one activation's run: shared defaults < its fair init and rate < what `settings` sets. */
export function activationSettings(activation: HiddenActivationName, settings: PartialSettings = {}, imageSize = 784, classes = 10): TrainingSettings {
  return resolveSettings({ ...ACTIVATIONS_DEFAULTS.settings, ...FAIR_ACTIVATION_SETTINGS[activation], ...stripUndefined(settings), activation }, imageSize, classes);
}

/**
 * Sigmoid versus ReLU. The same network, seed, cost and mini-batches, trained once per
 * hidden activation, each at the rate fair to it; cost and test accuracy per epoch, to overlay
 * and see which learns faster.
 */
export function runActivations(
  data: DatasetPair,
  options: Partial<ActivationsOptions> = {},
  run: { backend?: BackendFactory; onEpoch?: (activation: HiddenActivationName, epoch: number, curves: TrainingCurves) => void } = {},
): ActivationsResult {
  return trainInTurn(planActivations(data, options), { backend: run.backend, onEpoch: (name, e, c) => run.onEpoch?.(name as HiddenActivationName, e, c) });
}

/** The comparison's runs, one per activation (named by it), and how their curves become its result (see `runActivations`). */
export function planActivations(data: DatasetPair, options: Partial<ActivationsOptions> = {}): CurvePlan<ActivationsResult> {
  const o = { ...ACTIVATIONS_DEFAULTS, ...options };
  const imageSize = data.train.rows * data.train.cols;
  const classes = data.train.classNames.length;
  const pair = { train: takeFirst(data.train, o.trainCount), test: takeFirst(data.test, o.testCount), source: data.source };
  const runs = o.activations.map((activation) => ({ name: activation, settings: activationSettings(activation, options.settings, imageSize, classes), data: pair }));
  return {
    runs,
    finish: (curves) => {
      const done = runs.map(({ name: activation, settings }, i) => ({ activation, settings, curves: curves[i] }));
      const summary = done.map(({ activation, settings, curves }) => ({
        activation,
        learningRate: settings.learningRate,
        init: settings.init,
        firstEpochAccuracy: curves.testAccuracy[0] ?? NaN,
        finalAccuracy: curves.testAccuracy.at(-1) ?? NaN,
        meanAccuracy: curves.testAccuracy.reduce((s, x) => s + x, 0) / curves.testAccuracy.length,
      }));
      const ranked = [...summary].sort((p, q) => q.meanAccuracy - p.meanAccuracy);
      const margin = ranked.length > 1 ? ranked[0].meanAccuracy - ranked[1].meanAccuracy : 0;
      return { experiment: 'activations', trainCount: pair.train.count, testCount: pair.test.count, runs: done, summary, faster: ranked[0].activation, margin };
    },
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
