/**
 * The two principal directions of a set of points in parameter space (Li et al., "Visualizing
 * the Loss Landscape of Neural Nets", 2018, §7): the plane that keeps as much of a training
 * trajectory's spread as any plane can. A trajectory of n points in 13,002 dimensions is
 * handled through its n × n Gram matrix G = X Xᵀ: if G u = λ u then v = Xᵀ u / √λ is a unit
 * principal direction with variance λ, which avoids the 13,002² covariance matrix.
 */

/** Two orthonormal directions and the fraction of the spread each explains. */
export interface PrincipalPlane {
  readonly directions: readonly [Float64Array, Float64Array];
  /** λᵢ / Σλ: how much of the points' squared distance from the centre each direction keeps. */
  readonly explained: readonly [number, number];
}

/** The top two principal directions of `rows` (each already measured from the plane's centre). */
export function principalPlane(rows: readonly ArrayLike<number>[]): PrincipalPlane {
  const n = rows.length;
  const dim = rows[0].length;
  const G = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      const a = rows[i];
      const b = rows[j];
      for (let d = 0; d < dim; d++) s += a[d] * b[d];
      G[i * n + j] = s;
      G[j * n + i] = s;
    }
  }
  let trace = 0;
  for (let i = 0; i < n; i++) trace += G[i * n + i];
  const u1 = topEigenvector(G, n, null);
  const l1 = rayleigh(G, n, u1);
  const u2 = topEigenvector(G, n, u1);
  const l2 = rayleigh(G, n, u2);
  const direction = (u: Float64Array): Float64Array => {
    const v = new Float64Array(dim);
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      for (let d = 0; d < dim; d++) v[d] += u[i] * r[d];
    }
    let len = 0;
    for (let d = 0; d < dim; d++) len += v[d] * v[d];
    len = Math.sqrt(len) || 1;
    for (let d = 0; d < dim; d++) v[d] /= len;
    return v;
  };
  return {
    directions: [direction(u1), direction(u2)],
    explained: [trace > 0 ? l1 / trace : 0, trace > 0 ? l2 / trace : 0],
  };
}

/** Power iteration on the symmetric positive semi-definite G, kept orthogonal to `against`. */
function topEigenvector(G: Float64Array, n: number, against: Float64Array | null): Float64Array {
  let v = Float64Array.from({ length: n }, (_, i) => 1 + ((i * 7919) % 13) / 13);
  const next = new Float64Array(n);
  for (let iter = 0; iter < 1000; iter++) {
    if (against) project(v, against);
    normalize(v);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += G[i * n + j] * v[j];
      next[i] = s;
    }
    if (against) project(next, against);
    normalize(next);
    let change = 0;
    for (let i = 0; i < n; i++) change = Math.max(change, Math.abs(next[i] - v[i]));
    v = Float64Array.from(next);
    if (change < 1e-12) break;
  }
  return v;
}

function project(v: Float64Array, u: Float64Array): void {
  let dot = 0;
  for (let i = 0; i < v.length; i++) dot += v[i] * u[i];
  for (let i = 0; i < v.length; i++) v[i] -= dot * u[i];
}

function normalize(v: Float64Array): void {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  s = Math.sqrt(s) || 1;
  for (let i = 0; i < v.length; i++) v[i] /= s;
}

function rayleigh(G: Float64Array, n: number, u: Float64Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s += u[i] * G[i * n + j] * u[j];
  return s;
}
