// The forward pass for a batch: Z^l = A^{l−1}·W^l + b^l, A^l = f(Z^l), one row per example,
// with W^l stored transposed (n_in × stride) so that one input k contributes one contiguous
// row of weights: z[j … j+15] += a_k · W[k, j … j+15], four f32x4 lanes at a time.
import { header, layer, H_LAYERS, H_HIDDEN, H_OUTPUT, H_LUT, H_BATCH_STARTS, H_BATCH_ENTRIES, L_IN, L_OUT, L_STRIDE, L_W, L_B, L_Z, L_A, ACT_SIGMOID, ACT_RELU, ACT_TANH, ACT_SOFTMAX } from './layout';
import { gatherBatchEntries, touchExamples, ENTRY_BYTES } from './sparse';
import { sigmoidv, reluv, tanhv, expf } from './math';

/**
 * Runs every layer for batch rows 0 … count−1. Row r is example `rows[r]` (u32) of the
 * sparse store (offsets, indices, values); see sparse.ts.
 */
export function forwardBatch(count: i32, rows: usize, offsets: usize, entries: usize): void {
  const L = header(H_LAYERS);
  forwardSparseInput(count, rows, offsets, entries);
  activate(0, count, L == 1 ? header(H_OUTPUT) : header(H_HIDDEN));
  for (let l = 1; l < L; l++) {
    forwardDense(l, count);
    activate(l, count, l == L - 1 ? header(H_OUTPUT) : header(H_HIDDEN));
  }
}

/**
 * Layer 0: z = b + Σ over the example's non-zero pixels k of x_k · Wᵀ[k, :].
 *
 * Columns 0–15 are computed while the example's entries are decoded from the sparse store
 * into the batch's entry list (u32 byte offset of row k, f32 x_k), which the remaining
 * columns and the backward pass then read. Two entries are multiplied and added to each
 * other before they join the running sums, so those wait on one addition per two entries
 * (measured ~40 % faster than one per entry, and than two sets of sums, which run out of
 * registers).
 */
export function forwardSparseInput(count: i32, rows: usize, offsets: usize, entries: usize): void {
  const S = <usize>layer(0, L_STRIDE);
  const W = <usize>layer(0, L_W);
  const B = <usize>layer(0, L_B);
  const Z = <usize>layer(0, L_Z);
  const starts = <usize>header(H_BATCH_STARTS);
  const list = <usize>header(H_BATCH_ENTRIES);
  if (S < 16) gatherBatchEntries(count, rows, offsets, entries, S * 4, <usize>header(H_LUT), starts, list);
  else decodeAndForward16(count, rows, offsets, entries, S, W, B, Z, starts, list);
  for (let r = 0; r < count; r++) {
    const e0 = <usize>load<u32>(starts + (<usize>r << 2));
    const e1 = <usize>load<u32>(starts + (<usize>r << 2), 4);
    const zRow = Z + <usize>r * S * 4;
    let j: usize = S < 16 ? 0 : 16;
    for (; j + 16 <= S; j += 16) {
      const bj = B + j * 4;
      const Wj = W + j * 4;
      let a0 = v128.load(bj), a1 = v128.load(bj, 16), a2 = v128.load(bj, 32), a3 = v128.load(bj, 48);
      let e = e0;
      for (; e + 1 < e1; e += 2) {
        const p = list + (e << 3);
        const wa = Wj + <usize>load<u32>(p);
        const xa = v128.load32_splat(p, 4);
        const wb = Wj + <usize>load<u32>(p, 8);
        const xb = v128.load32_splat(p, 12);
        a0 = f32x4.add(a0, f32x4.add(f32x4.mul(xa, v128.load(wa)), f32x4.mul(xb, v128.load(wb))));
        a1 = f32x4.add(a1, f32x4.add(f32x4.mul(xa, v128.load(wa, 16)), f32x4.mul(xb, v128.load(wb, 16))));
        a2 = f32x4.add(a2, f32x4.add(f32x4.mul(xa, v128.load(wa, 32)), f32x4.mul(xb, v128.load(wb, 32))));
        a3 = f32x4.add(a3, f32x4.add(f32x4.mul(xa, v128.load(wa, 48)), f32x4.mul(xb, v128.load(wb, 48))));
      }
      if (e < e1) {
        const p = list + (e << 3);
        const wa = Wj + <usize>load<u32>(p);
        const xa = v128.load32_splat(p, 4);
        a0 = f32x4.add(a0, f32x4.mul(xa, v128.load(wa)));
        a1 = f32x4.add(a1, f32x4.mul(xa, v128.load(wa, 16)));
        a2 = f32x4.add(a2, f32x4.mul(xa, v128.load(wa, 32)));
        a3 = f32x4.add(a3, f32x4.mul(xa, v128.load(wa, 48)));
      }
      const zj = zRow + j * 4;
      v128.store(zj, a0); v128.store(zj, a1, 16); v128.store(zj, a2, 32); v128.store(zj, a3, 48);
    }
    for (; j < S; j += 4) {
      let a0 = v128.load(B + j * 4);
      const Wj = W + j * 4;
      let e = e0;
      for (; e + 1 < e1; e += 2) {
        const p = list + (e << 3);
        const ta = f32x4.mul(v128.load32_splat(p, 4), v128.load(Wj + <usize>load<u32>(p)));
        const tb = f32x4.mul(v128.load32_splat(p, 12), v128.load(Wj + <usize>load<u32>(p, 8)));
        a0 = f32x4.add(a0, f32x4.add(ta, tb));
      }
      if (e < e1) {
        const p = list + (e << 3);
        a0 = f32x4.add(a0, f32x4.mul(v128.load32_splat(p, 4), v128.load(Wj + <usize>load<u32>(p))));
      }
      v128.store(zRow + j * 4, a0);
    }
  }
}

/**
 * Decodes each batch row's non-zero pixels from the sparse store into the batch entry list
 * and, in the same pass, computes z[r, 0 … 15] (the whole layer for the seed's 16 neurons):
 * one read of the store instead of a decoding pass and a second read of the list.
 */
function decodeAndForward16(count: i32, rows: usize, offsets: usize, entries: usize, S: usize, W: usize, B: usize, Z: usize, starts: usize, list: usize): void {
  const lut = <usize>header(H_LUT);
  const rowBytes = S * 4;
  touchExamples(count, rows, offsets, entries);
  let o: usize = 0;
  for (let r = 0; r < count; r++) {
    store<u32>(starts + (<usize>r << 2), <u32>o);
    const ex = <usize>load<u32>(rows + (<usize>r << 2));
    let e = <usize>load<u32>(offsets + (ex << 2));
    const e1 = <usize>load<u32>(offsets + (ex << 2), 4);
    let a0 = v128.load(B), a1 = v128.load(B, 16), a2 = v128.load(B, 32), a3 = v128.load(B, 48);
    for (; e + 1 < e1; e += 2) {
      const at = entries + e * ENTRY_BYTES;
      const oa = <usize>load<u16>(at) * rowBytes;
      const va = load<f32>(lut + (<usize>load<u8>(at, 2) << 2));
      const ob = <usize>load<u16>(at, 3) * rowBytes;
      const vb = load<f32>(lut + (<usize>load<u8>(at, 5) << 2));
      const p = list + (o << 3);
      store<u32>(p, <u32>oa); store<f32>(p, va, 4); store<u32>(p, <u32>ob, 8); store<f32>(p, vb, 12);
      o += 2;
      const wa = W + oa, wb = W + ob;
      const xa = f32x4.splat(va), xb = f32x4.splat(vb);
      a0 = f32x4.add(a0, f32x4.add(f32x4.mul(xa, v128.load(wa)), f32x4.mul(xb, v128.load(wb))));
      a1 = f32x4.add(a1, f32x4.add(f32x4.mul(xa, v128.load(wa, 16)), f32x4.mul(xb, v128.load(wb, 16))));
      a2 = f32x4.add(a2, f32x4.add(f32x4.mul(xa, v128.load(wa, 32)), f32x4.mul(xb, v128.load(wb, 32))));
      a3 = f32x4.add(a3, f32x4.add(f32x4.mul(xa, v128.load(wa, 48)), f32x4.mul(xb, v128.load(wb, 48))));
    }
    if (e < e1) {
      const at = entries + e * ENTRY_BYTES;
      const oa = <usize>load<u16>(at) * rowBytes;
      const va = load<f32>(lut + (<usize>load<u8>(at, 2) << 2));
      const p = list + (o << 3);
      store<u32>(p, <u32>oa); store<f32>(p, va, 4);
      o++;
      const wa = W + oa;
      const xa = f32x4.splat(va);
      a0 = f32x4.add(a0, f32x4.mul(xa, v128.load(wa)));
      a1 = f32x4.add(a1, f32x4.mul(xa, v128.load(wa, 16)));
      a2 = f32x4.add(a2, f32x4.mul(xa, v128.load(wa, 32)));
      a3 = f32x4.add(a3, f32x4.mul(xa, v128.load(wa, 48)));
    }
    const zRow = Z + <usize>r * S * 4;
    v128.store(zRow, a0); v128.store(zRow, a1, 16); v128.store(zRow, a2, 32); v128.store(zRow, a3, 48);
  }
  store<u32>(starts + (<usize>count << 2), <u32>o);
}

/** Layer l ≥ 1: z = b + Σ_k a^{l−1}_k · Wᵀ[k, :] (dense). */
export function forwardDense(l: i32, count: i32): void {
  const nIn = <usize>layer(l, L_IN);
  const S = <usize>layer(l, L_STRIDE);
  const Sp = <usize>layer(l - 1, L_STRIDE);
  const Ap = <usize>layer(l - 1, L_A);
  const W = <usize>layer(l, L_W);
  const B = <usize>layer(l, L_B);
  const Z = <usize>layer(l, L_Z);
  for (let r = 0; r < count; r++) {
    const aRow = Ap + <usize>r * Sp * 4;
    const zRow = Z + <usize>r * S * 4;
    let j: usize = 0;
    for (; j + 16 <= S; j += 16) {
      const bj = B + j * 4;
      let z0 = v128.load(bj), z1 = v128.load(bj, 16), z2 = v128.load(bj, 32), z3 = v128.load(bj, 48);
      let w = W + j * 4;
      for (let k: usize = 0; k < nIn; k++) {
        const x = v128.load32_splat(aRow + (k << 2));
        z0 = f32x4.add(z0, f32x4.mul(x, v128.load(w)));
        z1 = f32x4.add(z1, f32x4.mul(x, v128.load(w, 16)));
        z2 = f32x4.add(z2, f32x4.mul(x, v128.load(w, 32)));
        z3 = f32x4.add(z3, f32x4.mul(x, v128.load(w, 48)));
        w += S * 4;
      }
      const zj = zRow + j * 4;
      v128.store(zj, z0); v128.store(zj, z1, 16); v128.store(zj, z2, 32); v128.store(zj, z3, 48);
    }
    for (; j < S; j += 4) {
      let z0 = v128.load(B + j * 4);
      let w = W + j * 4;
      for (let k: usize = 0; k < nIn; k++) {
        z0 = f32x4.add(z0, f32x4.mul(v128.load32_splat(aRow + (k << 2)), v128.load(w)));
        w += S * 4;
      }
      v128.store(zRow + j * 4, z0);
    }
  }
}

/** A^l = f(Z^l) over the batch rows (the padding lanes too; they are never read as inputs). */
export function activate(l: i32, count: i32, act: i32): void {
  const S = <usize>layer(l, L_STRIDE);
  const Z = <usize>layer(l, L_Z);
  const A = <usize>layer(l, L_A);
  const bytes = <usize>count * S * 4;
  if (act == ACT_SOFTMAX) {
    softmaxRows(count, <usize>layer(l, L_OUT), S, Z, A);
  } else if (act == ACT_SIGMOID) {
    for (let i: usize = 0; i < bytes; i += 16) v128.store(A + i, sigmoidv(v128.load(Z + i)));
  } else if (act == ACT_RELU) {
    for (let i: usize = 0; i < bytes; i += 16) v128.store(A + i, reluv(v128.load(Z + i)));
  } else if (act == ACT_TANH) {
    for (let i: usize = 0; i < bytes; i += 16) v128.store(A + i, tanhv(v128.load(Z + i)));
  } else {
    unreachable();
  }
}

/** a_j = e^{z_j − max z} / Σ_k e^{z_k − max z} per row, over the n real columns. */
function softmaxRows(count: i32, n: usize, S: usize, Z: usize, A: usize): void {
  for (let r = 0; r < count; r++) {
    const z = Z + <usize>r * S * 4;
    const a = A + <usize>r * S * 4;
    let top = load<f32>(z);
    for (let j: usize = 1; j < n; j++) {
      const v = load<f32>(z + (j << 2));
      if (v > top) top = v;
    }
    let sum: f32 = 0;
    for (let j: usize = 0; j < n; j++) {
      const e = expf(load<f32>(z + (j << 2)) - top);
      store<f32>(a + (j << 2), e);
      sum += e;
    }
    for (let j: usize = 0; j < n; j++) store<f32>(a + (j << 2), load<f32>(a + (j << 2)) / sum);
  }
}
