/**
 * What keeps "the input that excites a neuron most" looking like a picture rather than noise.
 * Plain gradient ascent on a neuron's weighted input drives every pixel to 0 or 1 by the sign
 * of its weight — also in the border, where no digit has ink and the weights never left their
 * random start — so the result is saturated static. Two constraints from the data fix that
 * (in the spirit of the regularised feature visualisations of Erhan et al. 2009 and Yosinski
 * et al. 2015):
 *  - an ink budget: the pixels sum to at most as much ink as an average digit, so the ink goes
 *    only where it excites the neuron most;
 *  - a blur between steps: strokes are a few pixels wide and smooth, as the digits are.
 */

/**
 * The Euclidean projection of `x` (in place) onto { 0 ≤ x_i ≤ 1, Σ x_i ≤ budget }: clip to
 * [0, 1]; if that is over the budget, x_i = clip(x_i − τ, 0, 1) with the τ ≥ 0 that meets
 * it exactly (found by bisection). Subtracting one τ from every pixel keeps the brightest
 * where they are and turns the faint ones off.
 */
export function projectInk(x: Float32Array | Float64Array, budget: number): void {
  const sumAt = (tau: number): number => {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += Math.min(1, Math.max(0, x[i] - tau));
    return s;
  };
  let tau = 0;
  if (sumAt(0) > budget) {
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < x.length; i++) hi = Math.max(hi, x[i]);
    for (let k = 0; k < 40; k++) {
      const mid = (lo + hi) / 2;
      if (sumAt(mid) > budget) lo = mid;
      else hi = mid;
    }
    tau = hi;
  }
  for (let i = 0; i < x.length; i++) x[i] = Math.min(1, Math.max(0, x[i] - tau));
}

/**
 * A Gaussian blur of a rows × cols image (in place), standard deviation `sigma` pixels, as two
 * 1-D passes with the kernel cut at 3σ and renormalised at the edges (a flat image stays flat).
 */
export function gaussianBlur(image: Float32Array | Float64Array, rows: number, cols: number, sigma: number): void {
  if (!(sigma > 0)) return;
  const radius = Math.max(1, Math.ceil(3 * sigma));
  const kernel = Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)));
  const tmp = new Float64Array(rows * cols);
  const pass = (read: (r: number, c: number) => number, write: (r: number, c: number, v: number) => void, alongRows: boolean): void => {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        let s = 0;
        let w = 0;
        for (let d = -radius; d <= radius; d++) {
          const rr = alongRows ? r : r + d;
          const cc = alongRows ? c + d : c;
          if (rr < 0 || rr >= rows || cc < 0 || cc >= cols) continue;
          s += kernel[d + radius] * read(rr, cc);
          w += kernel[d + radius];
        }
        write(r, c, s / w);
      }
    }
  };
  pass((r, c) => image[r * cols + c], (r, c, v) => (tmp[r * cols + c] = v), true);
  pass((r, c) => tmp[r * cols + c], (r, c, v) => (image[r * cols + c] = v), false);
}
