import type { ImageSource } from './image-source.js';

/**
 * What a first-layer neuron's 784 weights look like as a 28×28 picture (after training: not clean edges), in two numbers
 * a person judges by eye:
 *  - smoothness: the correlation of each weight with its right and lower neighbours. Random
 *    starting weights are independent (≈ 0); a picture with shapes in it has neighbours that
 *    agree (→ 1).
 *  - locality: the share of the picture's strength Σ w² that falls in its best small window
 *    (7 × 7 pixels). A clean edge or stroke detector is local (most of it in one small place);
 *    a blob spread over the whole digit is not; noise spreads evenly (≈ 49 / pixels used).
 * Both are measured on the pixels the images use (ink in at least one image in a hundred): the
 * weights of the always-blank border never change in training and say nothing.
 */

/** The two numbers of one neuron's weights. */
export interface WeightPattern {
  readonly smoothness: number;
  readonly locality: number;
}

/** Every neuron's pattern and the medians over the layer. */
export interface LayerPatterns {
  readonly neurons: readonly WeightPattern[];
  readonly medianSmoothness: number;
  readonly medianLocality: number;
  /** Pixels measured (inked in at least `minShare` of the images). */
  readonly pixelsUsed: number;
}

/** Side of the window of `locality`. */
export const LOCAL_WINDOW = 7;

/** Which of the `rows × cols` pixels are inked in at least `minShare` of `images`. */
export function usedPixels(images: ImageSource, minShare = 0.01): Uint8Array {
  const size = images.rows * images.cols;
  const counts = new Uint32Array(size);
  for (let i = 0; i < images.count; i++) for (let p = 0; p < size; p++) if (images.images[i * size + p] !== 0) counts[p]++;
  return Uint8Array.from(counts, (c) => (c >= minShare * images.count ? 1 : 0));
}

/** The pattern of one 28×28 (`side` × `side`) weight picture, measured on the pixels of `mask`. */
export function weightPattern(weights: ArrayLike<number>, mask: Uint8Array, side = 28): WeightPattern {
  // Correlation of neighbour pairs (right and below) that both lie on used pixels.
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const p = y * side + x;
      if (!mask[p]) continue;
      if (x + 1 < side && mask[p + 1]) xs.push(weights[p]), ys.push(weights[p + 1]);
      if (y + 1 < side && mask[p + side]) xs.push(weights[p]), ys.push(weights[p + side]);
    }
  }
  // Locality: the best window's share of Σ w², the weights centred on their mean first.
  let mean = 0;
  let used = 0;
  for (let p = 0; p < side * side; p++) if (mask[p]) (mean += weights[p]), used++;
  mean /= used || 1;
  const energy = new Float64Array(side * side);
  let total = 0;
  for (let p = 0; p < side * side; p++) if (mask[p]) total += energy[p] = (weights[p] - mean) ** 2;
  let best = 0;
  for (let y0 = 0; y0 + LOCAL_WINDOW <= side; y0++) {
    for (let x0 = 0; x0 + LOCAL_WINDOW <= side; x0++) {
      let s = 0;
      for (let y = y0; y < y0 + LOCAL_WINDOW; y++) for (let x = x0; x < x0 + LOCAL_WINDOW; x++) s += energy[y * side + x];
      if (s > best) best = s;
    }
  }
  return { smoothness: correlation(xs, ys), locality: total > 0 ? best / total : 0 };
}

/** The patterns of every neuron of a first layer (`weights`: neurons × 784, row-major). */
export function layerPatterns(weights: ArrayLike<number>, neurons: number, mask: Uint8Array): LayerPatterns {
  const size = mask.length;
  const all = Array.from({ length: neurons }, (_, j) => weightPattern(Array.prototype.slice.call(weights, j * size, (j + 1) * size) as number[], mask, Math.round(Math.sqrt(size))));
  return {
    neurons: all,
    medianSmoothness: median(all.map((n) => n.smoothness)),
    medianLocality: median(all.map((n) => n.locality)),
    pixelsUsed: mask.reduce((s, v) => s + v, 0),
  };
}

function correlation(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) (mx += xs[i]), (my += ys[i]);
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
