// The wide path's backward products, each for a range of neurons so that two threads can
// share a layer (asm/wide.ts). Every sum keeps the plain kernels' order (asm/backward.ts):
//   δ^{l−1}[r, k] = (Σ_j Wᵀ[k, j] δ[r, j], four lane sums over j ≡ 0…3 mod 4, added as
//                   (l0 + l1) + (l2 + l3)) · f'(z^{l−1}[r, k])
//   GW[k, j]      = Σ_r a[r, k] δ[r, j], r = 0, 1, 2, … from 0;   GB[j] = Σ_r δ[r, j]
// so the results are those of one thread and of the plain kernels, whatever the tiling.
// With `fused`, a weight tile's gradient is applied by the optimizer (optimizer.ts
// `stepVector`) while still in registers instead of being stored and read back.
import { header, headerF32, layer, H_HIDDEN, H_L2, L_STRIDE, L_W, L_B, L_GW, L_GB, L_Z, L_A, L_D, L_S1W, L_S1B, L_S2W, L_S2B } from './layout';
import { derivativev } from './math';
import { stepVector } from './optimizer';

/** Adds the four lanes of s0 … s3 each ((l0 + l1) + (l2 + l3)) into one vector [Σs0, Σs1, Σs2, Σs3]. */
// @ts-ignore: decorator
@inline function laneSums(s0: v128, s1: v128, s2: v128, s3: v128): v128 {
  const t0 = f32x4.add(v128.shuffle<f32>(s0, s1, 0, 4, 2, 6), v128.shuffle<f32>(s0, s1, 1, 5, 3, 7));
  const t1 = f32x4.add(v128.shuffle<f32>(s2, s3, 0, 4, 2, 6), v128.shuffle<f32>(s2, s3, 1, 5, 3, 7));
  return f32x4.add(v128.shuffle<f32>(t0, t1, 0, 1, 4, 5), v128.shuffle<f32>(t0, t1, 2, 3, 6, 7));
}

/**
 * δ^{l−1}[:, k0:k1]: tiles of 2 batch rows × 4 inputs k (eight lane sums), each weight row
 * segment loaded once per two rows and each error segment once per four inputs.
 */
export function propagateRange(l: i32, count: i32, k0: usize, k1: usize): void {
  const S = <usize>layer(l, L_STRIDE);
  const Sp = <usize>layer(l - 1, L_STRIDE);
  const W = <usize>layer(l, L_W);
  const D = <usize>layer(l, L_D);
  const Dp = <usize>layer(l - 1, L_D);
  const Zp = <usize>layer(l - 1, L_Z);
  const Ap = <usize>layer(l - 1, L_A);
  const act = header(H_HIDDEN);
  const rowBytes = S * 4;
  const m = <usize>count;
  let k = k0;
  for (; k + 4 <= k1; k += 4) {
    const w = W + k * rowBytes;
    let r: usize = 0;
    for (; r + 2 <= m; r += 2) {
      let s00 = f32x4.splat(0), s01 = f32x4.splat(0), s02 = f32x4.splat(0), s03 = f32x4.splat(0);
      let s10 = f32x4.splat(0), s11 = f32x4.splat(0), s12 = f32x4.splat(0), s13 = f32x4.splat(0);
      // One pointer per row, stepped: V8 computed each load's 32-bit address apart when the
      // loads added row offsets to j (a lea per load, an imul; seen in --print-wasm-code); this
      // way the layer's backward stage at 784-512-512-10 takes 2–3 % less time.
      let e0 = D + r * rowBytes, e1 = e0 + rowBytes;
      let w0 = w, w1 = w + rowBytes, w2 = w + 2 * rowBytes, w3 = w + 3 * rowBytes;
      const end = e0 + rowBytes;
      for (; e0 < end; e0 += 16, e1 += 16, w0 += 16, w1 += 16, w2 += 16, w3 += 16) {
        const a0 = v128.load(e0), a1 = v128.load(e1);
        const v0 = v128.load(w0), v1 = v128.load(w1);
        s00 = f32x4.add(s00, f32x4.mul(v0, a0)); s10 = f32x4.add(s10, f32x4.mul(v0, a1));
        s01 = f32x4.add(s01, f32x4.mul(v1, a0)); s11 = f32x4.add(s11, f32x4.mul(v1, a1));
        const v2 = v128.load(w2), v3 = v128.load(w3);
        s02 = f32x4.add(s02, f32x4.mul(v2, a0)); s12 = f32x4.add(s12, f32x4.mul(v2, a1));
        s03 = f32x4.add(s03, f32x4.mul(v3, a0)); s13 = f32x4.add(s13, f32x4.mul(v3, a1));
      }
      const i0 = (r * Sp + k) * 4;
      v128.store(Dp + i0, f32x4.mul(laneSums(s00, s01, s02, s03), derivativev(act, v128.load(Zp + i0), v128.load(Ap + i0))));
      const i1 = i0 + Sp * 4;
      v128.store(Dp + i1, f32x4.mul(laneSums(s10, s11, s12, s13), derivativev(act, v128.load(Zp + i1), v128.load(Ap + i1))));
    }
    for (; r < m; r++) {
      const d = D + r * rowBytes;
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      for (let j: usize = 0; j < rowBytes; j += 16) {
        const e = v128.load(d + j);
        s0 = f32x4.add(s0, f32x4.mul(v128.load(w + j), e));
        s1 = f32x4.add(s1, f32x4.mul(v128.load(w + rowBytes + j), e));
        s2 = f32x4.add(s2, f32x4.mul(v128.load(w + 2 * rowBytes + j), e));
        s3 = f32x4.add(s3, f32x4.mul(v128.load(w + 3 * rowBytes + j), e));
      }
      const i = (r * Sp + k) * 4;
      v128.store(Dp + i, f32x4.mul(laneSums(s0, s1, s2, s3), derivativev(act, v128.load(Zp + i), v128.load(Ap + i))));
    }
  }
  for (; k < k1; k++) {
    const w = W + k * rowBytes;
    for (let r: usize = 0; r < m; r++) {
      const d = D + r * rowBytes;
      let acc = f32x4.splat(0);
      for (let j: usize = 0; j < rowBytes; j += 16) acc = f32x4.add(acc, f32x4.mul(v128.load(w + j), v128.load(d + j)));
      const sum = (f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1)) + (f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3));
      const i = (r * Sp + k) * 4;
      store<f32>(Dp + i, sum * f32x4.extract_lane(derivativev(act, v128.load32_splat(Zp + i), v128.load32_splat(Ap + i)), 0));
    }
  }
}

/**
 * GW[k0:k1, :] = Σ_r a^{l−1}[r, k] δ[r, :] for a dense layer l ≥ 1: tiles of 2 inputs × 16
 * neurons (the last 8 or 4 neurons: 4 inputs × 8, then columns) summed over the batch in
 * registers, then stored, or (`fused`) applied at once.
 */
export function weightGradientRange(l: i32, count: i32, k0: usize, k1: usize, fused: bool): void {
  const S = <usize>layer(l, L_STRIDE);
  const aStep = <usize>layer(l - 1, L_STRIDE) * 4;
  const Ap = <usize>layer(l - 1, L_A);
  const D = <usize>layer(l, L_D);
  const GW = <usize>layer(l, L_GW);
  const W = <usize>layer(l, L_W);
  // The optimizer state of W: state1 is momentum's velocity or Adam's m, state2 Adam's v.
  const state1 = <usize>layer(l, L_S1W);
  const state2 = <usize>layer(l, L_S2W);
  const lambda = f32x4.splat(headerF32(H_L2));
  const rowBytes = S * 4;
  const m = <usize>count;
  const wide16 = S & ~(<usize>15);
  const wide = S & ~(<usize>7);
  const paired = k0 + ((k1 - k0) & ~(<usize>1));
  const tiled = k0 + ((k1 - k0) & ~(<usize>3));
  // Strips of 16 neurons outside, pairs of inputs inside: a strip's errors (count rows × 64
  // bytes) stay in the L1 cache while every input pair's tile (2 × 16, eight sums: half the
  // input broadcasts of a 4 × 8 tile) reads them.
  for (let j: usize = 0; j < wide16; j += 16) {
    for (let k = k0; k < paired; k += 2) {
      let g00 = f32x4.splat(0), g01 = f32x4.splat(0), g02 = f32x4.splat(0), g03 = f32x4.splat(0);
      let g10 = f32x4.splat(0), g11 = f32x4.splat(0), g12 = f32x4.splat(0), g13 = f32x4.splat(0);
      let a = Ap + k * 4;
      let d = D + j * 4;
      for (let r: usize = 0; r < m; r++) {
        const x0 = v128.load32_splat(a), x1 = v128.load32_splat(a, 4);
        const d0 = v128.load(d), d1 = v128.load(d, 16);
        g00 = f32x4.add(g00, f32x4.mul(x0, d0)); g10 = f32x4.add(g10, f32x4.mul(x1, d0));
        g01 = f32x4.add(g01, f32x4.mul(x0, d1)); g11 = f32x4.add(g11, f32x4.mul(x1, d1));
        const d2 = v128.load(d, 32), d3 = v128.load(d, 48);
        g02 = f32x4.add(g02, f32x4.mul(x0, d2)); g12 = f32x4.add(g12, f32x4.mul(x1, d2));
        g03 = f32x4.add(g03, f32x4.mul(x0, d3)); g13 = f32x4.add(g13, f32x4.mul(x1, d3));
        a += aStep;
        d += rowBytes;
      }
      const o = k * rowBytes + j * 4, o1 = o + rowBytes;
      if (fused) {
        stepVector(W + o, g00, state1 + o, state2 + o, lambda); stepVector(W + o + 16, g01, state1 + o + 16, state2 + o + 16, lambda);
        stepVector(W + o + 32, g02, state1 + o + 32, state2 + o + 32, lambda); stepVector(W + o + 48, g03, state1 + o + 48, state2 + o + 48, lambda);
        stepVector(W + o1, g10, state1 + o1, state2 + o1, lambda); stepVector(W + o1 + 16, g11, state1 + o1 + 16, state2 + o1 + 16, lambda);
        stepVector(W + o1 + 32, g12, state1 + o1 + 32, state2 + o1 + 32, lambda); stepVector(W + o1 + 48, g13, state1 + o1 + 48, state2 + o1 + 48, lambda);
      } else {
        const g = GW + o;
        v128.store(g, g00); v128.store(g, g01, 16); v128.store(g, g02, 32); v128.store(g, g03, 48);
        v128.store(g + rowBytes, g10); v128.store(g + rowBytes, g11, 16); v128.store(g + rowBytes, g12, 32); v128.store(g + rowBytes, g13, 48);
      }
    }
    if (paired < k1) for (let jj = j; jj < j + 16; jj += 4) gradientColumn(paired, k1, jj, count, S, aStep, Ap, D, GW, W, state1, state2, lambda, fused);
  }
  // The last 8 or 4 neurons: tiles of 4 inputs × 8, then columns.
  for (let j: usize = wide16; j < wide; j += 8) {
    for (let k = k0; k < tiled; k += 4) {
      let g00 = f32x4.splat(0), g01 = f32x4.splat(0), g10 = f32x4.splat(0), g11 = f32x4.splat(0);
      let g20 = f32x4.splat(0), g21 = f32x4.splat(0), g30 = f32x4.splat(0), g31 = f32x4.splat(0);
      let a = Ap + k * 4;
      let d = D + j * 4;
      for (let r: usize = 0; r < m; r++) {
        const d0 = v128.load(d), d1 = v128.load(d, 16);
        const x0 = v128.load32_splat(a), x1 = v128.load32_splat(a, 4), x2 = v128.load32_splat(a, 8), x3 = v128.load32_splat(a, 12);
        g00 = f32x4.add(g00, f32x4.mul(x0, d0)); g01 = f32x4.add(g01, f32x4.mul(x0, d1));
        g10 = f32x4.add(g10, f32x4.mul(x1, d0)); g11 = f32x4.add(g11, f32x4.mul(x1, d1));
        g20 = f32x4.add(g20, f32x4.mul(x2, d0)); g21 = f32x4.add(g21, f32x4.mul(x2, d1));
        g30 = f32x4.add(g30, f32x4.mul(x3, d0)); g31 = f32x4.add(g31, f32x4.mul(x3, d1));
        a += aStep;
        d += rowBytes;
      }
      const o = k * rowBytes + j * 4;
      if (fused) {
        stepVector(W + o, g00, state1 + o, state2 + o, lambda); stepVector(W + o + 16, g01, state1 + o + 16, state2 + o + 16, lambda);
        const o1 = o + rowBytes, o2 = o + 2 * rowBytes, o3 = o + 3 * rowBytes;
        stepVector(W + o1, g10, state1 + o1, state2 + o1, lambda); stepVector(W + o1 + 16, g11, state1 + o1 + 16, state2 + o1 + 16, lambda);
        stepVector(W + o2, g20, state1 + o2, state2 + o2, lambda); stepVector(W + o2 + 16, g21, state1 + o2 + 16, state2 + o2 + 16, lambda);
        stepVector(W + o3, g30, state1 + o3, state2 + o3, lambda); stepVector(W + o3 + 16, g31, state1 + o3 + 16, state2 + o3 + 16, lambda);
      } else {
        const g = GW + o;
        v128.store(g, g00); v128.store(g, g01, 16);
        v128.store(g + rowBytes, g10); v128.store(g + rowBytes, g11, 16);
        v128.store(g + 2 * rowBytes, g20); v128.store(g + 2 * rowBytes, g21, 16);
        v128.store(g + 3 * rowBytes, g30); v128.store(g + 3 * rowBytes, g31, 16);
      }
    }
  }
  if (wide < S) gradientColumn(k0, tiled, wide, count, S, aStep, Ap, D, GW, W, state1, state2, lambda, fused);
  if (tiled < k1) for (let j: usize = wide16; j < S; j += 4) gradientColumn(tiled, k1, j, count, S, aStep, Ap, D, GW, W, state1, state2, lambda, fused);
}

/** GW[k, j … j+3] for k in [k0, k1), one input at a time (the tiles' leftovers). */
function gradientColumn(k0: usize, k1: usize, j: usize, count: i32, S: usize, aStep: usize, Ap: usize, D: usize, GW: usize, W: usize, state1: usize, state2: usize, lambda: v128, fused: bool): void {
  for (let k = k0; k < k1; k++) {
    let g = f32x4.splat(0);
    for (let r: usize = 0; r < <usize>count; r++) g = f32x4.add(g, f32x4.mul(v128.load32_splat(Ap + r * aStep + k * 4), v128.load(D + (r * S + j) * 4)));
    const o = (k * S + j) * 4;
    if (fused) stepVector(W + o, g, state1 + o, state2 + o, lambda);
    else v128.store(GW + o, g);
  }
}

/** GB[j0:j1] = Σ_r δ[r, j], stored, or (`fused`) applied at once (no L2 penalty on biases). */
export function biasRange(l: i32, count: i32, j0: usize, j1: usize, fused: bool): void {
  const S = <usize>layer(l, L_STRIDE);
  const D = <usize>layer(l, L_D);
  const GB = <usize>layer(l, L_GB);
  const B = <usize>layer(l, L_B);
  const state1 = <usize>layer(l, L_S1B);
  const state2 = <usize>layer(l, L_S2B);
  const zero = f32x4.splat(0);
  for (let j = j0; j < j1; j += 4) {
    let acc = f32x4.splat(0);
    for (let r = 0; r < count; r++) acc = f32x4.add(acc, v128.load(D + (<usize>r * S + j) * 4));
    if (fused) stepVector(B + j * 4, acc, state1 + j * 4, state2 + j * 4, zero);
    else v128.store(GB + j * 4, acc);
  }
}
