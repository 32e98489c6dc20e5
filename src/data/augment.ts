import type { Rng } from '../core/rng.js';
import type { Dataset } from './dataset.js';

/**
 * Data augmentation on the fly: every time a training image is used it is seen through a
 * fresh small random distortion that keeps its label — a digit shifted by a pixel, tilted a
 * few degrees, a little larger or smaller, or its strokes gently bent is still the same digit.
 * The network never sees the same pixels twice, so it cannot memorise them; this is how plain
 * multilayer perceptrons go from ~98.4 % to above 99 % on MNIST (Simard et al. 2003; Cireşan
 * et al. 2010). Nothing is materialised: one mini-batch of distorted bytes at a time.
 *
 * Everything works on bytes (0 = background … 255 = ink), row by row, and every random number
 * comes from the run's `Rng`, so the same seed gives the same distortions.
 */

/** The augmentation kinds: none, random affine maps, or affine maps plus elastic bending. */
export type AugmentName = 'none' | 'affine' | 'elastic';
/** The names accepted, for parsers and menus. */
export const AUGMENTS: readonly AugmentName[] = ['none', 'affine', 'elastic'];

/** How far the random affine maps go (each drawn uniformly in ±range). */
export interface AffineRange {
  /** Largest shift along each axis, in pixels. */
  readonly shift: number;
  /** Largest rotation, in degrees. */
  readonly rotation: number;
  /** Largest relative change of size (0.1 = from 90 % to 110 %). */
  readonly scale: number;
}

/** Shift ±2 px, rotation ±10°, scale ±10 %: digits stay well inside the 28×28 frame. */
export const DEFAULT_AFFINE: AffineRange = { shift: 2, rotation: 10, scale: 0.1 };

/** How strong the elastic bending is. */
export interface ElasticRange {
  /** Distance between the control points of the displacement field, in pixels. */
  readonly spacing: number;
  /** Standard deviation of each control point's displacement, in pixels. */
  readonly magnitude: number;
}

/**
 * Control points every 4 px moved by N(0, 1 px²) each. Simard et al. smooth a per-pixel random
 * field with a Gaussian (σ = 4 px); random control points σ apart, interpolated bilinearly,
 * give the same kind of smooth, local bending for a fraction of the cost (a few dozen random
 * numbers per image instead of a 2 × 784-pixel blur).
 */
export const DEFAULT_ELASTIC: ElasticRange = { spacing: 4, magnitude: 1 };

/** One affine map: rotate by `angle` and scale by `scale` about the centre, then shift. */
export interface Affine {
  /** Radians, counter-clockwise on the screen. */
  readonly angle: number;
  readonly scale: number;
  readonly dx: number;
  readonly dy: number;
}

/** The identity map (no change). */
export const IDENTITY_AFFINE: Affine = { angle: 0, scale: 1, dx: 0, dy: 0 };

/** A random affine map within `range` (four uniform draws from `rng`). */
export function sampleAffine(rng: Rng, range: AffineRange = DEFAULT_AFFINE): Affine {
  const u = (): number => 2 * rng.uniform() - 1;
  const angle = (u() * range.rotation * Math.PI) / 180;
  const scale = 1 + u() * range.scale;
  const dx = u() * range.shift;
  const dy = u() * range.shift;
  return { angle, scale, dx, dy };
}

/**
 * A smooth random displacement field: Gaussian displacements at control points `spacing`
 * pixels apart (a grid covering the image), bilinearly interpolated to every pixel. Writes
 * the per-pixel displacements (in pixels) to `fieldX` and `fieldY` (rows × cols each).
 * `points`, if given, is scratch space for the control points (see `controlPointCount`).
 */
export function sampleElasticField(
  rng: Rng,
  rows: number,
  cols: number,
  range: ElasticRange,
  fieldX: Float32Array,
  fieldY: Float32Array,
  points: Float64Array = new Float64Array(2 * controlPointCount(rows, cols, range)),
): void {
  const { gx, gy } = controlGrid(rows, cols, range);
  const px = points.subarray(0, gx * gy);
  const py = points.subarray(gx * gy, 2 * gx * gy);
  drawControlPoints(rng, range, px, py);
  const { weights, corners } = interpolation(rows, cols, range, gx, gy);
  for (let i = 0; i < rows * cols; i++) {
    const i00 = corners[i];
    const w00 = weights[4 * i], w01 = weights[4 * i + 1], w10 = weights[4 * i + 2], w11 = weights[4 * i + 3];
    fieldX[i] = w00 * px[i00] + w01 * px[i00 + 1] + w10 * px[i00 + gx] + w11 * px[i00 + gx + 1];
    fieldY[i] = w00 * py[i00] + w01 * py[i00 + 1] + w10 * py[i00 + gx] + w11 * py[i00 + gx + 1];
  }
}

/** The control points' grid: gx × gy points, `spacing` apart, covering a rows × cols image. */
export function controlGrid(rows: number, cols: number, range: ElasticRange): { readonly gx: number; readonly gy: number } {
  return { gx: Math.ceil((cols - 1) / range.spacing) + 1, gy: Math.ceil((rows - 1) / range.spacing) + 1 };
}

/** The control points' displacements, N(0, magnitude²) each, drawn x, y, x, y, … (the order of every run). */
function drawControlPoints(rng: Rng, range: ElasticRange, px: Float64Array, py: Float64Array): void {
  for (let i = 0; i < px.length; i++) {
    px[i] = rng.normal() * range.magnitude;
    py[i] = rng.normal() * range.magnitude;
  }
}

/** Bilinear weights (4 per pixel) and top-left control point of every pixel: the same for every image of a size. */
interface Interpolation {
  readonly weights: Float64Array;
  readonly corners: Int32Array;
}

let lastInterpolation: { key: string; value: Interpolation } | null = null;

/**
 * The field's interpolation, computed once per image size and spacing: pixel (x, y) sits at
 * (x, y)/spacing in control-point units, in the cell whose top-left point is (x0, y0), with
 * weights (1 − tx)(1 − ty), tx(1 − ty), (1 − tx)ty, tx·ty.
 */
function interpolation(rows: number, cols: number, range: ElasticRange, gx: number, gy: number): Interpolation {
  const key = `${rows} ${cols} ${range.spacing}`;
  if (lastInterpolation?.key === key) return lastInterpolation.value;
  const weights = new Float64Array(4 * rows * cols);
  const corners = new Int32Array(rows * cols);
  for (let y = 0; y < rows; y++) {
    const fy = y / range.spacing;
    const y0 = Math.min(Math.floor(fy), gy - 2);
    const ty = fy - y0;
    for (let x = 0; x < cols; x++) {
      const fx = x / range.spacing;
      const x0 = Math.min(Math.floor(fx), gx - 2);
      const tx = fx - x0;
      const i = y * cols + x;
      corners[i] = y0 * gx + x0;
      weights.set([(1 - tx) * (1 - ty), tx * (1 - ty), (1 - tx) * ty, tx * ty], 4 * i);
    }
  }
  lastInterpolation = { key, value: { weights, corners } };
  return lastInterpolation.value;
}

/** Control points of an elastic field for a rows × cols image (per axis). */
export function controlPointCount(rows: number, cols: number, range: ElasticRange): number {
  const { gx, gy } = controlGrid(rows, cols, range);
  return gx * gy;
}

/** Zero pixels around a padded copy of the source image (see `warpImage`): enough for a bilinear read to stay inside. */
const BORDER = 2;

/**
 * Warps one image: output pixel (x, y) takes the source value at the point the map sends it
 * back to, by inverse mapping (so every output pixel gets exactly one value, no holes):
 *   (u, v) = (x − c − dx, y − c − dy),
 *   source = R(−angle)·(u, v) / scale + c  (+ the elastic displacement at (x, y), if given),
 * read by bilinear interpolation, background (0) outside the frame, rounded to a byte.
 * Pure: reads `source` from `sourceOffset`, writes `target` from `targetOffset`. `padded`, if
 * given, is scratch space for the source with a zero border ((rows + 4) × (cols + 4) bytes).
 *
 * For speed the source is first copied into that zero-bordered frame, so the four reads of a
 * bilinear sample need no bounds checks (a read further out is clamped to the border, which
 * is background too), and a sample whose four source pixels are all background is 0 without
 * the blend. The arithmetic of every sample is the plain formula's, term for term.
 */
export function warpImage(
  source: Uint8Array,
  sourceOffset: number,
  target: Uint8Array,
  targetOffset: number,
  rows: number,
  cols: number,
  map: Affine,
  fieldX?: Float32Array,
  fieldY?: Float32Array,
  padded: Uint8Array = new Uint8Array((rows + 2 * BORDER) * (cols + 2 * BORDER)),
): void {
  const pw = cols + 2 * BORDER;
  padded.fill(0);
  for (let y = 0; y < rows; y++) padded.set(source.subarray(sourceOffset + y * cols, sourceOffset + (y + 1) * cols), (y + BORDER) * pw + BORDER);
  const cx = (cols - 1) / 2;
  const cy = (rows - 1) / 2;
  const { cos, sin } = inverseTerms(map);
  const minusSin = -sin;
  const bend = fieldX !== undefined && fieldY !== undefined;
  for (let y = 0; y < rows; y++) {
    const v = y - cy - map.dy;
    const sinV = sin * v;
    const cosV = cos * v;
    for (let x = 0; x < cols; x++) {
      const u = x - cx - map.dx;
      let sx = cos * u + sinV + cx;
      let sy = minusSin * u + cosV + cy;
      if (bend) {
        sx += fieldX[y * cols + x];
        sy += fieldY[y * cols + x];
      }
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      // Clamped into the border: beyond it every pixel is background anyway.
      const px = x0 < -BORDER ? -BORDER : x0 > cols ? cols : x0;
      const py = y0 < -BORDER ? -BORDER : y0 > rows ? rows : y0;
      const at = (py + BORDER) * pw + px + BORDER;
      const p00 = padded[at], p10 = padded[at + 1], p01 = padded[at + pw], p11 = padded[at + pw + 1];
      if ((p00 | p10 | p01 | p11) === 0) {
        target[targetOffset + y * cols + x] = 0;
        continue;
      }
      const tx = sx - x0;
      const ty = sy - y0;
      const value = (1 - tx) * (1 - ty) * p00 + tx * (1 - ty) * p10 + (1 - tx) * ty * p01 + tx * ty * p11;
      target[targetOffset + y * cols + x] = Math.min(255, Math.max(0, Math.round(value)));
    }
  }
}

/** The inverse map's rotation terms: cos(angle)/scale and sin(angle)/scale. */
function inverseTerms(map: Affine): { readonly cos: number; readonly sin: number } {
  return { cos: Math.cos(map.angle) / map.scale, sin: Math.sin(map.angle) / map.scale };
}

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
