// The wide path's forward products, each for a range of output neurons [j0, j1) (a multiple
// of 4 wide), so that two threads can share a layer (asm/wide.ts). Every z is summed in the
// same order as the plain kernel's dense loop: z = b, then z += a_k·w_kj for k = 0, 1, 2, …,
// one rounding per term. So the result does not depend on the tiling, on the range split or
// on skipping zero inputs (a zero term adds nothing, up to the sign of a zero).
import { layer, L_IN, L_OUT, L_STRIDE, L_W, L_B, L_Z, L_A } from './layout';
import { packStrip, PANEL_ROW } from './panel';

/**
 * Rows per block of the list products: every strip of neurons is packed once per block and
 * walks the block's entry lists (an evaluation chunk of 500 rows is five blocks).
 */
const ROW_BLOCK = 100;

/**
 * Z[r, j0:j1] = b + A^{l−1}[r, :]·W for a dense input (every a_k, zero or not): register tiles
 * of 2 batch rows × 16 neurons (eight f32x4 sums), each weight row segment loaded once per two
 * rows and each input broadcast once per four vectors (measured ~5 % faster than 4 rows × 8
 * neurons, which broadcast twice as often); a last 8 or 4 neurons in tiles of 4 rows × 8 and
 * 1 × 4. Each strip of W is first packed into `panel` (n_in rows of 64 or 32 contiguous bytes,
 * in cache for all rows, where the strip itself is spread over n_in rows of W).
 */
export function forwardDenseRange(l: i32, count: i32, j0: usize, j1: usize, panel: usize): void {
  const nIn = <usize>layer(l, L_IN);
  const S = <usize>layer(l, L_STRIDE);
  const aStep = <usize>layer(l - 1, L_STRIDE) * 4;
  const Ap = <usize>layer(l - 1, L_A);
  const W = <usize>layer(l, L_W);
  const B = <usize>layer(l, L_B);
  const Z = <usize>layer(l, L_Z);
  const wStep = S * 4;
  const m = <usize>count;
  let j = j0;
  for (; j + 16 <= j1; j += 16) {
    packStrip(panel, W + j * 4, wStep, nIn, true);
    const bj = B + j * 4;
    const b0 = v128.load(bj), b1 = v128.load(bj, 16), b2 = v128.load(bj, 32), b3 = v128.load(bj, 48);
    let r: usize = 0;
    for (; r + 2 <= m; r += 2) {
      let z00 = b0, z01 = b1, z02 = b2, z03 = b3, z10 = b0, z11 = b1, z12 = b2, z13 = b3;
      let a = Ap + r * aStep;
      let w = panel;
      const end = a + nIn * 4;
      for (; a < end; a += 4) {
        const x0 = v128.load32_splat(a);
        const x1 = v128.load32_splat(a + aStep);
        const w0 = v128.load(w), w1 = v128.load(w, 16);
        z00 = f32x4.add(z00, f32x4.mul(x0, w0)); z10 = f32x4.add(z10, f32x4.mul(x1, w0));
        z01 = f32x4.add(z01, f32x4.mul(x0, w1)); z11 = f32x4.add(z11, f32x4.mul(x1, w1));
        const w2 = v128.load(w, 32), w3 = v128.load(w, 48);
        z02 = f32x4.add(z02, f32x4.mul(x0, w2)); z12 = f32x4.add(z12, f32x4.mul(x1, w2));
        z03 = f32x4.add(z03, f32x4.mul(x0, w3)); z13 = f32x4.add(z13, f32x4.mul(x1, w3));
        w += PANEL_ROW;
      }
      const z = Z + (r * S + j) * 4;
      v128.store(z, z00); v128.store(z, z01, 16); v128.store(z, z02, 32); v128.store(z, z03, 48);
      v128.store(z + wStep, z10); v128.store(z + wStep, z11, 16); v128.store(z + wStep, z12, 32); v128.store(z + wStep, z13, 48);
    }
    for (; r < m; r++) {
      let z0 = b0, z1 = b1, z2 = b2, z3 = b3;
      let a = Ap + r * aStep;
      let w = panel;
      const end = a + nIn * 4;
      for (; a < end; a += 4) {
        const x = v128.load32_splat(a);
        z0 = f32x4.add(z0, f32x4.mul(x, v128.load(w))); z1 = f32x4.add(z1, f32x4.mul(x, v128.load(w, 16)));
        z2 = f32x4.add(z2, f32x4.mul(x, v128.load(w, 32))); z3 = f32x4.add(z3, f32x4.mul(x, v128.load(w, 48)));
        w += PANEL_ROW;
      }
      const z = Z + (r * S + j) * 4;
      v128.store(z, z0); v128.store(z, z1, 16); v128.store(z, z2, 32); v128.store(z, z3, 48);
    }
  }
  for (; j + 8 <= j1; j += 8) {
    for (let k: usize = 0; k < nIn; k++) {
      const src = W + k * wStep + j * 4;
      v128.store(panel + k * 32, v128.load(src));
      v128.store(panel + k * 32, v128.load(src, 16), 16);
    }
    const b0 = v128.load(B + j * 4), b1 = v128.load(B + j * 4, 16);
    let r: usize = 0;
    for (; r + 4 <= m; r += 4) {
      let z00 = b0, z01 = b1, z10 = b0, z11 = b1, z20 = b0, z21 = b1, z30 = b0, z31 = b1;
      let a = Ap + r * aStep;
      let w = panel;
      const end = a + nIn * 4;
      for (; a < end; a += 4) {
        const w0 = v128.load(w), w1 = v128.load(w, 16);
        const x0 = v128.load32_splat(a);
        const x1 = v128.load32_splat(a + aStep);
        const x2 = v128.load32_splat(a + 2 * aStep);
        const x3 = v128.load32_splat(a + 3 * aStep);
        z00 = f32x4.add(z00, f32x4.mul(x0, w0)); z01 = f32x4.add(z01, f32x4.mul(x0, w1));
        z10 = f32x4.add(z10, f32x4.mul(x1, w0)); z11 = f32x4.add(z11, f32x4.mul(x1, w1));
        z20 = f32x4.add(z20, f32x4.mul(x2, w0)); z21 = f32x4.add(z21, f32x4.mul(x2, w1));
        z30 = f32x4.add(z30, f32x4.mul(x3, w0)); z31 = f32x4.add(z31, f32x4.mul(x3, w1));
        w += 32;
      }
      const z = Z + (r * S + j) * 4;
      v128.store(z, z00); v128.store(z, z01, 16);
      v128.store(z + wStep, z10); v128.store(z + wStep, z11, 16);
      v128.store(z + 2 * wStep, z20); v128.store(z + 2 * wStep, z21, 16);
      v128.store(z + 3 * wStep, z30); v128.store(z + 3 * wStep, z31, 16);
    }
    for (; r < m; r++) {
      let z0 = b0, z1 = b1;
      let a = Ap + r * aStep;
      let w = panel;
      const end = a + nIn * 4;
      for (; a < end; a += 4) {
        const x = v128.load32_splat(a);
        z0 = f32x4.add(z0, f32x4.mul(x, v128.load(w)));
        z1 = f32x4.add(z1, f32x4.mul(x, v128.load(w, 16)));
        w += 32;
      }
      const z = Z + (r * S + j) * 4;
      v128.store(z, z0); v128.store(z, z1, 16);
    }
  }
  for (; j < j1; j += 4) {
    const b0 = v128.load(B + j * 4);
    for (let r: usize = 0; r < m; r++) {
      let z0 = b0;
      let a = Ap + r * aStep;
      let w = W + j * 4;
      const end = a + nIn * 4;
      for (; a < end; a += 4) {
        z0 = f32x4.add(z0, f32x4.mul(v128.load32_splat(a), v128.load(w)));
        w += wStep;
      }
      v128.store(Z + (r * S + j) * 4, z0);
    }
  }
}

/**
 * Z[r, j0:j1] = b + Σ over row r's non-zero inputs (k, x_k) of x_k·Wᵀ[k, j0:j1], for a sparse
 * input given as entry lists (u32 k, f32 x_k: a ReLU layer's non-zero activations), ascending
 * in k: row r's entries are [startsA[r], startsA[r+1]) of `listA`, then (when `startsB` ≠ 0)
 * [startsB[r], startsB[r+1]) of `listB` (the two threads' halves of a ReLU layer). Strips of
 * 16 neurons (four independent sums, one cache line of each weight row), each packed into
 * `panel` first as the first layer's are (`forwardInputRange`), walk a block of rows before
 * the next strip (measured: strips of 16 12–18 % faster at 512 wide than strips of 32).
 */
export function forwardListRange(l: i32, count: i32, j0: usize, j1: usize, startsA: usize, listA: usize, startsB: usize, listB: usize, panel: usize): void {
  for (let r0 = 0; r0 < count; r0 += ROW_BLOCK) forwardListRows(l, r0, min(count, r0 + ROW_BLOCK), j0, j1, startsA, listA, startsB, listB, panel);
}

function forwardListRows(l: i32, r0: i32, r1: i32, j0: usize, j1: usize, startsA: usize, listA: usize, startsB: usize, listB: usize, panel: usize): void {
  const nIn = <usize>layer(l, L_IN);
  const S = <usize>layer(l, L_STRIDE);
  const W = <usize>layer(l, L_W);
  const B = <usize>layer(l, L_B);
  const Z = <usize>layer(l, L_Z);
  const wStep = S * 4;
  const lists = startsB == 0 ? 1 : 2;
  let j = j0;
  for (; j + 16 <= j1; j += 16) {
    packStrip(panel, W + j * 4, wStep, nIn, true);
    const bj = B + j * 4;
    for (let r = r0; r < r1; r++) {
      let z0 = v128.load(bj), z1 = v128.load(bj, 16), z2 = v128.load(bj, 32), z3 = v128.load(bj, 48);
      for (let h = 0; h < lists; h++) {
        const starts = h == 0 ? startsA : startsB;
        const list = h == 0 ? listA : listB;
        const e1 = list + (<usize>load<u32>(starts + (<usize>r << 2), 4) << 3);
        for (let p = list + (<usize>load<u32>(starts + (<usize>r << 2)) << 3); p < e1; p += 8) {
          const w = panel + <usize>load<u32>(p) * PANEL_ROW;
          const x = v128.load32_splat(p, 4);
          z0 = f32x4.add(z0, f32x4.mul(x, v128.load(w)));
          z1 = f32x4.add(z1, f32x4.mul(x, v128.load(w, 16)));
          z2 = f32x4.add(z2, f32x4.mul(x, v128.load(w, 32)));
          z3 = f32x4.add(z3, f32x4.mul(x, v128.load(w, 48)));
        }
      }
      const z = Z + (<usize>r * S + j) * 4;
      v128.store(z, z0); v128.store(z, z1, 16); v128.store(z, z2, 32); v128.store(z, z3, 48);
    }
  }
  for (; j < j1; j += 4) {
    packStrip(panel, W + j * 4, wStep, nIn, false);
    const b0 = v128.load(B + j * 4);
    for (let r = r0; r < r1; r++) {
      let z0 = b0;
      for (let h = 0; h < lists; h++) {
        const starts = h == 0 ? startsA : startsB;
        const list = h == 0 ? listA : listB;
        const e1 = list + (<usize>load<u32>(starts + (<usize>r << 2), 4) << 3);
        for (let p = list + (<usize>load<u32>(starts + (<usize>r << 2)) << 3); p < e1; p += 8) {
          z0 = f32x4.add(z0, f32x4.mul(v128.load32_splat(p, 4), v128.load(panel + <usize>load<u32>(p) * PANEL_ROW)));
        }
      }
      v128.store(Z + (<usize>r * S + j) * 4, z0);
    }
  }
}

/**
 * The non-zero activations of neurons [j0, j1) of layer l, per batch row, as entries (u32 k,
 * f32 a_k), ascending in k; row r's are [starts[r], starts[r+1]) of `list`. With ReLU most
 * hidden activations of a trained network are exactly zero (seen: 76 % and 62 % in the two
 * hidden layers of the best preset's network), and the next layer's forward product, its
 * weight gradient and the error propagated back skip them.
 */
export function listNonZero(l: i32, count: i32, j0: usize, j1: usize, starts: usize, list: usize): void {
  const S = <usize>layer(l, L_STRIDE);
  const A = <usize>layer(l, L_A);
  const nOut = <usize>layer(l, L_OUT);
  const end = j1 < nOut ? j1 : nOut;
  let o: usize = 0;
  for (let r = 0; r < count; r++) {
    store<u32>(starts + (<usize>r << 2), <u32>o);
    const a = A + <usize>r * S * 4;
    for (let k = j0; k < end; k++) {
      const x = load<f32>(a + (k << 2));
      // Branch-free: always write, advance only past a non-zero.
      const p = list + (o << 3);
      store<u32>(p, <u32>k);
      store<f32>(p, x, 4);
      o += <usize>(x != 0);
    }
  }
  store<u32>(starts + (<usize>count << 2), <u32>o);
}
