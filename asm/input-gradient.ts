// Layer 0's weight gradient and plain-SGD update from the batch's decoded pixels, for a range
// of neurons: used by the plain kernels (asm/backward.ts, asm/dropout.ts) for all of layer
// 0's neurons. (The wide path sums layer 0's gradient by columns instead: asm/wide-sparse.ts.)
// Every sum keeps the plain kernels' order: GW[k, j] = Σ_r x_k·δ[r, j], rows r = 0, 1, 2, …
import { header, headerF32, layer, H_L2, H_BATCH_STARTS, H_BATCH_ENTRIES, L_IN, L_STRIDE, L_W, L_GW, L_D, L_S1W, L_S2W } from './layout';
import { stepRange } from './optimizer';

/**
 * Layer 0's weight gradient for neurons [j0, j1): GW[k, j] = Σ over the rows whose pixel k is
 * non-zero of x_k·δ[r, j] (the batch's decoded entries), in strips of 16 neurons that walk the
 * whole batch; then, with `fused`, the optimizer step on those columns.
 */
export function inputGradientRange(count: i32, j0: usize, j1: usize, fused: bool): void {
  const nIn = <usize>layer(0, L_IN);
  const S = <usize>layer(0, L_STRIDE);
  const D = <usize>layer(0, L_D);
  const GW = <usize>layer(0, L_GW);
  const starts = <usize>header(H_BATCH_STARTS);
  const list = <usize>header(H_BATCH_ENTRIES);
  for (let k: usize = 0; k < nIn; k++) memory.fill(GW + (k * S + j0) * 4, 0, (j1 - j0) * 4);
  let j = j0;
  for (; j + 16 <= j1; j += 16) {
    const Gj = GW + j * 4;
    for (let r = 0; r < count; r++) {
      const dj = D + (<usize>r * S + j) * 4;
      const d0 = v128.load(dj), d1 = v128.load(dj, 16), d2 = v128.load(dj, 32), d3 = v128.load(dj, 48);
      const e1 = list + (<usize>load<u32>(starts + (<usize>r << 2), 4) << 3);
      for (let p = list + (<usize>load<u32>(starts + (<usize>r << 2)) << 3); p < e1; p += 8) {
        const g = Gj + <usize>load<u32>(p);
        const x = v128.load32_splat(p, 4);
        v128.store(g, f32x4.add(v128.load(g), f32x4.mul(x, d0)));
        v128.store(g, f32x4.add(v128.load(g, 16), f32x4.mul(x, d1)), 16);
        v128.store(g, f32x4.add(v128.load(g, 32), f32x4.mul(x, d2)), 32);
        v128.store(g, f32x4.add(v128.load(g, 48), f32x4.mul(x, d3)), 48);
      }
    }
  }
  for (; j < j1; j += 4) {
    const Gj = GW + j * 4;
    for (let r = 0; r < count; r++) {
      const d0 = v128.load(D + (<usize>r * S + j) * 4);
      const e1 = list + (<usize>load<u32>(starts + (<usize>r << 2), 4) << 3);
      for (let p = list + (<usize>load<u32>(starts + (<usize>r << 2)) << 3); p < e1; p += 8) {
        const g = Gj + <usize>load<u32>(p);
        v128.store(g, f32x4.add(v128.load(g), f32x4.mul(v128.load32_splat(p, 4), d0)));
      }
    }
  }
  if (!fused) return;
  const W = <usize>layer(0, L_W);
  const state1 = <usize>layer(0, L_S1W);
  const state2 = <usize>layer(0, L_S2W);
  const lambda = headerF32(H_L2);
  for (let k: usize = 0; k < nIn; k++) stepRange(W, GW, state1, state2, k * S + j0, k * S + j1, lambda);
}

/**
 * Plain SGD on layer 0's neurons [j0, j1), applied pixel by pixel (the plain kernels use it
 * for all neurons, asm/backward.ts): W ← (1 − sgdStep·m·λ)·W, then W[k, j] −= sgdStep·x_k·δ[r, j]
 * for each row r in turn and each of its non-zero pixels k. (δ[r, j0:j1] is scaled by
 * −sgdStep in place: nothing reads layer 0's errors afterwards.)
 */
export function inputSgdRange(count: i32, sgdStep: f32, j0: usize, j1: usize): void {
  const nIn = <usize>layer(0, L_IN);
  const S = <usize>layer(0, L_STRIDE);
  const D = <usize>layer(0, L_D);
  const W = <usize>layer(0, L_W);
  const starts = <usize>header(H_BATCH_STARTS);
  const list = <usize>header(H_BATCH_ENTRIES);
  const lambda = headerF32(H_L2);
  if (lambda != 0) {
    const decay = f32x4.splat(1 - sgdStep * <f32>count * lambda);
    for (let k: usize = 0; k < nIn; k++) {
      const end = W + (k * S + j1) * 4;
      for (let p = W + (k * S + j0) * 4; p < end; p += 16) v128.store(p, f32x4.mul(v128.load(p), decay));
    }
  }
  const minusStep = f32x4.splat(-sgdStep);
  for (let r = 0; r < count; r++) {
    const dRow = D + <usize>r * S * 4;
    for (let j = j0; j < j1; j += 4) v128.store(dRow + j * 4, f32x4.mul(v128.load(dRow + j * 4), minusStep));
  }
  let j = j0;
  for (; j + 16 <= j1; j += 16) {
    const Wj = W + j * 4;
    for (let r = 0; r < count; r++) {
      const dj = D + (<usize>r * S + j) * 4;
      const d0 = v128.load(dj), d1 = v128.load(dj, 16), d2 = v128.load(dj, 32), d3 = v128.load(dj, 48);
      const e1 = list + (<usize>load<u32>(starts + (<usize>r << 2), 4) << 3);
      for (let p = list + (<usize>load<u32>(starts + (<usize>r << 2)) << 3); p < e1; p += 8) {
        const w = Wj + <usize>load<u32>(p);
        const x = v128.load32_splat(p, 4);
        v128.store(w, f32x4.add(v128.load(w), f32x4.mul(x, d0)));
        v128.store(w, f32x4.add(v128.load(w, 16), f32x4.mul(x, d1)), 16);
        v128.store(w, f32x4.add(v128.load(w, 32), f32x4.mul(x, d2)), 32);
        v128.store(w, f32x4.add(v128.load(w, 48), f32x4.mul(x, d3)), 48);
      }
    }
  }
  for (; j < j1; j += 4) {
    const Wj = W + j * 4;
    for (let r = 0; r < count; r++) {
      const d0 = v128.load(D + (<usize>r * S + j) * 4);
      const e1 = list + (<usize>load<u32>(starts + (<usize>r << 2), 4) << 3);
      for (let p = list + (<usize>load<u32>(starts + (<usize>r << 2)) << 3); p < e1; p += 8) {
        const w = Wj + <usize>load<u32>(p);
        v128.store(w, f32x4.add(v128.load(w), f32x4.mul(v128.load32_splat(p, 4), d0)));
      }
    }
  }
}
