// The optimizer step on every layer's weights and biases, four parameters per f32x4.
// The gradient buffers hold sums over the batch; `scale` = 1/m turns them into the mean.
// The L2 penalty (λ/2)·Σw² adds λ·w to each weight's gradient (biases are not penalised).
//
// `stepVector` is the one place the update rule is written: the plain pass here and the
// wide path's fused epilogues (asm/wide-backward.ts, which apply it to a gradient still in
// registers) call it, so both give the same bits for the same gradient.
import { header, headerF32, layer, H_LAYERS, H_OPTIMIZER, H_L2, H_MOMENTUM, H_BETA1, H_BETA2, H_EPSILON, L_IN, L_STRIDE, L_W, L_B, L_GW, L_GB, L_S1W, L_S1B, L_S2W, L_S2B, OPT_SGD, OPT_MOMENTUM } from './layout';

// This step's constants, set by `setStep` before any update of the step.
let kind: i32 = 0;
let vLr: v128 = f32x4.splat(0);
let vScale: v128 = f32x4.splat(0);
let vMu: v128 = f32x4.splat(0);
let vb1: v128 = f32x4.splat(0);
let vb2: v128 = f32x4.splat(0);
let vb1c: v128 = f32x4.splat(0);
let vb2c: v128 = f32x4.splat(0);
let vLrOverC1: v128 = f32x4.splat(0);
let vInvSqrtC2: v128 = f32x4.splat(0);
let vEps: v128 = f32x4.splat(0);

/**
 * Fixes the step's learning rate `lr`, `scale` = 1/m and Adam's bias corrections `c1`, `c2`
 * (1 − β1^t and 1 − β2^t for this step t, computed by the caller in f64).
 */
export function setStep(lr: f32, scale: f32, c1: f32, c2: f32): void {
  kind = header(H_OPTIMIZER);
  vLr = f32x4.splat(lr);
  vScale = f32x4.splat(scale);
  vMu = f32x4.splat(headerF32(H_MOMENTUM));
  const b1 = headerF32(H_BETA1), b2 = headerF32(H_BETA2);
  vb1 = f32x4.splat(b1);
  vb2 = f32x4.splat(b2);
  vb1c = f32x4.splat(1 - b1);
  vb2c = f32x4.splat(1 - b2);
  // Adam's per-step factors, once per step (in f32, the same on every thread): η/c1 and 1/√c2.
  vLrOverC1 = f32x4.splat(lr / c1);
  vInvSqrtC2 = f32x4.splat(<f32>1 / sqrt<f32>(c2));
  vEps = f32x4.splat(headerF32(H_EPSILON));
}

/**
 * Updates the four parameters at `p` from their summed gradient `g` (and their optimizer
 * state at `s1`, `s2`), with L2 penalty `vLambda`:
 *   SGD:       θ ← θ − η·(∇C + λθ)
 *   momentum:  v ← μ·v − η·(∇C + λθ);  θ ← θ + v
 *   Adam:      m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;  θ ← θ − η·(m/c1) / (√(v/c2) + ε),
 *              computed as θ − (η/c1)·m / (√v·(1/√c2) + ε): one division and one square root
 *              per vector instead of three and one (the same value up to rounding; ~2 % of a
 *              784-512-512-10 step, most of which is this update's memory traffic)
 */
// @ts-ignore: decorator
@inline export function stepVector(p: usize, g: v128, s1: usize, s2: usize, vLambda: v128): void {
  const pi = v128.load(p);
  const gi = f32x4.add(f32x4.mul(g, vScale), f32x4.mul(vLambda, pi));
  if (kind == OPT_SGD) {
    v128.store(p, f32x4.sub(pi, f32x4.mul(vLr, gi)));
  } else if (kind == OPT_MOMENTUM) {
    const v = f32x4.sub(f32x4.mul(vMu, v128.load(s1)), f32x4.mul(vLr, gi));
    v128.store(s1, v);
    v128.store(p, f32x4.add(pi, v));
  } else {
    const m = f32x4.add(f32x4.mul(vb1, v128.load(s1)), f32x4.mul(vb1c, gi));
    const v = f32x4.add(f32x4.mul(vb2, v128.load(s2)), f32x4.mul(vb2c, f32x4.mul(gi, gi)));
    v128.store(s1, m);
    v128.store(s2, v);
    const denom = f32x4.add(f32x4.mul(f32x4.sqrt(v), vInvSqrtC2), vEps);
    v128.store(p, f32x4.sub(pi, f32x4.div(f32x4.mul(vLrOverC1, m), denom)));
  }
}

/**
 * One step with learning rate `lr` on every layer. With `skipFirstWeights`, layer 0's weights
 * are left alone (plain SGD has already updated them during backpropagation).
 */
export function updateParameters(lr: f32, scale: f32, c1: f32, c2: f32, skipFirstWeights: bool): void {
  setStep(lr, scale, c1, c2);
  const L = header(H_LAYERS);
  const l2 = headerF32(H_L2);
  for (let l = 0; l < L; l++) {
    const S = <usize>layer(l, L_STRIDE);
    const nW = <usize>layer(l, L_IN) * S;
    if (l > 0 || !skipFirstWeights) stepRange(<usize>layer(l, L_W), <usize>layer(l, L_GW), <usize>layer(l, L_S1W), <usize>layer(l, L_S2W), 0, nW, l2);
    stepRange(<usize>layer(l, L_B), <usize>layer(l, L_GB), <usize>layer(l, L_S1B), <usize>layer(l, L_S2B), 0, S, 0);
  }
}

/** `stepVector` over floats [from, to) of a parameter buffer `p` with gradient `g`, state `s1`, `s2` and L2 penalty `lambda`. */
export function stepRange(p: usize, g: usize, s1: usize, s2: usize, from: usize, to: usize, lambda: f32): void {
  const vLambda = f32x4.splat(lambda);
  for (let i = from << 2; i < to << 2; i += 16) stepVector(p + i, v128.load(g + i), s1 + i, s2 + i, vLambda);
}
