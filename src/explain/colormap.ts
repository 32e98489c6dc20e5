/**
 * The colour scale of cost maps, shared by the CLI's PNGs and the Lab: viridis (dark purple =
 * low cost, yellow = high), perceptually uniform and readable by colour-blind people.
 */

/** Viridis, sampled at 9 stops. */
const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 74, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [109, 205, 89],
  [253, 231, 37],
];

/** The viridis colour [r, g, b] (0–255) at t ∈ [0, 1]. */
export function viridis(t: number): [number, number, number] {
  const u = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(u));
  const f = u - i;
  const [a, b] = [VIRIDIS[i], VIRIDIS[i + 1]];
  return [0, 1, 2].map((c) => Math.round(a[c] + f * (b[c] - a[c]))) as [number, number, number];
}

/** Bilinear interpolation of costs[i][j] = C(xs[j], ys[i]) at (x, y) (xs, ys increasing). */
export function bilinear(xs: readonly number[], ys: readonly number[], costs: readonly (readonly number[])[], x: number, y: number): number {
  const j = Math.min(xs.length - 2, Math.max(0, upper(xs, x) - 1));
  const i = Math.min(ys.length - 2, Math.max(0, upper(ys, y) - 1));
  const tx = (x - xs[j]) / (xs[j + 1] - xs[j]);
  const ty = (y - ys[i]) / (ys[i + 1] - ys[i]);
  const a = costs[i][j] * (1 - tx) + costs[i][j + 1] * tx;
  const b = costs[i + 1][j] * (1 - tx) + costs[i + 1][j + 1] * tx;
  return a * (1 - ty) + b * ty;
}

/** First index whose value exceeds v (binary search on an increasing array). */
function upper(values: readonly number[], v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
