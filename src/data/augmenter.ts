import type { Rng } from '../core/rng.js';
import type { Dataset } from './dataset.js';
import {
  type AffineRange, type AugmentName, BORDER, controlGrid, controlPointCount, DEFAULT_AFFINE, DEFAULT_ELASTIC, drawControlPoints,
  type ElasticRange, inverseTerms, sampleAffine, sampleElasticField, warpImage,
} from './augment.js';

// Augmented mini-batches (the distortions themselves are in augment.ts): the batch's random
// draws in the run's order, the pixels warped here or by a faster engine with the same bytes.

/**
 * One mini-batch's pixel work, handed to a faster engine (the WebAssembly kernels,
 * src/fast/wasm-warp.ts) that does `warpImage`'s and `sampleElasticField`'s arithmetic term
 * for term — the same bytes, in less time. The random numbers are drawn before, here.
 */
export interface WarpJob {
  /** The images to distort: image r starts at byte `sourceOffsets[r]` of `source`. */
  readonly source: Uint8Array;
  readonly sourceOffsets: Int32Array;
  /** Images in the job. */
  readonly count: number;
  /** Each image's height and width in pixels. */
  readonly rows: number;
  readonly cols: number;
  /** Per image r, at 4r: cos(angle)/scale, sin(angle)/scale, dx, dy of its affine map. */
  readonly maps: Float64Array;
  /** With elastic bending: the control points' spacing and grid, and per image r at 2·gx·gy·r its points (x, then y). */
  readonly elastic: { readonly spacing: number; readonly gx: number; readonly gy: number; readonly points: Float64Array } | null;
  /** Where image r's distorted bytes go: from r·rows·cols. */
  readonly target: Uint8Array;
}

/** Does the pixel work of a `WarpJob` (see there). */
export interface BatchWarp {
  /** Writes the job's distorted images into `job.target`. */
  warp(job: WarpJob): void;
}

/**
 * Makes augmented mini-batches: for each example of the batch, a fresh random distortion of
 * kind `kind` drawn from the rng. Holds the buffers of one batch, allocated once.
 */
export class Augmenter {
  /** The batch's distorted images, row after row (bytes). */
  readonly images: Uint8Array;
  /** The batch's labels (the originals: a distortion keeps the digit). */
  readonly labels: Uint8Array;
  private readonly fieldX: Float32Array;
  private readonly fieldY: Float32Array;
  private readonly points: Float64Array;
  private readonly padded: Uint8Array;
  /** The batch's source offsets and random draws, for the engine. */
  private readonly draws: Pick<WarpJob, 'sourceOffsets' | 'maps' | 'elastic'> | null;

  /**
   * An augmenter for batches of up to `capacity` images of rows × cols pixels. With an
   * `engine`, the pixel work goes there (the same bytes); without one it is done here.
   */
  constructor(
    readonly kind: AugmentName,
    readonly rows: number,
    readonly cols: number,
    readonly capacity: number,
    readonly affine: AffineRange = DEFAULT_AFFINE,
    readonly elastic: ElasticRange = DEFAULT_ELASTIC,
    private readonly engine: BatchWarp | null = null,
  ) {
    this.images = new Uint8Array(capacity * rows * cols);
    this.labels = new Uint8Array(capacity);
    this.fieldX = new Float32Array(rows * cols);
    this.fieldY = new Float32Array(rows * cols);
    this.points = new Float64Array(2 * controlPointCount(rows, cols, elastic));
    this.padded = new Uint8Array((rows + 2 * BORDER) * (cols + 2 * BORDER));
    const { gx, gy } = controlGrid(rows, cols, elastic);
    this.draws = engine
      ? {
          sourceOffsets: new Int32Array(capacity),
          maps: new Float64Array(4 * capacity),
          elastic: kind === 'elastic' ? { spacing: elastic.spacing, gx, gy, points: new Float64Array(2 * gx * gy * capacity) } : null,
        }
      : null;
  }

  /**
   * Distorts examples indices[start … start+count) of `data` into `images` / `labels` and
   * returns them as a small data set of `count` examples. A new view object each call, so a
   * backend that caches an encoding of its input by identity sees a new batch every time.
   */
  batch(data: Dataset, indices: ArrayLike<number>, start: number, count: number, rng: Rng): Dataset {
    if (count > this.capacity) throw new RangeError(`augment: batch of ${count} exceeds the capacity ${this.capacity}`);
    this.distort(data, indices, start, 0, count, rng);
    return this.view(data, count);
  }

  /**
   * Distorts rows r0 … r1−1 of the batch that starts at indices[start] (row r is example
   * indices[start + r]) into the same rows of `images` / `labels`, drawing their random numbers
   * from `rng` in row order: a batch distorted in pieces, in order, is the batch distorted at once.
   */
  distort(data: Dataset, indices: ArrayLike<number>, start: number, r0: number, r1: number, rng: Rng): void {
    if (r1 > this.capacity) throw new RangeError(`augment: batch of ${r1} exceeds the capacity ${this.capacity}`);
    if (this.engine && this.draws && this.kind !== 'none') this.warpByEngine(this.engine, this.draws, data, indices, start, r0, r1, rng);
    else this.warpHere(data, indices, start, r0, r1, rng);
  }

  /** The first `count` distorted rows as a data set (a new view object). */
  view(data: Dataset, count: number): Dataset {
    const size = this.rows * this.cols;
    return {
      images: this.images.subarray(0, count * size),
      labels: this.labels.subarray(0, count),
      count,
      rows: this.rows,
      cols: this.cols,
      classNames: data.classNames,
    };
  }

  /** Every image warped here, its random numbers drawn just before (affine, then field). */
  private warpHere(data: Dataset, indices: ArrayLike<number>, start: number, r0: number, r1: number, rng: Rng): void {
    const size = this.rows * this.cols;
    for (let r = r0; r < r1; r++) {
      const example = indices[start + r];
      this.labels[r] = data.labels[example];
      if (this.kind === 'none') {
        this.images.set(data.images.subarray(example * size, (example + 1) * size), r * size);
        continue;
      }
      const map = sampleAffine(rng, this.affine);
      if (this.kind === 'elastic') sampleElasticField(rng, this.rows, this.cols, this.elastic, this.fieldX, this.fieldY, this.points);
      const bend = this.kind === 'elastic';
      warpImage(data.images, example * size, this.images, r * size, this.rows, this.cols, map, bend ? this.fieldX : undefined, bend ? this.fieldY : undefined, this.padded);
    }
  }

  /** The same random numbers in the same order, written into the job; the engine does the pixels. */
  private warpByEngine(engine: BatchWarp, job: NonNullable<Augmenter['draws']>, data: Dataset, indices: ArrayLike<number>, start: number, r0: number, r1: number, rng: Rng): void {
    const size = this.rows * this.cols;
    const g = job.elastic ? job.elastic.gx * job.elastic.gy : 0;
    for (let r = r0; r < r1; r++) {
      const example = indices[start + r];
      this.labels[r] = data.labels[example];
      job.sourceOffsets[r] = example * size;
      const map = sampleAffine(rng, this.affine);
      const { cos, sin } = inverseTerms(map);
      job.maps[4 * r] = cos;
      job.maps[4 * r + 1] = sin;
      job.maps[4 * r + 2] = map.dx;
      job.maps[4 * r + 3] = map.dy;
      if (job.elastic) {
        const at = 2 * g * r;
        drawControlPoints(rng, this.elastic, job.elastic.points.subarray(at, at + g), job.elastic.points.subarray(at + g, at + 2 * g));
      }
    }
    engine.warp({
      source: data.images,
      sourceOffsets: job.sourceOffsets.subarray(r0, r1),
      count: r1 - r0,
      rows: this.rows,
      cols: this.cols,
      maps: job.maps.subarray(4 * r0, 4 * r1),
      elastic: job.elastic && { ...job.elastic, points: job.elastic.points.subarray(2 * g * r0, 2 * g * r1) },
      target: this.images.subarray(r0 * size, r1 * size),
    });
  }
}
