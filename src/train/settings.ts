import { DigitlabError } from '../errors.js';
import { checkSettings } from '../model/setting-limits.js';
import type { PartialSettings, TrainingSettings } from '../model/training-settings.js';
import { defaultInit, defaultLearningRate, SEED_LEARNING_RATE } from './defaults.js';

// The settings' shape (TrainingSettings, PartialSettings) lives in the model layer, since a model
// file records them: import it from there. This file holds their values: the seed and the defaults.

/**
 * The source document's network and training: 784-16-16-10, sigmoid, quadratic cost, plain
 * SGD on mini-batches of 100. Initialisation, learning rate and epochs were chosen by a sweep
 * on the real data (README, "Why these defaults"): fan-in scaled (Xavier) weights keep the
 * sigmoids out of saturation, so the network passes 95 % test accuracy, where N(0,1) weights
 * plateau near 93.5 %.
 */
export const SEED_SETTINGS: TrainingSettings = {
  sizes: [784, 16, 16, 10],
  activation: 'sigmoid',
  outputActivation: 'sigmoid',
  cost: 'quadratic',
  init: 'xavier',
  optimizer: 'sgd',
  learningRate: SEED_LEARNING_RATE,
  l2: 0,
  batchSize: 100,
  epochs: 30,
  seed: 1,
};

/**
 * Completes and checks settings: the one place defaults are applied, for the command line,
 * the library, the scripts and the Lab alike. Left out, a setting takes the seed's value,
 * except for these, which follow the others:
 * - the output activation: softmax with the cross-entropy cost, sigmoid otherwise;
 * - the initial weights: He for ReLU, Xavier otherwise (train/defaults.ts);
 * - the learning rate: 0.001 for Adam; for SGD 4.5 for sigmoid layers up to 28 wide and
 *   128 / width beyond, 0.3 for tanh, 0.1 for ReLU; for momentum a tenth of SGD's
 *   (train/defaults.ts, measured: README "Why these defaults").
 * Returns the settings in canonical field order; throws a DigitlabError naming a bad setting.
 */
export function resolveSettings(partial: PartialSettings, inputSize = 784, classes = 10): TrainingSettings {
  const given = stripUndefined(partial);
  const cost = given.cost ?? SEED_SETTINGS.cost;
  const sizes = Array.isArray(given.sizes) ? given.sizes : SEED_SETTINGS.sizes;
  const s = checkSettings(
    {
      ...SEED_SETTINGS,
      ...given,
      cost,
      outputActivation: given.outputActivation ?? (cost === 'cross-entropy' ? 'softmax' : 'sigmoid'),
      init: given.init ?? defaultInit(given.activation ?? SEED_SETTINGS.activation),
      learningRate: given.learningRate ?? defaultLearningRate({ sizes, activation: given.activation ?? SEED_SETTINGS.activation, optimizer: given.optimizer ?? SEED_SETTINGS.optimizer }),
    },
    (_field, label, problem) => {
      throw new DigitlabError(`${label}: ${problem}`);
    },
  );
  if (s.sizes[0] !== inputSize) throw new DigitlabError(`layers: the first size must equal the ${inputSize} input pixels, got ${s.sizes[0]}`);
  if (s.sizes[s.sizes.length - 1] !== classes) throw new DigitlabError(`layers: the last size must equal the ${classes} classes, got ${s.sizes[s.sizes.length - 1]}`);
  return s;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
