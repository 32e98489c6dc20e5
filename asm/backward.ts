// Backpropagation for a batch whose forward pass and output errors δ^L are done:
//   ∂C/∂b^l_j  = Σ_x δ^l_j                       (summed here; the update divides by m)
//   ∂C/∂w^l_jk = Σ_x δ^l_j · a^{l−1}_k           ("fire together, wire together")
//   δ^{l−1}    = (W^l δ^l) ⊙ f'(z^{l−1})         (Wᵀ in the usual notation; W is stored transposed)
// No error is computed for the input pixels: nothing upstream of them learns.
import { header, layer, H_LAYERS, H_HIDDEN, H_LUT, L_IN, L_STRIDE, L_W, L_GW, L_GB, L_Z, L_A, L_D, ACT_SIGMOID, ACT_RELU } from './layout';

/** Fills every layer's GW and GB with the gradient summed over batch rows 0 … count−1. */
export function backwardBatch(count: i32, rows: usize, offsets: usize, entries: usize): void {
  for (let l = header(H_LAYERS) - 1; l >= 0; l--) {
    biasGradient(l, count);
    if (l > 0) {
      weightGradientDense(l, count);
      propagate(l, count);
    } else {
      weightGradientSparse(count, rows, offsets, entries);
    }
  }
}

/** GB[j] = Σ_r δ[r, j]. */
function biasGradient(l: i32, count: i32): void {
  const S = <usize>layer(l, L_STRIDE);
  const D = <usize>layer(l, L_D);
  const GB = <usize>layer(l, L_GB);
  for (let j: usize = 0; j < S; j += 4) {
    let acc = f32x4.splat(0);
    for (let r = 0; r < count; r++) acc = f32x4.add(acc, v128.load(D + (<usize>r * S + j) * 4));
    v128.store(GB + j * 4, acc);
  }
}

/** GW[k, j] = Σ_r a^{l−1}[r, k] · δ[r, j] for a dense layer. */
function weightGradientDense(l: i32, count: i32): void {
  const nIn = <usize>layer(l, L_IN);
  const S = <usize>layer(l, L_STRIDE);
  const Sp = <usize>layer(l - 1, L_STRIDE);
  const Ap = <usize>layer(l - 1, L_A);
  const D = <usize>layer(l, L_D);
  const GW = <usize>layer(l, L_GW);
  for (let k: usize = 0; k < nIn; k++) {
    const g = GW + k * S * 4;
    let j: usize = 0;
    for (; j + 16 <= S; j += 16) {
      let g0 = f32x4.splat(0), g1 = f32x4.splat(0), g2 = f32x4.splat(0), g3 = f32x4.splat(0);
      for (let r: usize = 0; r < <usize>count; r++) {
        const x = v128.load32_splat(Ap + (r * Sp + k) * 4);
        const d = D + (r * S + j) * 4;
        g0 = f32x4.add(g0, f32x4.mul(x, v128.load(d)));
        g1 = f32x4.add(g1, f32x4.mul(x, v128.load(d, 16)));
        g2 = f32x4.add(g2, f32x4.mul(x, v128.load(d, 32)));
        g3 = f32x4.add(g3, f32x4.mul(x, v128.load(d, 48)));
      }
      const gj = g + j * 4;
      v128.store(gj, g0); v128.store(gj, g1, 16); v128.store(gj, g2, 32); v128.store(gj, g3, 48);
    }
    for (; j < S; j += 4) {
      let g0 = f32x4.splat(0);
      for (let r: usize = 0; r < <usize>count; r++) {
        g0 = f32x4.add(g0, f32x4.mul(v128.load32_splat(Ap + (r * Sp + k) * 4), v128.load(D + (r * S + j) * 4)));
      }
      v128.store(g + j * 4, g0);
    }
  }
}

/**
 * Layer 0: GW[k, :] = Σ over the rows whose pixel k is non-zero of x_k · δ[r, :]. Zero pixels
 * add nothing, so only the rows of the example's non-zero pixels are touched.
 */
function weightGradientSparse(count: i32, rows: usize, offsets: usize, entries: usize): void {
  const S = <usize>layer(0, L_STRIDE);
  const D = <usize>layer(0, L_D);
  const GW = <usize>layer(0, L_GW);
  const lut = <usize>header(H_LUT);
  memory.fill(GW, 0, <usize>layer(0, L_IN) * S * 4);
  for (let r = 0; r < count; r++) {
    const ex = <usize>load<u32>(rows + (<usize>r << 2));
    const e0 = <usize>load<u32>(offsets + (ex << 2));
    const e1 = <usize>load<u32>(offsets + (ex << 2), 4);
    const dRow = D + <usize>r * S * 4;
    let j: usize = 0;
    for (; j + 16 <= S; j += 16) {
      const dj = dRow + j * 4;
      const d0 = v128.load(dj), d1 = v128.load(dj, 16), d2 = v128.load(dj, 32), d3 = v128.load(dj, 48);
      for (let e = e0; e < e1; e++) {
        const k = <usize>load<u16>(entries + e * 3);
        const x = f32x4.splat(load<f32>(lut + (<usize>load<u8>(entries + e * 3, 2) << 2)));
        const g = GW + (k * S + j) * 4;
        v128.store(g, f32x4.add(v128.load(g), f32x4.mul(x, d0)));
        v128.store(g, f32x4.add(v128.load(g, 16), f32x4.mul(x, d1)), 16);
        v128.store(g, f32x4.add(v128.load(g, 32), f32x4.mul(x, d2)), 32);
        v128.store(g, f32x4.add(v128.load(g, 48), f32x4.mul(x, d3)), 48);
      }
    }
    for (; j < S; j += 4) {
      const d0 = v128.load(dRow + j * 4);
      for (let e = e0; e < e1; e++) {
        const k = <usize>load<u16>(entries + e * 3);
        const x = f32x4.splat(load<f32>(lut + (<usize>load<u8>(entries + e * 3, 2) << 2)));
        const g = GW + (k * S + j) * 4;
        v128.store(g, f32x4.add(v128.load(g), f32x4.mul(x, d0)));
      }
    }
  }
}

/** δ^{l−1}[r, k] = (Σ_j Wᵀ[k, j] δ^l[r, j]) · f'(z^{l−1}[r, k]) for the n_in real neurons k. */
function propagate(l: i32, count: i32): void {
  const nIn = <usize>layer(l, L_IN);
  const S = <usize>layer(l, L_STRIDE);
  const Sp = <usize>layer(l - 1, L_STRIDE);
  const W = <usize>layer(l, L_W);
  const D = <usize>layer(l, L_D);
  const Dp = <usize>layer(l - 1, L_D);
  const Zp = <usize>layer(l - 1, L_Z);
  const Ap = <usize>layer(l - 1, L_A);
  const act = header(H_HIDDEN);
  for (let r: usize = 0; r < <usize>count; r++) {
    const dRow = D + r * S * 4;
    for (let k: usize = 0; k < nIn; k++) {
      const w = W + k * S * 4;
      let acc = f32x4.splat(0);
      for (let j: usize = 0; j < S; j += 4) acc = f32x4.add(acc, f32x4.mul(v128.load(w + j * 4), v128.load(dRow + j * 4)));
      const s = (f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1)) + (f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3));
      const i = (r * Sp + k) * 4;
      const a = load<f32>(Ap + i);
      let fp: f32;
      if (act == ACT_SIGMOID) fp = a * (1 - a);
      else if (act == ACT_RELU) fp = load<f32>(Zp + i) > 0 ? <f32>1 : <f32>0;
      else fp = 1 - a * a;
      store<f32>(Dp + i, s * fp);
    }
  }
}
