import type { Rng } from '../core/rng.js';
import type { Dataset } from '../data/dataset.js';
import { DigitlabError } from '../errors.js';
import { AugmentAhead } from './augment-ahead.js';
import type { StepResult, TrainingBackend } from './backend.js';
import { type DropoutBackend, DropoutMasks, supportsDropout } from './dropout.js';
import type { TrainingSettings } from '../model/training-settings.js';

/**
 * What a mini-batch step is fed besides its learning rate: the batch's images — the training
 * set itself, or (with augmentation) freshly distorted copies, the next batch distorted ahead
 * while this one trains — and (with dropout) the step's masks. Every random number is drawn
 * from the trainer's rng in one fixed order per step: the batch's distortions, then its
 * dropout masks, so the same seed gives the same steps whatever the backend.
 */
export class BatchFeed {
  /** Augmentation, a batch ahead when the backend has idle moments for it (null: none). */
  private readonly augmenter: AugmentAhead | null;
  private readonly dropout: { readonly backend: DropoutBackend; readonly masks: DropoutMasks } | null;
  /** 0, 1, 2, …: the rows of an augmented batch (its images are in batch order). */
  private readonly identity: Uint32Array;

  /** The feed of `settings`' steps on `train`, trained by `backend`. Throws a DigitlabError when the backend cannot do dropout and the settings ask for it. */
  constructor(
    private readonly settings: TrainingSettings,
    private readonly train: Dataset,
    private readonly backend: TrainingBackend,
  ) {
    const augment = settings.augment ?? 'none';
    this.augmenter = augment === 'none' ? null : new AugmentAhead(augment, train.rows, train.cols, settings.batchSize, backend.warp ?? null);
    const ahead = this.augmenter;
    if (ahead) backend.setIdleWork?.(() => ahead.work());
    this.identity = new Uint32Array(settings.batchSize).map((_, i) => i);
    const drop = settings.dropout ?? 0;
    if (drop > 0 && !supportsDropout(backend)) throw new DigitlabError(`dropout: the ${backend.name} backend does not support dropout`);
    this.dropout = drop > 0 && supportsDropout(backend) ? { backend, masks: new DropoutMasks(settings.sizes, settings.batchSize, drop) } : null;
  }

  /**
   * One step on examples order[start … start+count) with learning rate `learningRate`; when
   * `next` is true, the following batch of this epoch starts being distorted ahead.
   */
  step(order: Uint32Array, start: number, count: number, rng: Rng, learningRate: number, next: boolean): StepResult {
    const { augmenter, train, settings } = this;
    // Augmentation: the batch's images distorted afresh (same rng), as a small data set of its own.
    const batch = augmenter ? augmenter.take(train, order, start, count, rng) : train;
    const indices = augmenter ? this.identity : order;
    const first = augmenter ? 0 : start;
    if (this.dropout) this.dropout.masks.draw(rng, count);
    // The next batch of this epoch may be distorted while this one trains: its draws are the rng's next anyway.
    if (augmenter && next) {
      const from = start + settings.batchSize;
      augmenter.prepare(train, order, from, Math.min(settings.batchSize, train.count - from), rng);
    }
    return this.dropout
      ? this.dropout.backend.trainMiniBatchDropout(batch, indices, first, count, learningRate, this.dropout.masks)
      : this.backend.trainMiniBatch(batch, indices, first, count, learningRate);
  }

  /** Forgets the batch being distorted ahead (the trainer's state was replaced). */
  cancel(): void {
    this.augmenter?.cancel();
  }
}
