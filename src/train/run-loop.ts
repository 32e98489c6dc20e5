import type { BatchEvent, EpochEvent } from './events.js';
import type { Trainer } from './trainer.js';

/** What a caller of `trainEpochs` hears and decides. All optional. */
export interface EpochLoopHooks {
  /** Before an epoch's first mini-batch (or a resumed epoch's next one): e.g. to start a progress bar. */
  readonly onEpochStart?: (trainer: Trainer) => void;
  /** After each mini-batch, with its cost and the examples seen so far. */
  readonly onBatch?: (event: BatchEvent) => void;
  /** After each epoch (test and validation measured); may be async, e.g. a checkpoint write. A throw ends the loop. */
  readonly onEpoch?: (event: EpochEvent) => Promise<void> | void;
  /** Checked after every mini-batch: true stops the run there, between two mini-batches. */
  readonly shouldStop?: () => boolean;
  /** Between mini-batches: a promise to wait for (to let timers and signals in), or null to go on. */
  readonly pause?: () => Promise<void> | null;
}

/** How `trainEpochs` ended: every planned epoch done (or early stopping), or stopped on request. */
export type LoopEnd = 'done' | 'stopped';

/**
 * Trains a run to its end — the planned epochs, or fewer when early stopping says so — one
 * mini-batch at a time, so that a stop request lands between two mini-batches and a checkpoint
 * taken then resumes exactly. Browser-safe: the waiting and the stopping are the caller's
 * (`pause`, `shouldStop`). Errors of the trainer (a diverged run) are thrown as they are.
 */
export async function trainEpochs(trainer: Trainer, hooks: EpochLoopHooks = {}): Promise<LoopEnd> {
  while (trainer.epochsDone < trainer.settings.epochs && !trainer.stoppedEarly) {
    hooks.onEpochStart?.(trainer);
    do {
      const batch = trainer.step();
      hooks.onBatch?.(batch);
      const wait = hooks.pause?.();
      if (wait) await wait;
      if (hooks.shouldStop?.()) return 'stopped';
    } while (trainer.batchesDone !== 0);
    await hooks.onEpoch?.(trainer.lastEpoch as EpochEvent);
  }
  return 'done';
}
