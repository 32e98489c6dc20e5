import type { Dataset, DatasetPair } from '../data/dataset.js';
import type { TrainingSettings } from '../model/training-settings.js';
import { type BackendFactory, Trainer } from '../train/trainer.js';

/** Per-epoch and per-step measurements of one training run: what the experiments plot. */
export interface TrainingCurves {
  /** 1, 2, … epochs. */
  readonly epochs: number[];
  /** Mean cost over each epoch's mini-batches (each measured before its own step). */
  readonly cost: number[];
  /**
   * Fraction right on the whole training set after each epoch, measured with the parameters
   * at the end of the epoch (so memorisation shows as it is, not averaged over the epoch).
   */
  readonly trainAccuracy: number[];
  /** Fraction right on the test set after each epoch. */
  readonly testAccuracy: number[];
  /** Mini-batch steps done at the end of each epoch (x axis "steps" of the charts). */
  readonly stepsAtEpoch: number[];
  /** Cost of the mini-batches averaged over groups of `stepsPerPoint` steps: the fine cost curve. */
  readonly stepCost: number[];
  /** The step count at the end of each `stepCost` group. */
  readonly stepCostAt: number[];
  /** Wall seconds of training and evaluation. */
  readonly seconds: number;
  /** Which backend ran it ("wasm", "reference"). */
  readonly backend: string;
}

/** Options of `trainWithCurves`. */
export interface CurveOptions {
  /** The fast kernels or another backend; default: the reference TypeScript backend. */
  readonly backend?: BackendFactory;
  /** Steps averaged into one point of the fine cost curve (default: about 100 points per run). */
  readonly stepsPerPoint?: number;
  /** Told after every epoch (for progress bars and live Lab charts). */
  readonly onEpoch?: (epoch: number, curves: TrainingCurves) => void;
}

/**
 * Trains a fresh network with `settings` on `data` and records its curves. The training
 * accuracy is re-measured over the whole training set after each epoch because, when
 * memorising random labels, the running average during the epoch lags far behind.
 */
export function trainWithCurves(settings: TrainingSettings, data: DatasetPair, options: CurveOptions = {}): TrainingCurves {
  const t0 = performance.now();
  const trainer = new Trainer(settings, data, { backend: options.backend });
  const stepsPerPoint =
    options.stepsPerPoint ?? Math.max(1, Math.round((trainer.batchesPerEpoch * settings.epochs) / 100));
  const curves = {
    epochs: [] as number[],
    cost: [] as number[],
    trainAccuracy: [] as number[],
    testAccuracy: [] as number[],
    stepsAtEpoch: [] as number[],
    stepCost: [] as number[],
    stepCostAt: [] as number[],
    seconds: 0,
    backend: trainer.backendName,
  };
  let steps = 0;
  let groupSum = 0;
  let groupCount = 0;
  try {
    for (let e = 1; e <= settings.epochs; e++) {
      do {
        const batch = trainer.step();
        steps++;
        groupSum += batch.cost;
        groupCount++;
        if (groupCount === stepsPerPoint) {
          curves.stepCost.push(groupSum / groupCount);
          curves.stepCostAt.push(steps);
          groupSum = 0;
          groupCount = 0;
        }
      } while (trainer.batchesDone !== 0);
      const epoch = trainer.lastEpoch;
      if (!epoch) throw new Error('trainWithCurves: the trainer finished an epoch without reporting it');
      curves.epochs.push(e);
      curves.cost.push(epoch.trainCost);
      curves.trainAccuracy.push(trainer.evaluate(data.train));
      curves.testAccuracy.push(epoch.testAccuracy);
      curves.stepsAtEpoch.push(steps);
      curves.seconds = (performance.now() - t0) / 1000;
      options.onEpoch?.(e, curves);
    }
  } finally {
    trainer.dispose();
  }
  if (groupCount > 0) {
    curves.stepCost.push(groupSum / groupCount);
    curves.stepCostAt.push(steps);
  }
  curves.seconds = (performance.now() - t0) / 1000;
  return curves;
}

/** A copy of `data` whose labels are the same labels in a random order (class counts kept). */
export function withShuffledLabels(data: Dataset, shuffle: (labels: Uint8Array) => void): Dataset {
  const labels = data.labels.slice();
  shuffle(labels);
  return { ...data, labels };
}

/** One training run of an experiment: its name (in progress lines and results), settings and data. */
export interface CurveRun {
  readonly name: string;
  readonly settings: TrainingSettings;
  readonly data: DatasetPair;
}

/**
 * An experiment made of independent training runs: the runs, and how their curves (in the
 * order of `runs`) become its result. `trainInTurn` trains them one after another on this
 * thread; the CLI trains them at once, one per core (src/cli/experiments/parallel-runs.ts) —
 * each run's curves are the same either way, bit for bit, but for their seconds.
 */
export interface CurvePlan<R> {
  readonly runs: readonly CurveRun[];
  finish(curves: readonly TrainingCurves[]): R;
}

/** Trains a plan's runs one after another on this thread and returns its result. */
export function trainInTurn<R>(plan: CurvePlan<R>, options: { backend?: BackendFactory; onEpoch?: (run: string, epoch: number, curves: TrainingCurves) => void } = {}): R {
  return plan.finish(plan.runs.map((r) => trainWithCurves(r.settings, r.data, { backend: options.backend, onEpoch: (e, c) => options.onEpoch?.(r.name, e, c) })));
}
