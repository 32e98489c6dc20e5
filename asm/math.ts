// Deterministic elementwise maths on f32x4 lanes.
//
// Every function here uses only IEEE-754 basic operations (add, mul, div, sqrt, round to
// nearest, integer bit tricks), which WebAssembly defines exactly; no call leaves the module.
// So a sigmoid computed in Node and in Chromium has the same bits, and a seed gives the same
// network everywhere.

// exp(x) = 2^n · e^r with n = round(x / ln 2) and r = x − n·ln 2, |r| ≤ ln2/2. ln 2 is split
// into a high part with few mantissa bits (n·LN2_HI is exact) and a small correction (Cody–Waite).
const LOG2E: f32 = 1.44269504088896341;
const LN2_HI: f32 = 0.693359375;
const LN2_LO: f32 = -2.12194440e-4;
// Minimax polynomial for (e^r − 1 − r) / r² on [−ln2/2, ln2/2] (Cephes expf), error ≈ 1 ulp.
const P0: f32 = 1.9875691500e-4;
const P1: f32 = 1.3981999507e-3;
const P2: f32 = 8.3334519073e-3;
const P3: f32 = 4.1665795894e-2;
const P4: f32 = 1.6666665459e-1;
const P5: f32 = 5.0000001201e-1;
// Beyond these, e^x over- or underflows float32; clamping keeps 2^n a normal number.
const EXP_MAX: f32 = 88.0;
const EXP_MIN: f32 = -87.0;

/** e^x in each lane (x clamped to [−87, 88]). */
// @ts-ignore: decorator
@inline export function expv(x: v128): v128 {
  x = f32x4.min(f32x4.max(x, f32x4.splat(EXP_MIN)), f32x4.splat(EXP_MAX));
  const n = f32x4.nearest(f32x4.mul(x, f32x4.splat(LOG2E)));
  let r = f32x4.sub(x, f32x4.mul(n, f32x4.splat(LN2_HI)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(LN2_LO)));
  const r2 = f32x4.mul(r, r);
  let p = f32x4.add(f32x4.mul(f32x4.splat(P0), r), f32x4.splat(P1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P4));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P5));
  p = f32x4.add(f32x4.add(f32x4.mul(p, r2), r), f32x4.splat(1));
  // 2^n: put n + 127 into the exponent field of a float.
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return f32x4.mul(p, scale);
}

/** e^x for one number (the same lanes arithmetic as `expv`, so the same bits). */
// @ts-ignore: decorator
@inline export function expf(x: f32): f32 {
  return f32x4.extract_lane(expv(f32x4.splat(x)), 0);
}

/** σ(z) = 1 / (1 + e^−z) in each lane. */
// @ts-ignore: decorator
@inline export function sigmoidv(z: v128): v128 {
  const one = f32x4.splat(1);
  return f32x4.div(one, f32x4.add(one, expv(f32x4.neg(z))));
}

/** max(0, z) in each lane. */
// @ts-ignore: decorator
@inline export function reluv(z: v128): v128 {
  return f32x4.max(z, f32x4.splat(0));
}

/**
 * tanh(z) = sign(z)·(1 − 2/(e^{2|z|} + 1)) in each lane. Written with |z| so e^{2|z|} ≥ 1 and
 * the subtraction never loses more than an absolute 1e-7.
 */
// @ts-ignore: decorator
@inline export function tanhv(z: v128): v128 {
  const one = f32x4.splat(1);
  const e = expv(f32x4.mul(f32x4.abs(z), f32x4.splat(2)));
  const t = f32x4.sub(one, f32x4.div(f32x4.splat(2), f32x4.add(e, one)));
  // Copy z's sign bit onto t (t ≥ 0).
  const signBit = i32x4.splat(0x80000000);
  return v128.or(t, v128.and(z, signBit));
}
