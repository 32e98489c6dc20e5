import { accuracy, confusionMatrix, perClassAccuracy } from '../core/metrics.js';
import type { Network } from '../core/network.js';
import type { Model } from '../model/model-file.js';
import type { TrainingSettings } from '../model/training-settings.js';
import type { EpochEvent } from './events.js';
import type { Trainer } from './trainer.js';

/** What a finished (or stopped) run leaves: its network and its last measurements. */
export interface RunResult {
  readonly network: Network;
  /** The last epoch's summary; with early stopping, its test and validation accuracy are the kept epoch's. */
  readonly last?: EpochEvent;
  /** With a validation split: the epoch whose parameters were kept (best validation accuracy), else null. */
  readonly bestEpoch: number | null;
  /** Whether early stopping ended the run before its planned epochs. */
  readonly stoppedEarly: boolean;
  /** The kept network's accuracy on each class of the test set (empty without a test set), by the trainer's own backend. */
  readonly testPerClass: readonly number[];
}

/**
 * Ends a run: with a validation split, puts back the parameters of the epoch the validation
 * set chose (early stopping) and measures the test set again with them.
 */
export function finishRun(trainer: Trainer): RunResult {
  let last = trainer.lastEpoch;
  const restored = trainer.restoreBest();
  const bestEpoch = restored !== null && last && trainer.earlyStopping ? restored : null;
  const { test } = trainer;
  // One pass of the fast path over the test set, for the kept parameters.
  const predictions = test.count > 0 ? trainer.predict(test) : new Uint8Array(0);
  if (bestEpoch !== null && last && trainer.earlyStopping) {
    const validationAccuracy = trainer.earlyStopping.bestAccuracy;
    const testAccuracy = test.count > 0 ? accuracy(predictions, test.labels) : NaN;
    last = { ...last, testAccuracy, validationAccuracy };
  }
  const testPerClass = test.count > 0 ? perClassAccuracy(confusionMatrix(predictions, test.labels, trainer.settings.sizes.at(-1) ?? 0)) : [];
  return { network: trainer.network(), last, bestEpoch, stoppedEarly: trainer.stoppedEarly, testPerClass };
}

/** The model file's content for a run's result: no timings in it, so the same seed gives the same bytes. */
export function trainedModel(settings: TrainingSettings, result: RunResult, classNames: readonly string[], source: string): Model {
  const { last } = result;
  return {
    network: result.network,
    cost: settings.cost,
    settings,
    metrics: last ? { testAccuracy: last.testAccuracy, trainCost: last.trainCost, trainAccuracy: last.trainAccuracy, epochs: last.epoch } : { epochs: 0 },
    classNames,
    data: source,
  };
}
