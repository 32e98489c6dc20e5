// The optimizer step on every layer's weights and biases, four parameters per f32x4.
// The gradient buffers hold sums over the batch; `scale` = 1/m turns them into the mean.
// The L2 penalty (λ/2)·Σw² adds λ·w to each weight's gradient (biases are not penalised).
import { header, headerF32, layer, H_LAYERS, H_OPTIMIZER, H_L2, H_MOMENTUM, H_BETA1, H_BETA2, H_EPSILON, L_IN, L_STRIDE, L_W, L_B, L_GW, L_GB, L_S1W, L_S1B, L_S2W, L_S2B, OPT_SGD, OPT_MOMENTUM } from './layout';

/**
 * One step with learning rate `lr`. `c1`, `c2` are Adam's bias corrections 1 − β1^t and
 * 1 − β2^t for this step t (computed by the caller in f64). With `skipFirstWeights`, layer 0's
 * weights are left alone (plain SGD has already updated them during backpropagation).
 */
export function updateParameters(lr: f32, scale: f32, c1: f32, c2: f32, skipFirstWeights: bool): void {
  const L = header(H_LAYERS);
  const l2 = headerF32(H_L2);
  for (let l = 0; l < L; l++) {
    const S = <usize>layer(l, L_STRIDE);
    const nW = <usize>layer(l, L_IN) * S;
    if (l > 0 || !skipFirstWeights) step(<usize>layer(l, L_W), <usize>layer(l, L_GW), <usize>layer(l, L_S1W), <usize>layer(l, L_S2W), nW, lr, scale, l2, c1, c2);
    step(<usize>layer(l, L_B), <usize>layer(l, L_GB), <usize>layer(l, L_S1B), <usize>layer(l, L_S2B), S, lr, scale, 0, c1, c2);
  }
}

function step(p: usize, g: usize, s1: usize, s2: usize, n: usize, lr: f32, scale: f32, lambda: f32, c1: f32, c2: f32): void {
  const kind = header(H_OPTIMIZER);
  const bytes = n * 4;
  const vScale = f32x4.splat(scale);
  const vLambda = f32x4.splat(lambda);
  const vLr = f32x4.splat(lr);
  if (kind == OPT_SGD) {
    // θ ← θ − η·(∇C + λθ)
    for (let i: usize = 0; i < bytes; i += 16) {
      const pi = v128.load(p + i);
      const gi = f32x4.add(f32x4.mul(v128.load(g + i), vScale), f32x4.mul(vLambda, pi));
      v128.store(p + i, f32x4.sub(pi, f32x4.mul(vLr, gi)));
    }
  } else if (kind == OPT_MOMENTUM) {
    // v ← μ·v − η·(∇C + λθ);  θ ← θ + v
    const mu = f32x4.splat(headerF32(H_MOMENTUM));
    for (let i: usize = 0; i < bytes; i += 16) {
      const pi = v128.load(p + i);
      const gi = f32x4.add(f32x4.mul(v128.load(g + i), vScale), f32x4.mul(vLambda, pi));
      const v = f32x4.sub(f32x4.mul(mu, v128.load(s1 + i)), f32x4.mul(vLr, gi));
      v128.store(s1 + i, v);
      v128.store(p + i, f32x4.add(pi, v));
    }
  } else {
    // Adam: m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;  θ ← θ − η·(m/c1) / (√(v/c2) + ε)
    const b1 = headerF32(H_BETA1), b2 = headerF32(H_BETA2);
    const vb1 = f32x4.splat(b1), vb2 = f32x4.splat(b2);
    const vb1c = f32x4.splat(1 - b1), vb2c = f32x4.splat(1 - b2);
    const vc1 = f32x4.splat(c1), vc2 = f32x4.splat(c2);
    const eps = f32x4.splat(headerF32(H_EPSILON));
    for (let i: usize = 0; i < bytes; i += 16) {
      const pi = v128.load(p + i);
      const gi = f32x4.add(f32x4.mul(v128.load(g + i), vScale), f32x4.mul(vLambda, pi));
      const m = f32x4.add(f32x4.mul(vb1, v128.load(s1 + i)), f32x4.mul(vb1c, gi));
      const v = f32x4.add(f32x4.mul(vb2, v128.load(s2 + i)), f32x4.mul(vb2c, f32x4.mul(gi, gi)));
      v128.store(s1 + i, m);
      v128.store(s2 + i, v);
      const denom = f32x4.add(f32x4.sqrt(f32x4.div(v, vc2)), eps);
      v128.store(p + i, f32x4.sub(pi, f32x4.div(f32x4.mul(vLr, f32x4.div(m, vc1)), denom)));
    }
  }
}
