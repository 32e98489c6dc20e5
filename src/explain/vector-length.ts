/** Σ v_i², the squared length of a vector. */
export function sumSquares(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return s;
}

/** ‖v‖, the length of a vector. */
export function vectorLength(v: ArrayLike<number>): number {
  return Math.sqrt(sumSquares(v));
}
