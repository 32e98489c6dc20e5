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
  readonly activation: HiddenActivationName;
  readonly optimizer: OptimizerName;
}

/**
 * Plain SGD's rate for each hidden activation with the seed's recipe otherwise (quadratic
 * cost, sigmoid output, batch 100), at the seed's 16-wide layers: sigmoid 4.5; tanh and ReLU,
 * steeper and unbounded, need far less (best of η 0.03–3 on validation: tanh 0.3, ReLU 0.1;
 * at 4.5 both die). Tanh's and ReLU's stay best at 100 wide; the sigmoid's follows the width rule.
 */
export const SGD_LEARNING_RATES: Readonly<Record<HiddenActivationName, number>> = { sigmoid: SEED_LEARNING_RATE, tanh: 0.3, relu: 0.1 };

/** Momentum (μ = 0.9) takes steps about 1/(1 − μ) = 10 times SGD's, so its rate is a tenth of SGD's (measured at 16 wide: sigmoid 0.45, tanh 0.03, ReLU 0.01 are each within 1 % of the best). */
export const MOMENTUM_RATE_FACTOR = 0.1;

/**
 * The default η: Adam's 0.001; for SGD the activation's rate (`SGD_LEARNING_RATES`), for
 * sigmoid layers scaled down when they are wider than 28 (`widthScaledRate`); for momentum a
 * tenth of that. The source document's network (sigmoid, SGD, 16 wide) gets its 4.5.
 */
export function defaultLearningRate(context: LearningRateContext): number {
  if (context.optimizer === 'adam') return ADAM_LEARNING_RATE;
  const sgd = context.activation === 'sigmoid' ? widthScaledRate(context.sizes) : SGD_LEARNING_RATES[context.activation];
  return context.optimizer === 'momentum' ? Number((sgd * MOMENTUM_RATE_FACTOR).toPrecision(2)) : sgd;
}

/** The widest hidden layer of `sizes` (0 for a network without hidden layers). */
export function widestHiddenLayer(sizes: readonly number[]): number {
  return Math.max(0, ...sizes.slice(1, -1));
}

/** η × width at which the seed recipe's rate is set for layers wider than WIDTH_RULE_FROM (measured, see below). */
export const RATE_TIMES_WIDTH = 128;
/** Hidden layers up to this wide keep the seed's η (128 / 28 ≈ 4.6 > 4.5). */
export const WIDTH_RULE_FROM = 28;

/**
 * The seed recipe's η for a network's hidden widths: the seed's 4.5 up to 28 neurons, then
 * 128 / w for a widest hidden layer of w neurons (two significant digits): 64 → 2, 100 → 1.3,
 * 256 → 0.5, 512 → 0.25.
 *
 * Why: a step of plain gradient descent moves an output neuron's z by about η·δ·Σ a², summed
 * over the neurons feeding it, so with the same η a wider layer takes a larger step — until
 * the output sigmoids are driven into saturation in the first mini-batches, where the
 * quadratic cost's error signal σ′(z)(a − y) vanishes and every answer becomes one class.
 * Measured (scripts/width-sweep.ts, README "Why these defaults"), the rate where that happens
 * falls as 1/w: near η·w ≈ 200–250 (64-wide dies at η 3, 256-wide at 1, 512-wide at 0.5);
 * η·w = 128 stays clear of it and is within 0.5 % of each width's best validation accuracy.
 */
export function widthScaledRate(sizes: readonly number[]): number {
  const widest = widestHiddenLayer(sizes);
  return widest <= WIDTH_RULE_FROM ? SEED_LEARNING_RATE : Number((RATE_TIMES_WIDTH / widest).toPrecision(2));
}
