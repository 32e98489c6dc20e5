import type { Rng } from '../core/rng.js';
import type { Dataset } from '../data/dataset.js';

/**
 * White-noise images. Two kinds: `uniform`, every pixel uniform in [0, 1] (the
 * source document's white noise), and `sparse`, every pixel drawn independently from the
 * pixel values of real MNIST images — mostly background, with MNIST's ink density and
 * brightness — so the noise is not simply "far more ink than any digit".
 */
export type NoiseKind = 'uniform' | 'sparse';

/** The noise kinds, for menus and loops. */
export const NOISE_KINDS: readonly NoiseKind[] = ['uniform', 'sparse'];

/** The distribution of single pixel values (0..255) over a data set's images: what `sparse` noise draws from. */
export interface PixelDistribution {
  /** cumulative[v] = P(pixel ≤ v), v = 0..255. */
  readonly cumulative: Float64Array;
  /** Fraction of non-zero pixels (the ink density). */
  readonly inkDensity: number;
}

/** Measures the pixel-value distribution of the first `limit` images of `data`. */
export function pixelDistribution(data: Dataset, limit = data.count): PixelDistribution {
  const counts = new Float64Array(256);
  const n = Math.min(limit, data.count) * data.rows * data.cols;
  for (let i = 0; i < n; i++) counts[data.images[i]]++;
  const cumulative = new Float64Array(256);
  let sum = 0;
  for (let v = 0; v < 256; v++) {
    sum += counts[v];
    cumulative[v] = sum / n;
  }
  return { cumulative, inkDensity: 1 - counts[0] / n };
}

/** Fills `out` (pixels as floats in [0, 1]) with one noise image of the given kind. */
export function fillNoiseImage(kind: NoiseKind, rng: Rng, out: Float32Array, pixels?: PixelDistribution): void {
  if (kind === 'uniform') {
    for (let i = 0; i < out.length; i++) out[i] = rng.uniform();
    return;
  }
  if (!pixels) throw new Error('sparse noise needs the pixel distribution of a data set');
  const cdf = pixels.cumulative;
  for (let i = 0; i < out.length; i++) {
    // Inverse-CDF sampling: the smallest value whose cumulative probability exceeds u.
    const u = rng.uniform();
    let lo = 0;
    let hi = 255;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    out[i] = lo / 255;
  }
}
