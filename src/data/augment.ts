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
export function drawControlPoints(rng: Rng, range: ElasticRange, px: Float64Array, py: Float64Array): void {
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
export const BORDER = 2;

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
export function inverseTerms(map: Affine): { readonly cos: number; readonly sin: number } {
  return { cos: Math.cos(map.angle) / map.scale, sin: Math.sin(map.angle) / map.scale };
}
