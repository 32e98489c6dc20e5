import type { HiddenActivationName } from '../core/activations.js';
import type { PartialSettings, TrainingSettings } from '../model/training-settings.js';
import { defaultLearningRate, widestHiddenLayer } from './defaults.js';
import { takeFirst } from '../data/dataset.js';
import { type LearningMeasurement, MEASURED_EXAMPLES } from './learning-measure.js';
import type { Trainer } from './trainer.js';

/**
 * Names a network that has stopped learning, from a `LearningMeasurement` taken after an
 * epoch (the CLI) or every few hundred mini-batches (the Lab), whatever the size of the data
 * set: hidden neurons saturated or dead are named at once; answers all of one class (or
 * saturated outputs) from DIAGNOSIS_MIN_STEPS (300) mini-batches on, or at the end of a shorter run.
 * Pure and browser-safe: it returns numbers and names, each face words them (the CLI in
 * English, the Lab in its languages).
 */

/** What is wrong, most telling first. */
export type LearningProblem =
  /** Most hidden sigmoids or tanh neurons sit where f′(z) ≈ 0: no gradient flows back through them. */
  | 'saturated-hidden'
  /** Most hidden ReLUs output 0 on every example (z ≤ 0): dead, they pass no gradient. */
  | 'dead-hidden'
  /** Most output neurons are saturated: with the quadratic cost their error signal σ′(z)(a − y) vanishes. */
  | 'saturated-output'
  /** Nearly every answer is the same class. */
  | 'one-class'
  /** The accuracy is no better than guessing. */
  | 'chance';

/**
 * The likely cause, judged from the learning rate against the default for the network; or, for
 * a run that ended before DIAGNOSIS_MIN_STEPS (300) mini-batches at a sound rate, that it was too short.
 */
export type LikelyCause = 'learning-rate-too-large' | 'learning-rate-too-small' | 'too-few-steps' | 'unclear';

/** A run that is not learning: what was seen, why it probably happens, and what to try. */
export interface LearningDiagnosis {
  readonly problem: LearningProblem;
  readonly cause: LikelyCause;
  readonly measurement: LearningMeasurement;
  readonly activation: HiddenActivationName;
  /** The widest hidden layer (the rate's default scales with it). */
  readonly widestHidden: number;
  readonly learningRate: number;
  /** Mini-batch steps the run had taken when measured. */
  readonly steps: number;
  /** Settings to change, to try next (e.g. `{ learningRate: 0.72 }`, or `{ epochs: 30 }` for a run too short). */
  readonly suggested: PartialSettings;
}

/** The run the measurement ends: it stops after `epochs` epochs (so a short run is judged now or never). */
export interface RunEnd {
  readonly epochs: number;
}

/**
 * Mini-batch steps before answers of one class are judged: a healthy network needs a few
 * hundred to leave its starting plateau. Measured on 5,000 MNIST images: the seed's
 * 784-16-16-10 answers one class until about 20 steps and passes 80 % after 300; 784-64-64-10
 * answers 85 % one class with 6 of 10 outputs saturated at 50 steps, and none at 200. Saturated
 * or dead hidden neurons were never seen in a healthy run at any step (the initial weights keep
 * z near 0), so they are named from the first measurement on.
 */
export const DIAGNOSIS_MIN_STEPS = 300;
/** Below this accuracy a network is judged "not learning" (after one epoch every healthy run measured was above 70 %). */
export const NOT_LEARNING_ACCURACY = 0.5;
/** Share of hidden (or output) neurons that, saturated, make the problem. */
export const SATURATED_SHARE = 0.5;
/** Share of answers in one class that makes "nearly every answer is one class". */
export const ONE_CLASS_SHARE = 0.9;
/** "At chance": accuracy below this many times 1/classes. */
export const CHANCE_FACTOR = 2;

/**
 * The problem of a run measured as `m` after `steps` mini-batches, or null when it is
 * learning, or when it is too early to tell. Before DIAGNOSIS_MIN_STEPS (300) only saturated or dead
 * hidden neurons are named, unless the run ends here (`end`): then saturated outputs and
 * answers of one class are named too (an accuracy merely low is not), and when the rate is
 * sound the cause is that the run was too short.
 */
export function diagnoseLearning(m: LearningMeasurement, settings: TrainingSettings, steps: number, end?: RunEnd): LearningDiagnosis | null {
  if (!(m.examples > 0) || m.accuracy >= NOT_LEARNING_ACCURACY) return null;
  const early = steps < DIAGNOSIS_MIN_STEPS;
  const problem = problemOf(m, settings.activation);
  if (problem === null || (early && !isHidden(problem) && (end === undefined || problem === 'chance'))) return null;
  const recommended = defaultLearningRate(settings);
  const rate = settings.learningRate;
  const byRate: LikelyCause = rate >= 1.5 * recommended ? 'learning-rate-too-large' : rate <= recommended / 20 ? 'learning-rate-too-small' : 'unclear';
  const cause: LikelyCause = byRate === 'unclear' && early && !isHidden(problem) ? 'too-few-steps' : byRate;
  // A rate near the default that still fails: a tenth of it is the next thing to try.
  const suggested: PartialSettings =
    cause === 'too-few-steps'
      ? { epochs: Math.ceil(((end?.epochs ?? 1) * DIAGNOSIS_MIN_STEPS) / Math.max(1, steps)) }
      : { learningRate: cause === 'unclear' ? significant(rate / 10) : recommended };
  return {
    problem,
    cause,
    measurement: m,
    activation: settings.activation,
    widestHidden: widestHiddenLayer(settings.sizes),
    learningRate: rate,
    steps,
    suggested,
  };
}

function problemOf(m: LearningMeasurement, activation: HiddenActivationName): LearningProblem | null {
  if (m.hiddenNeurons > 0 && m.saturatedNeurons >= SATURATED_SHARE * m.hiddenNeurons) return activation === 'relu' ? 'dead-hidden' : 'saturated-hidden';
  if (m.outputNeurons > 0 && m.saturatedOutputs >= SATURATED_SHARE * m.outputNeurons) return 'saturated-output';
  if (m.topClassShare >= ONE_CLASS_SHARE) return 'one-class';
  if (m.accuracy < CHANCE_FACTOR / m.classes) return 'chance';
  return null;
}

/** Problems of the hidden layers: their gradient has vanished, which no number of steps mends. */
function isHidden(problem: LearningProblem): boolean {
  return problem === 'saturated-hidden' || problem === 'dead-hidden';
}

/** Two significant digits: 0.4512 → 0.45. */
function significant(x: number): number {
  return Number(x.toPrecision(2));
}

/**
 * Whether a run plainly learns: the trainer's own (fast) answers on the examples
 * `measureLearning` looks at are right well above NOT_LEARNING_ACCURACY, where
 * `diagnoseLearning` finds nothing wrong, so its measurement — the reference forward pass, which
 * costs seconds for a wide network — can be skipped (the CLI after an epoch, the Lab every few
 * hundred mini-batches). The margin covers the few answers that float rounding may turn between
 * the two paths.
 */
export function plainlyLearning(trainer: Trainer): boolean {
  return trainer.evaluate(takeFirst(trainer.train, MEASURED_EXAMPLES)) >= NOT_LEARNING_ACCURACY + 0.05;
}
