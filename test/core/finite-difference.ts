/** Helpers the gradient tests share: a central finite difference and a relative error. */

/** (C(θ + h) − C(θ − h)) / 2h along component i of θ = `values`, which is restored afterwards. */
export function centralDifference(values: Float64Array, i: number, cost: () => number, h = 1e-6): number {
  const keep = values[i];
  values[i] = keep + h;
  const up = cost();
  values[i] = keep - h;
  const down = cost();
  values[i] = keep;
  return (up - down) / (2 * h);
}

/** max |a − b| / max |b| (relative to 1 when b is all zeros). */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length} and ${b.length}`);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / (scale || 1);
}
