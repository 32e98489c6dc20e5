// The wide path's backward products through a ReLU layer, skipping its zero activations.
// For a ReLU layer l−1, a[r, k] = 0 exactly when z[r, k] ≤ 0, and then
//   δ^{l−1}[r, k] = (W^l δ^l)[r, k] · relu'(z) = 0      (no dot product needed), and
//   GW^l[k, :]    = Σ_r a[r, k] δ^l[r, :]                (row r adds nothing).
// Both are computed from the layer's non-zero lists (asm/wide-forward.ts `listNonZero`), with
// the sums in the dense kernels' order (asm/wide-backward.ts), so the results are theirs up to
// the sign of a zero.
import { header, headerF32, layer, H_L2, H_OPTIMIZER, OPT_SGD, L_OUT, L_STRIDE, L_W, L_GW, L_D, L_S1W, L_S2W } from './layout';
import { stepVector } from './optimizer';

/** Adds the four lanes of s0 … s3 each ((l0 + l1) + (l2 + l3)) into one vector [Σs0, Σs1, Σs2, Σs3]. */
// @ts-ignore: decorator
@inline function laneSums(s0: v128, s1: v128, s2: v128, s3: v128): v128 {
  const t0 = f32x4.add(v128.shuffle<f32>(s0, s1, 0, 4, 2, 6), v128.shuffle<f32>(s0, s1, 1, 5, 3, 7));
  const t1 = f32x4.add(v128.shuffle<f32>(s2, s3, 0, 4, 2, 6), v128.shuffle<f32>(s2, s3, 1, 5, 3, 7));
  return f32x4.add(v128.shuffle<f32>(t0, t1, 0, 1, 4, 5), v128.shuffle<f32>(t0, t1, 2, 3, 6, 7));
}

/**
 * δ^{l−1}[:, k0:k1] for a ReLU layer l−1 from the share's non-zero list (entries (k, a) per
 * row): zero, then Σ_j Wᵀ[k, j] δ[r, j] for each listed (r, k), four listed inputs of a row
 * at a time (four lane sums sharing each load of the row's errors). relu'(z) = 1 there.
 * With dropout (`mask` ≠ 0: layer l−1's masks, rows × its stride) each sum is multiplied by
 * its mask entry, as the plain kernels multiply δ·f'(z) by it (asm/dropout.ts); a dropped
 * neuron's activation is 0, so it is not listed and its error stays 0.
 */
export function propagateListRange(l: i32, count: i32, k0: usize, k1: usize, starts: usize, list: usize, mask: usize): void {
  const S = <usize>layer(l, L_STRIDE);
  const Sp = <usize>layer(l - 1, L_STRIDE);
  const W = <usize>layer(l, L_W);
  const D = <usize>layer(l, L_D);
  const Dp = <usize>layer(l - 1, L_D);
  const rowBytes = S * 4;
  for (let r: usize = 0; r < <usize>count; r++) {
    const out = Dp + r * Sp * 4;
    memory.fill(out + k0 * 4, 0, (k1 - k0) * 4);
    const d = D + r * rowBytes;
    let p = list + (<usize>load<u32>(starts + (r << 2)) << 3);
    const end = list + (<usize>load<u32>(starts + (r << 2), 4) << 3);
    for (; p + 32 <= end; p += 32) {
      const ka = <usize>load<u32>(p), kb = <usize>load<u32>(p, 8), kc = <usize>load<u32>(p, 16), kd = <usize>load<u32>(p, 24);
      const wa = W + ka * rowBytes, wb = W + kb * rowBytes, wc = W + kc * rowBytes, wd = W + kd * rowBytes;
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      for (let j: usize = 0; j < rowBytes; j += 16) {
        const e = v128.load(d + j);
        s0 = f32x4.add(s0, f32x4.mul(v128.load(wa + j), e));
        s1 = f32x4.add(s1, f32x4.mul(v128.load(wb + j), e));
        s2 = f32x4.add(s2, f32x4.mul(v128.load(wc + j), e));
        s3 = f32x4.add(s3, f32x4.mul(v128.load(wd + j), e));
      }
      const sums = laneSums(s0, s1, s2, s3);
      store<f32>(out + (ka << 2), f32x4.extract_lane(sums, 0));
      store<f32>(out + (kb << 2), f32x4.extract_lane(sums, 1));
      store<f32>(out + (kc << 2), f32x4.extract_lane(sums, 2));
      store<f32>(out + (kd << 2), f32x4.extract_lane(sums, 3));
    }
    for (; p < end; p += 8) {
      const k = <usize>load<u32>(p);
      const w = W + k * rowBytes;
      let acc = f32x4.splat(0);
      for (let j: usize = 0; j < rowBytes; j += 16) acc = f32x4.add(acc, f32x4.mul(v128.load(w + j), v128.load(d + j)));
      store<f32>(out + (k << 2), (f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1)) + (f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3)));
    }
    if (mask != 0) {
      // The listed entries again, each error times its mask (the others are 0 already).
      const m = mask + r * Sp * 4;
      const e0 = list + (<usize>load<u32>(starts + (r << 2)) << 3);
      for (let q = e0; q < end; q += 8) {
        const at = <usize>load<u32>(q) << 2;
        store<f32>(out + at, load<f32>(out + at) * load<f32>(m + at));
      }
    }
  }
}

/**
 * The share's non-zero list turned by columns: for each input k in [k0, k1), the batch rows r
 * (ascending) with a[r, k] ≠ 0 and the value, as entries (u32 r, f32 a) [colStarts[k − k0],
 * colStarts[k − k0 + 1]) of `colList` (a counting sort, so rows stay in order). The list's
 * entries carry k·`unit` (1 for a ReLU layer's lists; PANEL_ROW for the
 * batch's pixels), and entries with k outside [k0, k1) are left out.
 */
export function columnLists(count: i32, k0: usize, k1: usize, starts: usize, list: usize, colStarts: usize, colList: usize, unit: usize = 1): void {
  const n = k1 - k0;
  // k·unit / unit, exactly: the product by the reciprocal is within 2⁻⁵⁰ of k, then rounded.
  const inv = 1.0 / <f64>unit;
  memory.fill(colStarts, 0, (n + 1) * 4);
  const first = list + (<usize>load<u32>(starts) << 3);
  const last = list + (<usize>load<u32>(starts + (<usize>count << 2)) << 3);
  for (let p = first; p < last; p += 8) {
    const k = columnOf(load<u32>(p), inv);
    if (k - k0 < n) {
      const c = colStarts + ((k - k0 + 1) << 2);
      store<u32>(c, load<u32>(c) + 1);
    }
  }
  // Exclusive prefix sums, shifted one place: colStarts[i + 1] becomes where column i starts,
  // its cursor while rows are placed; afterwards it is where column i ends.
  let sum: u32 = 0;
  for (let i: usize = 1; i <= n; i++) {
    const c = load<u32>(colStarts + (i << 2));
    store<u32>(colStarts + (i << 2), sum);
    sum += c;
  }
  for (let r = 0; r < count; r++) {
    const end = list + (<usize>load<u32>(starts + (<usize>r << 2), 4) << 3);
    for (let p = list + (<usize>load<u32>(starts + (<usize>r << 2)) << 3); p < end; p += 8) {
      const k = columnOf(load<u32>(p), inv);
      if (k - k0 >= n) continue;
      const c = colStarts + ((k - k0 + 1) << 2);
      const at = colList + (<usize>load<u32>(c) << 3);
      store<u32>(at, <u32>r);
      store<f32>(at, load<f32>(p, 4), 4);
      store<u32>(c, load<u32>(c) + 1);
    }
  }
}

/** k from an entry's k·unit (`inv` = 1/unit). (usize arithmetic: k < k0 wraps above n, so one compare tests both ends.) */
// @ts-ignore: decorator
@inline function columnOf(v: u32, inv: f64): usize {
  return <usize>(<f64>v * inv + 0.5);
}

/**
 * GW^l[k0:k1, :] = Σ over the rows of column k's list of a·δ[r, :] (`columnLists`), in strips
 * of 32 neurons (then 16, then 4) summed in registers, then stored, or (`fused`) applied at
 * once; the padding lanes past the last neuron are left alone (their gradient is 0).
 */
export function weightGradientColumnsRange(l: i32, k0: usize, k1: usize, colStarts: usize, colList: usize, fused: bool): void {
  const S = <usize>layer(l, L_STRIDE);
  const D = <usize>layer(l, L_D);
  const GW = <usize>layer(l, L_GW);
  const W = <usize>layer(l, L_W);
  // The optimizer state of W: state1 is momentum's velocity or Adam's m, state2 Adam's v.
  const state1 = <usize>layer(l, L_S1W);
  const state2 = <usize>layer(l, L_S2W);
  const lambda = f32x4.splat(headerF32(H_L2));
  const rowBytes = S * 4;
  // The real neurons only (rounded to whole vectors): a padding lane's gradient is 0, its weight stays 0.
  const J = (<usize>layer(l, L_OUT) + 3) & ~(<usize>3);
  const wide = J & ~(<usize>31);
  // Plain SGD without an L2 penalty leaves a weight whose gradient is 0 as it is (w − η·0 = w,
  // bit for bit): the rows of inputs that are zero in every example of the batch are skipped.
  const skipEmpty = fused && header(H_OPTIMIZER) == OPT_SGD && headerF32(H_L2) == 0;
  for (let k = k0; k < k1; k++) {
    const first = colList + (<usize>load<u32>(colStarts + ((k - k0) << 2)) << 3);
    const last = colList + (<usize>load<u32>(colStarts + ((k - k0 + 1) << 2)) << 3);
    if (skipEmpty && first == last) continue;
    const row = k * rowBytes;
    let j: usize = 0;
    for (; j < wide; j += 32) {
      let g0 = f32x4.splat(0), g1 = f32x4.splat(0), g2 = f32x4.splat(0), g3 = f32x4.splat(0);
      let g4 = f32x4.splat(0), g5 = f32x4.splat(0), g6 = f32x4.splat(0), g7 = f32x4.splat(0);
      for (let p = first; p < last; p += 8) {
        const d = D + <usize>load<u32>(p) * rowBytes + j * 4;
        const x = v128.load32_splat(p + 4);
        g0 = f32x4.add(g0, f32x4.mul(x, v128.load(d))); g1 = f32x4.add(g1, f32x4.mul(x, v128.load(d, 16)));
        g2 = f32x4.add(g2, f32x4.mul(x, v128.load(d, 32))); g3 = f32x4.add(g3, f32x4.mul(x, v128.load(d, 48)));
        g4 = f32x4.add(g4, f32x4.mul(x, v128.load(d, 64))); g5 = f32x4.add(g5, f32x4.mul(x, v128.load(d, 80)));
        g6 = f32x4.add(g6, f32x4.mul(x, v128.load(d, 96))); g7 = f32x4.add(g7, f32x4.mul(x, v128.load(d, 112)));
      }
      const o = row + j * 4;
      if (fused) {
        stepVector(W + o, g0, state1 + o, state2 + o, lambda); stepVector(W + o + 16, g1, state1 + o + 16, state2 + o + 16, lambda);
        stepVector(W + o + 32, g2, state1 + o + 32, state2 + o + 32, lambda); stepVector(W + o + 48, g3, state1 + o + 48, state2 + o + 48, lambda);
        stepVector(W + o + 64, g4, state1 + o + 64, state2 + o + 64, lambda); stepVector(W + o + 80, g5, state1 + o + 80, state2 + o + 80, lambda);
        stepVector(W + o + 96, g6, state1 + o + 96, state2 + o + 96, lambda); stepVector(W + o + 112, g7, state1 + o + 112, state2 + o + 112, lambda);
      } else {
        const g = GW + o;
        v128.store(g, g0); v128.store(g, g1, 16); v128.store(g, g2, 32); v128.store(g, g3, 48);
        v128.store(g, g4, 64); v128.store(g, g5, 80); v128.store(g, g6, 96); v128.store(g, g7, 112);
      }
    }
    for (; j + 16 <= J; j += 16) {
      let g0 = f32x4.splat(0), g1 = f32x4.splat(0), g2 = f32x4.splat(0), g3 = f32x4.splat(0);
      for (let p = first; p < last; p += 8) {
        const d = D + <usize>load<u32>(p) * rowBytes + j * 4;
        const x = v128.load32_splat(p + 4);
        g0 = f32x4.add(g0, f32x4.mul(x, v128.load(d))); g1 = f32x4.add(g1, f32x4.mul(x, v128.load(d, 16)));
        g2 = f32x4.add(g2, f32x4.mul(x, v128.load(d, 32))); g3 = f32x4.add(g3, f32x4.mul(x, v128.load(d, 48)));
      }
      const o = row + j * 4;
      if (fused) {
        stepVector(W + o, g0, state1 + o, state2 + o, lambda); stepVector(W + o + 16, g1, state1 + o + 16, state2 + o + 16, lambda);
        stepVector(W + o + 32, g2, state1 + o + 32, state2 + o + 32, lambda); stepVector(W + o + 48, g3, state1 + o + 48, state2 + o + 48, lambda);
      } else {
        const g = GW + o;
        v128.store(g, g0); v128.store(g, g1, 16); v128.store(g, g2, 32); v128.store(g, g3, 48);
      }
    }
    for (; j < J; j += 4) {
      let g = f32x4.splat(0);
      for (let p = first; p < last; p += 8) g = f32x4.add(g, f32x4.mul(v128.load32_splat(p + 4), v128.load(D + <usize>load<u32>(p) * rowBytes + j * 4)));
      const o = row + j * 4;
      if (fused) stepVector(W + o, g, state1 + o, state2 + o, lambda);
      else v128.store(GW + o, g);
    }
  }
}
