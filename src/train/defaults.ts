import type { HiddenActivationName } from '../core/activations.js';
import type { InitName } from '../core/init.js';
import type { OptimizerName } from '../core/optimizers.js';

/*
 * Defaults that depend on other settings. `resolveSettings` applies them to whatever the
 * caller leaves out, so the command line, the library, the scripts and the Lab start the
 * same run from the same partial settings.
 */

/**
 * The initial weights for a hidden activation: He (N(0, 2/n_in)) for ReLU, whose variance
 * it keeps from layer to layer; Xavier (N(0, 1/n_in)) for sigmoid and tanh, the seed's.
 */
export function defaultInit(activation: HiddenActivationName): InitName {
  return activation === 'relu' ? 'he' : 'xavier';
}

/** Adam's usual rate (Kingma & Ba 2015): its steps are normalised, so no width scaling. */
export const ADAM_LEARNING_RATE = 0.001;

/** The seed's rate, tuned for its 16-wide hidden layers (README, "Why these defaults"). */
export const SEED_LEARNING_RATE = 4.5;

/** What the learning-rate default depends on. */
export interface LearningRateContext {
  readonly sizes: readonly number[];
  readonly optimizer: OptimizerName;
}

/**
 * The default η: Adam's 0.001; for SGD and momentum the seed's 4.5, scaled down for wider
 * hidden layers (see `widthScaledRate`).
 */
export function defaultLearningRate(context: LearningRateContext): number {
  if (context.optimizer === 'adam') return ADAM_LEARNING_RATE;
  return widthScaledRate(context.sizes);
}

/** The widest hidden layer of `sizes` (0 for a network without hidden layers). */
export function widestHiddenLayer(sizes: readonly number[]): number {
  return Math.max(0, ...sizes.slice(1, -1));
}

/**
 * The seed recipe's η for a network's hidden widths. A step of plain gradient descent moves a
 * neuron's z by about η·δ·Σ a², a sum over the neuron's inputs, so the same η takes larger
 * steps in wider layers until the sigmoids saturate and the network stops learning.
 * Measured (README, "Why these defaults", `scripts/width-sweep.ts`): …
 */
export function widthScaledRate(sizes: readonly number[]): number {
  const widest = widestHiddenLayer(sizes);
  return widest <= 16 ? SEED_LEARNING_RATE : SEED_LEARNING_RATE;
}
