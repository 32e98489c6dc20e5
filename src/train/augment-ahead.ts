import { Rng } from '../core/rng.js';
import { type AugmentName, DEFAULT_AFFINE, DEFAULT_ELASTIC } from '../data/augment.js';
import { Augmenter, type BatchWarp } from '../data/augmenter.js';
import type { Dataset } from '../data/dataset.js';

/** Images distorted per piece of idle work (a piece is ~25 µs each for 28 × 28 images with the kernels' warp). */
const IMAGES_PER_PIECE = 1;

/** The next batch, being distorted ahead: which batch, from which rng state, how far. */
interface Pending {
  readonly data: Dataset;
  readonly order: Uint32Array;
  readonly start: number;
  readonly count: number;
  /** The trainer's rng state when the preparation began: the batch is only valid if it is still that. */
  readonly from: readonly number[];
  /** A copy of the rng the preparation draws from (the trainer's own stays put until the batch is taken). */
  readonly rng: Rng;
  readonly augmenter: Augmenter;
  done: number;
}

/**
 * Augmentation one mini-batch ahead. While a two-thread step runs, the training thread waits
 * at the stages' meeting points for the helper (src/fast/helper-pool.ts); those waits distort
 * the next batch's images, a piece at a time (`work`). The next batch is taken (`take`) as if
 * it were distorted then and there: the same random numbers in the same order — drawn from a
 * copy of the trainer's rng, which moves on only when the batch is taken, and only if nothing
 * else drew from it meanwhile — so the bits do not depend on how much was done ahead (nothing,
 * on one thread). Two buffers: the batch being trained on is never written.
 */
export class AugmentAhead {
  private readonly buffers: [Augmenter, Augmenter];
  /** Index of the buffer the last taken batch lives in. */
  private last = 1;
  private pending: Pending | null = null;

  /** Batches of up to `capacity` images of rows × cols pixels, distorted by `kind` (pixel work in `engine` when given). */
  constructor(kind: AugmentName, rows: number, cols: number, capacity: number, engine: BatchWarp | null) {
    const make = (): Augmenter => new Augmenter(kind, rows, cols, capacity, DEFAULT_AFFINE, DEFAULT_ELASTIC, engine);
    this.buffers = [make(), make()];
  }

  /**
   * Examples order[start … start+count) of `data`, distorted, drawing from `rng`: the batch
   * prepared ahead when it is this one (what is left of it done now), else made now.
   */
  take(data: Dataset, order: Uint32Array, start: number, count: number, rng: Rng): Dataset {
    const p = this.pending;
    this.pending = null;
    if (p && p.data === data && p.order === order && p.start === start && p.count === count && sameState(rng.getState(), p.from)) {
      p.augmenter.distort(data, order, start, p.done, count, p.rng);
      rng.setState(p.rng.getState());
      this.last = this.buffers.indexOf(p.augmenter);
      return p.augmenter.view(data, count);
    }
    const augmenter = this.free();
    this.last = this.buffers.indexOf(augmenter);
    return augmenter.batch(data, order, start, count, rng);
  }

  /** Starts distorting examples order[start … start+count) ahead, from `rng`'s present state (which is left unchanged). */
  prepare(data: Dataset, order: Uint32Array, start: number, count: number, rng: Rng): void {
    const from = rng.getState();
    const copy = new Rng(0);
    copy.setState(from);
    this.pending = { data, order, start, count, from, rng: copy, augmenter: this.free(), done: 0 };
  }

  /** Forgets the batch being prepared (the trainer's state was replaced). */
  cancel(): void {
    this.pending = null;
  }

  /** One piece of the preparation; false when there is nothing (left) to do. */
  work(): boolean {
    const p = this.pending;
    if (!p || p.done >= p.count) return false;
    const to = Math.min(p.count, p.done + IMAGES_PER_PIECE);
    p.augmenter.distort(p.data, p.order, p.start, p.done, to, p.rng);
    p.done = to;
    return true;
  }

  /** The buffer the last taken batch is not in. */
  private free(): Augmenter {
    return this.buffers[1 - this.last];
  }
}

function sameState(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
