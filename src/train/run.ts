import { resolve } from 'node:path';
import { DigitlabError } from '../errors.js';
import { saveModel } from '../model/model-io.js';
import type { BatchEvent, EpochEvent } from './events.js';
import { saveCheckpoint } from './checkpoint-file.js';
import { diagnoseLearning, type LearningDiagnosis, plainlyLearning } from './learning-diagnosis.js';
import { measureLearning } from './learning-measure.js';
import { trainEpochs } from './run-loop.js';
import type { RunPlan } from './run-plan.js';
import { finishRun, type RunResult, trainedModel } from './run-result.js';
import { eventLoopYielder, type StopSignal, watchStopSignals } from './stop-signals.js';
import { type BackendFactory, Trainer } from './trainer.js';

/** What the caller hears while a run trains (all optional): the CLI prints these. */
export interface RunOptions {
  /** Which implementation trains (default: the reference backend). */
  readonly backend?: BackendFactory;
  /** The trainer is built (and resumed) and about to train. */
  readonly onStart?: (trainer: Trainer) => void;
  /** Before an epoch's first mini-batch (or a resumed epoch's next one). */
  readonly onEpochStart?: (trainer: Trainer) => void;
  /** After each mini-batch. */
  readonly onBatch?: (event: BatchEvent) => void;
  /** After each epoch, with the diagnosis of a network that stopped learning (at most once per run; see `diagnoseLearning`), else null. */
  readonly onEpoch?: (event: EpochEvent, diagnosis: LearningDiagnosis | null) => void;
  /** The run has ended and is about to be saved. */
  readonly onFinish?: (result: RunResult) => void;
}

/** How a run ended: finished and saved, or stopped by a signal (checkpoint saved when there is one). */
export type RunOutcome =
  | { readonly kind: 'finished'; readonly result: RunResult }
  | { readonly kind: 'stopped'; readonly signal: StopSignal; readonly epoch: number; readonly batch: number };

/**
 * Trains a planned run to its end in Node: checkpoints after every epoch; on Ctrl-C / SIGTERM
 * stops after the current mini-batch and saves the checkpoint; diagnoses a network that stops
 * learning; at the end keeps the best-validation epoch (with a validation split) and saves the
 * model. Failures are one-line DigitlabErrors that say what was kept:
 * - the run diverged: nothing is written; the last good checkpoint stays;
 * - a checkpoint write failed (disk full, read-only): the last good checkpoint stays, and the
 *   model trained so far is saved to the model file if that works — the message says which;
 * - the model file cannot be written: the old one stays; the checkpoint holds the finished run.
 */
export async function executeRun(plan: RunPlan, options: RunOptions = {}): Promise<RunOutcome> {
  const trainer = new Trainer(plan.settings, plan.pair, { backend: options.backend }, plan.resumed?.state.network);
  try {
    if (plan.resumed) trainer.setState(plan.resumed.state);
    const keeper = new CheckpointKeeper(plan, trainer);
    // Watched from before the first line that says training has begun.
    const signals = watchStopSignals();
    let diagnosed = false;
    try {
      options.onStart?.(trainer);
      const end = await trainEpochs(trainer, {
        onEpochStart: options.onEpochStart,
        onBatch: options.onBatch,
        pause: eventLoopYielder(),
        shouldStop: () => signals.received() !== null,
        onEpoch: async (event) => {
          const steps = Math.ceil(trainer.examplesSeen / trainer.settings.batchSize);
          // The last epoch is the last chance to name a short run, whatever the size of its data set.
          const end = trainer.epochsDone >= trainer.settings.epochs || trainer.stoppedEarly ? { epochs: trainer.epochsDone } : undefined;
          const diagnosis = diagnosed || plainlyLearning(trainer) ? null : diagnoseLearning(measureLearning(trainer.network(), trainer.train), trainer.settings, steps, end);
          diagnosed ||= diagnosis !== null;
          options.onEpoch?.(event, diagnosis);
          await keeper.save();
        },
      });
      const signal = signals.received();
      if (end === 'stopped' && signal) {
        await keeper.save();
        return { kind: 'stopped', signal, epoch: trainer.epochsDone + (trainer.batchesDone ? 1 : 0), batch: trainer.batchesDone || trainer.batchesPerEpoch };
      }
    } catch (e) {
      throw await failure(e, plan, trainer, keeper);
    } finally {
      signals.dispose();
    }
    const result = finishRun(trainer);
    options.onFinish?.(result);
    try {
      await saveModel(plan.out, trainedModel(plan.settings, result, plan.classNames, plan.pair.source));
    } catch (e) {
      if (!(e instanceof DigitlabError) || !plan.checkpoint) throw e;
      throw new DigitlabError(`${e.message}; the finished run is kept in ${plan.checkpoint} (resume it with another --out to save the model)`);
    }
    return { kind: 'finished', result };
  } finally {
    trainer.dispose();
  }
}

/** A checkpoint that could not be written; its message names the file, the place in the run and the reason. */
class CheckpointWriteError extends Error {}

/** Saves the run's checkpoint (when it has one) and remembers the last one that was written. */
class CheckpointKeeper {
  /** Where the last good checkpoint stands, or null when this run has none yet. */
  last: { readonly epoch: number; readonly batch: number } | null;

  constructor(
    private readonly plan: RunPlan,
    private readonly trainer: Trainer,
  ) {
    this.last = plan.resumed ? { epoch: plan.resumed.state.epochsDone, batch: plan.resumed.state.batchesDone } : null;
  }

  async save(): Promise<void> {
    const { plan, trainer } = this;
    if (!plan.checkpoint) return;
    const checkpoint = { settings: plan.settings, classNames: plan.classNames, data: plan.data, out: resolve(plan.out), backend: trainer.backendName, state: trainer.getState() };
    try {
      await saveCheckpoint(plan.checkpoint, checkpoint);
    } catch (e) {
      // writeFileAtomic says "FILE: cannot write (REASON)"; the reason is what the line needs.
      const reason = /\(([^()]*)\)$/.exec((e as Error).message)?.[1] ?? (e as Error).message;
      const at = trainer.batchesDone === 0 ? `epoch ${trainer.epochsDone}` : `epoch ${trainer.epochsDone + 1}, mini-batch ${trainer.batchesDone}`;
      throw new CheckpointWriteError(`${plan.checkpoint}: cannot save the checkpoint after ${at} (${reason})`, { cause: e });
    }
    this.last = { epoch: trainer.epochsDone, batch: trainer.batchesDone };
  }

  /** "end of epoch 2", "epoch 3, mini-batch 120". */
  describeLast(): string {
    const at = this.last;
    if (!at) return 'none';
    return at.batch === 0 ? `end of epoch ${at.epoch}` : `epoch ${at.epoch + 1}, mini-batch ${at.batch}`;
  }
}

/** The one-line error for a run that failed mid-way, after saving what can be saved. */
async function failure(e: unknown, plan: RunPlan, trainer: Trainer, keeper: CheckpointKeeper): Promise<unknown> {
  if (e instanceof CheckpointWriteError) {
    const kept = keeper.last ? `the last good checkpoint (${keeper.describeLast()}) is kept` : 'no checkpoint of this run was saved';
    let model: string;
    try {
      const result = finishRun(trainer);
      await saveModel(plan.out, trainedModel(plan.settings, result, plan.classNames, plan.pair.source));
      const accuracy = result.last && Number.isFinite(result.last.testAccuracy) ? `, test accuracy ${(100 * result.last.testAccuracy).toFixed(2)} %` : '';
      model = `the model trained so far (${result.last?.epoch ?? 0} epochs${accuracy}) is saved to ${plan.out}`;
    } catch (m) {
      model = `the model trained so far could not be saved either (${m instanceof DigitlabError ? m.message : String(m)})`;
    }
    return new DigitlabError(`${e.message}; ${kept}; ${model}`);
  }
  if (!(e instanceof DigitlabError)) return e;
  // Nothing is written now: the last checkpoint stays the last good one, the model file stays as it was.
  const kept = plan.checkpoint && keeper.last ? `; the last good checkpoint (${keeper.describeLast()}) is kept in ${plan.checkpoint}` : '';
  return new DigitlabError(`${e.message}${kept}; ${plan.out} was not written`);
}
