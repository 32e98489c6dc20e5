// Deterministic elementwise maths on f32x4 lanes.
//
// Every function here uses only IEEE-754 basic operations (add, mul, div, sqrt, round to
// nearest, integer bit tricks), which WebAssembly defines exactly; no call leaves the module.
// So a sigmoid computed in Node and in Chromium has the same bits, and a seed gives the same
// network everywhere.
import { ACT_SIGMOID, ACT_RELU } from '../src/fast/layout-table';

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
// 1.5·2²³: floats from 2²³ to 2²⁴ are whole numbers, one per mantissa value.
const ROUNDER: f32 = 12582912.0;

/** e^x in each lane (x clamped to [−87, 88]). */
// @ts-ignore: decorator
@inline export function expv(x: v128): v128 {
  // pmin/pmax are single instructions (min/max with IEEE NaN rules are not), still exact.
  x = f32x4.pmin(f32x4.pmax(x, f32x4.splat(EXP_MIN)), f32x4.splat(EXP_MAX));
  // n = round(x / ln 2) by the 1.5·2²³ trick: adding it leaves round-to-nearest-even(t) in the
  // low mantissa bits, so n's integer is those bits minus the constant's, with no conversion.
  const shifted = f32x4.add(f32x4.mul(x, f32x4.splat(LOG2E)), f32x4.splat(ROUNDER));
  const n = f32x4.sub(shifted, f32x4.splat(ROUNDER));
  let r = f32x4.sub(x, f32x4.mul(n, f32x4.splat(LN2_HI)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(LN2_LO)));
  const r2 = f32x4.mul(r, r);
  let p = f32x4.add(f32x4.mul(f32x4.splat(P0), r), f32x4.splat(P1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P4));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P5));
  p = f32x4.add(f32x4.add(f32x4.mul(p, r2), r), f32x4.splat(1));
  // × 2^n: add n to the exponent field of p (p is in [0.7, 1.5], so it stays a normal number
  // for n in [−126, 127]).
  return i32x4.add(p, i32x4.shl(i32x4.sub(shifted, f32x4.splat(ROUNDER)), 23));
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
  return f32x4.pmax(f32x4.splat(0), z); // 0 < z ? z : 0
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

/** f'(z) from z and a = f(z), lane by lane: σ' = a(1 − a), relu' = [z > 0], tanh' = 1 − a². */
// @ts-ignore: decorator
@inline export function derivativev(act: i32, z: v128, a: v128): v128 {
  const one = f32x4.splat(1);
  if (act == ACT_SIGMOID) return f32x4.mul(a, f32x4.sub(one, a));
  if (act == ACT_RELU) return v128.and(f32x4.gt(z, f32x4.splat(0)), one);
  return f32x4.sub(one, f32x4.mul(a, a));
}
