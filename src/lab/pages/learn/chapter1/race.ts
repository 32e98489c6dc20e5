import type { HiddenActivationName } from '../../../../core/activations.js';
import type { DatasetPair } from '../../../../data/dataset.js';
import { activationSettings } from '../../../../experiments/activations.js';
import { type BackendFactory, Trainer } from '../../../../train/trainer.js';

/**
 * The race of chapter 1's last section: the same 784-16-16-10 network trained with each hidden
 * activation at the settings fair to it (`activationSettings`, src/experiments/activations.ts:
 * σ Xavier η 3, ReLU He η 0.3, plain SGD, batch 100, seed 1), the whole test set scored every
 * `every` mini-batches, until each run has reached the target test accuracy or `maxEpochs`
 * have passed. Pure: the page's Worker runs it, and the browser test runs it in Node to check
 * the page's numbers.
 */
export interface RaceOptions {
  readonly activations: readonly HiddenActivationName[];
  /** Test accuracy to reach (0.9 = 90 %). */
  readonly target: number;
  /** Mini-batches between two scorings of the test set. */
  readonly every: number;
  readonly maxEpochs: number;
  readonly seed: number;
}

/** The race the course runs. */
export const RACE_DEFAULTS: RaceOptions = { activations: ['sigmoid', 'relu'], target: 0.9, every: 20, maxEpochs: 3, seed: 1 };

/** One point of a run's test-accuracy curve. */
export interface RacePoint {
  readonly activation: HiddenActivationName;
  /** Training images seen so far. */
  readonly examples: number;
  readonly accuracy: number;
}

/** How each run did: the images it needed to reach the target (null: it did not within the race). */
export interface RaceResult {
  readonly target: number;
  readonly runs: readonly { readonly activation: HiddenActivationName; readonly learningRate: number; readonly examplesToTarget: number | null; readonly finalAccuracy: number }[];
}

/**
 * Runs the race on `data`, reporting every scoring to `onPoint` (the runs take turns, one
 * mini-batch each, so both curves grow together).
 */
export function runRace(data: DatasetPair, options: RaceOptions = RACE_DEFAULTS, onPoint: (p: RacePoint) => void = () => {}, backend?: BackendFactory): RaceResult {
  const runs = options.activations.map((activation) => {
    const settings = activationSettings(activation, { seed: options.seed, epochs: options.maxEpochs });
    return { activation, settings, trainer: new Trainer(settings, data, { backend }), reached: null as number | null, last: NaN, batches: 0 };
  });
  const maxBatches = options.maxEpochs * runs[0].trainer.batchesPerEpoch;
  for (const run of runs) {
    run.last = run.trainer.evaluate(data.test);
    onPoint({ activation: run.activation, examples: 0, accuracy: run.last });
  }
  while (runs.some((r) => r.reached === null && r.batches < maxBatches)) {
    for (const run of runs) {
      if (run.reached !== null || run.batches >= maxBatches) continue;
      run.trainer.step();
      run.batches++;
      if (run.batches % options.every !== 0) continue;
      run.last = run.trainer.evaluate(data.test);
      const examples = run.trainer.examplesSeen;
      onPoint({ activation: run.activation, examples, accuracy: run.last });
      if (run.last >= options.target) run.reached = examples;
    }
  }
  for (const run of runs) run.trainer.dispose();
  return {
    target: options.target,
    runs: runs.map((r) => ({ activation: r.activation, learningRate: r.settings.learningRate, examplesToTarget: r.reached, finalAccuracy: r.last })),
  };
}
