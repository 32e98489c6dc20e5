// The wide path's first layer: its weighted inputs from the batch's decoded pixels, for a
// range of neurons (asm/wide.ts shares it between two threads by neurons).
import { header, layer, H_BATCH_STARTS, H_BATCH_ENTRIES, L_IN, L_STRIDE, L_W, L_B, L_Z } from './layout';
import { packStrip, PANEL_ROW } from './panel';

/**
 * Layer 0's Z[r, j0:j1] = b + Σ over row r's non-zero pixels of x_k·Wᵀ[k, j0:j1], from the
 * batch's decoded pixels (u32 k·PANEL_ROW, f32 x_k), summed as the seed's kernels sum it
 * (asm/forward.ts `forwardSparseInput`): two pixels' products are added to each other before
 * they join the sum, z += (x_a·w_a + x_b·w_b), pairs taken in order, an odd last pixel alone —
 * so the wide path's first layer has the seed kernels' bits, and its additions wait on one
 * another half as often.
 *
 * Strips of 16 neurons walk all rows in turn, each strip first packed into `panel` (n_in rows
 * of one cache line, contiguous): the pixels pick weight rows at random, and in W itself a
 * strip's 784 rows lie on ~400 memory pages, more than the processor's first-level address
 * cache holds; packed, on 13. (Measured at 784-512-512-10: ~25 % faster than reading W.)
 */
export function forwardInputRange(count: i32, j0: usize, j1: usize, panel: usize): void {
  const nIn = <usize>layer(0, L_IN);
  const S = <usize>layer(0, L_STRIDE);
  const W = <usize>layer(0, L_W);
  const B = <usize>layer(0, L_B);
  const Z = <usize>layer(0, L_Z);
  const starts = <usize>header(H_BATCH_STARTS);
  const list = <usize>header(H_BATCH_ENTRIES);
  const wStep = S * 4;
  let j = j0;
  for (; j + 16 <= j1; j += 16) {
    packStrip(panel, W + j * 4, wStep, nIn, true);
    const bj = B + j * 4;
    for (let r = 0; r < count; r++) {
      let z0 = v128.load(bj), z1 = v128.load(bj, 16), z2 = v128.load(bj, 32), z3 = v128.load(bj, 48);
      const e1 = list + (<usize>load<u32>(starts + (<usize>r << 2), 4) << 3);
      let p = list + (<usize>load<u32>(starts + (<usize>r << 2)) << 3);
      for (; p + 8 < e1; p += 16) {
        const wa = panel + <usize>load<u32>(p), wb = panel + <usize>load<u32>(p, 8);
        const xa = v128.load32_splat(p, 4), xb = v128.load32_splat(p, 12);
        z0 = f32x4.add(z0, f32x4.add(f32x4.mul(xa, v128.load(wa)), f32x4.mul(xb, v128.load(wb))));
        z1 = f32x4.add(z1, f32x4.add(f32x4.mul(xa, v128.load(wa, 16)), f32x4.mul(xb, v128.load(wb, 16))));
        z2 = f32x4.add(z2, f32x4.add(f32x4.mul(xa, v128.load(wa, 32)), f32x4.mul(xb, v128.load(wb, 32))));
        z3 = f32x4.add(z3, f32x4.add(f32x4.mul(xa, v128.load(wa, 48)), f32x4.mul(xb, v128.load(wb, 48))));
      }
      if (p < e1) {
        const w = panel + <usize>load<u32>(p);
        const x = v128.load32_splat(p, 4);
        z0 = f32x4.add(z0, f32x4.mul(x, v128.load(w))); z1 = f32x4.add(z1, f32x4.mul(x, v128.load(w, 16)));
        z2 = f32x4.add(z2, f32x4.mul(x, v128.load(w, 32))); z3 = f32x4.add(z3, f32x4.mul(x, v128.load(w, 48)));
      }
      const z = Z + (<usize>r * S + j) * 4;
      v128.store(z, z0); v128.store(z, z1, 16); v128.store(z, z2, 32); v128.store(z, z3, 48);
    }
  }
  for (; j < j1; j += 4) {
    packStrip(panel, W + j * 4, wStep, nIn, false);
    const b0 = v128.load(B + j * 4);
    for (let r = 0; r < count; r++) {
      let z0 = b0;
      const e1 = list + (<usize>load<u32>(starts + (<usize>r << 2), 4) << 3);
      let p = list + (<usize>load<u32>(starts + (<usize>r << 2)) << 3);
      for (; p + 8 < e1; p += 16) {
        const ta = f32x4.mul(v128.load32_splat(p, 4), v128.load(panel + <usize>load<u32>(p)));
        const tb = f32x4.mul(v128.load32_splat(p, 12), v128.load(panel + <usize>load<u32>(p, 8)));
        z0 = f32x4.add(z0, f32x4.add(ta, tb));
      }
      if (p < e1) z0 = f32x4.add(z0, f32x4.mul(v128.load32_splat(p, 4), v128.load(panel + <usize>load<u32>(p))));
      v128.store(Z + (<usize>r * S + j) * 4, z0);
    }
  }
}
