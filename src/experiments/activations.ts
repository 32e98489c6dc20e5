import type { HiddenActivationName } from '../core/activations.js';
import { type DatasetPair, takeFirst } from '../data/dataset.js';
import { type PartialSettings, resolveSettings, type TrainingSettings } from '../train/settings.js';
import type { BackendFactory } from '../train/trainer.js';
import { type TrainingCurves, trainWithCurves } from './training-curves.js';

/** Options of the sigmoid-versus-ReLU experiment. */
export interface ActivationsOptions {
  /** Hidden activations compared, each trained with otherwise equal settings (default sigmoid, relu). */
  readonly activations: readonly HiddenActivationName[];
  /** First n training images (default: all 60,000). */
  readonly trainCount: number;
  /** First n test images (default: all 10,000). */
  readonly testCount: number;
  /** Everything else, shared by the runs. */
  readonly settings: PartialSettings;
}

/**
 * Defaults: the source document's 784-16-16-10 network, quadratic cost, sigmoid output and
 * plain SGD on mini-batches of 100; only the hidden activation differs. Both start from the
 * same draw of Xavier-scaled weights (same seed) with η = 0.5: measured on MNIST, N(0,1)
 * weights or η ≥ 1 leave most ReLU neurons dead (stuck near 10 %), while sigmoid trains with
 * any of them — so these are the settings under which the comparison is about speed.
 */
export const ACTIVATIONS_DEFAULTS: ActivationsOptions = {
  activations: ['sigmoid', 'relu'],
  trainCount: 60000,
  testCount: 10000,
  settings: { sizes: [784, 16, 16, 10], cost: 'quadratic', outputActivation: 'sigmoid', optimizer: 'sgd', init: 'xavier', learningRate: 0.5, batchSize: 100, epochs: 10, seed: 1 },
};

/** One run of the comparison. */
export interface ActivationRun {
  readonly activation: HiddenActivationName;
  readonly settings: TrainingSettings;
  readonly curves: TrainingCurves;
}

/** The result of the activations experiment (S12). */
export interface ActivationsResult {
  readonly experiment: 'activations';
  readonly trainCount: number;
  readonly testCount: number;
  /** One run per activation, curves of equal length (one point per epoch). */
  readonly runs: ActivationRun[];
}

/**
 * S12: sigmoid versus ReLU. The same network, seed and training settings, trained once per
 * hidden activation; cost and test accuracy per epoch, to overlay and see which learns faster.
 */
export function runActivations(
  data: DatasetPair,
  options: Partial<ActivationsOptions> = {},
  run: { backend?: BackendFactory; onEpoch?: (activation: HiddenActivationName, epoch: number, curves: TrainingCurves) => void } = {},
): ActivationsResult {
  const o = { ...ACTIVATIONS_DEFAULTS, ...options, settings: { ...ACTIVATIONS_DEFAULTS.settings, ...options.settings } };
  const imageSize = data.train.rows * data.train.cols;
  const classes = data.train.classNames.length;
  const pair = { train: takeFirst(data.train, o.trainCount), test: takeFirst(data.test, o.testCount), source: data.source };
  const runs = o.activations.map((activation) => {
    const settings = resolveSettings({ ...o.settings, activation }, imageSize, classes);
    const curves = trainWithCurves(settings, pair, { backend: run.backend, onEpoch: (e, c) => run.onEpoch?.(activation, e, c) });
    return { activation, settings, curves };
  });
  return { experiment: 'activations', trainCount: pair.train.count, testCount: pair.test.count, runs };
}
