// Backpropagation for a batch whose forward pass and output errors δ^L are done:
//   ∂C/∂b^l_j  = Σ_x δ^l_j                       (summed here; the update divides by m)
//   ∂C/∂w^l_jk = Σ_x δ^l_j · a^{l−1}_k           ("fire together, wire together")
//   δ^{l−1}    = (W^l δ^l) ⊙ f'(z^{l−1})         (Wᵀ in the usual notation; W is stored transposed)
// No error is computed for the input pixels: nothing upstream of them learns.
import { header, layer, H_LAYERS, H_HIDDEN, L_IN, L_STRIDE, L_W, L_GW, L_GB, L_Z, L_A, L_D } from './layout';
import { derivativev } from './math';
import { inputGradientRange, inputSgdRange } from './input-gradient';

/**
 * Fills every layer's GW and GB with the gradient summed over batch rows 0 … count−1.
 * Layer 0's gradient is input-gradient.ts's `inputGradientRange` over all its neurons. With
 * `sgdStep` ≠ 0 (plain SGD), it is not stored but applied at once (`inputSgdRange`): W ← (1 − sgdStep·m·λ)·W, then W[k, :] −= sgdStep·x_k·δ[r, :] for each non-zero pixel,
 * where sgdStep = η/m. The weights of layer 0 are not read again in this step (no error flows
 * to the input), so this is the SGD update θ ← θ − η(∇C + λθ) without a 50 KB gradient buffer
 * to clear, fill and read back.
 */
export function backwardBatch(count: i32, sgdStep: f32): void {
  for (let l = header(H_LAYERS) - 1; l >= 0; l--) {
    biasGradient(l, count);
    if (l > 0) {
      weightGradientDense(l, count);
      propagate(l, count);
    } else if (sgdStep != 0) {
      inputSgdRange(count, sgdStep, 0, <usize>layer(0, L_STRIDE));
    } else {
      inputGradientRange(count, 0, <usize>layer(0, L_STRIDE), false);
    }
  }
}

/** GB[j] = Σ_r δ[r, j]. */
export function biasGradient(l: i32, count: i32): void {
  const S = <usize>layer(l, L_STRIDE);
  const D = <usize>layer(l, L_D);
  const GB = <usize>layer(l, L_GB);
  for (let j: usize = 0; j < S; j += 4) {
    let acc = f32x4.splat(0);
    for (let r = 0; r < count; r++) acc = f32x4.add(acc, v128.load(D + (<usize>r * S + j) * 4));
    v128.store(GB + j * 4, acc);
  }
}

/**
 * GW[k, j] = Σ_r a^{l−1}[r, k] · δ[r, j] for a dense layer. Each output is a sum over the
 * batch kept in a register; four of them are computed side by side (16 columns of one input
 * k, or one group of 4 columns for four inputs k … k+3) so that the additions, each waiting
 * on the previous one of its own sum, overlap.
 */
export function weightGradientDense(l: i32, count: i32): void {
  const nIn = <usize>layer(l, L_IN);
  const S = <usize>layer(l, L_STRIDE);
  const Sp = <usize>layer(l - 1, L_STRIDE);
  const Ap = <usize>layer(l - 1, L_A);
  const D = <usize>layer(l, L_D);
  const GW = <usize>layer(l, L_GW);
  const m = <usize>count;
  const wide = S & ~(<usize>15);
  for (let k: usize = 0; k < nIn; k++) {
    const g = GW + k * S * 4;
    for (let j: usize = 0; j < wide; j += 16) {
      let g0 = f32x4.splat(0), g1 = f32x4.splat(0), g2 = f32x4.splat(0), g3 = f32x4.splat(0);
      for (let r: usize = 0; r < m; r++) {
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
  }
  // The last S mod 16 columns, in groups of 4, for four inputs at a time.
  for (let j = wide; j < S; j += 4) {
    let k: usize = 0;
    for (; k + 4 <= nIn; k += 4) {
      let g0 = f32x4.splat(0), g1 = f32x4.splat(0), g2 = f32x4.splat(0), g3 = f32x4.splat(0);
      for (let r: usize = 0; r < m; r++) {
        const a = Ap + (r * Sp + k) * 4;
        const d = v128.load(D + (r * S + j) * 4);
        g0 = f32x4.add(g0, f32x4.mul(v128.load32_splat(a), d));
        g1 = f32x4.add(g1, f32x4.mul(v128.load32_splat(a, 4), d));
        g2 = f32x4.add(g2, f32x4.mul(v128.load32_splat(a, 8), d));
        g3 = f32x4.add(g3, f32x4.mul(v128.load32_splat(a, 12), d));
      }
      const gj = GW + (k * S + j) * 4;
      v128.store(gj, g0);
      v128.store(gj + S * 4, g1);
      v128.store(gj + S * 8, g2);
      v128.store(gj + S * 12, g3);
    }
    for (; k < nIn; k++) {
      let g0 = f32x4.splat(0);
      for (let r: usize = 0; r < m; r++) {
        g0 = f32x4.add(g0, f32x4.mul(v128.load32_splat(Ap + (r * Sp + k) * 4), v128.load(D + (r * S + j) * 4)));
      }
      v128.store(GW + (k * S + j) * 4, g0);
    }
  }
}

/**
 * δ^{l−1}[r, k] = (Σ_j Wᵀ[k, j] δ^l[r, j]) · f'(z^{l−1}[r, k]) for the n_in real neurons k
 * (the padding lanes of δ^{l−1} stay zero). Four inputs k … k+3 at a time: four row-by-row
 * products, then a 4×4 transpose-and-add turns their lane sums into one vector of four sums,
 * which meets f' for the same four neurons lane by lane.
 */
export function propagate(l: i32, count: i32): void {
  const nIn = <usize>layer(l, L_IN);
  const S = <usize>layer(l, L_STRIDE);
  const Sp = <usize>layer(l - 1, L_STRIDE);
  const W = <usize>layer(l, L_W);
  const D = <usize>layer(l, L_D);
  const Dp = <usize>layer(l - 1, L_D);
  const Zp = <usize>layer(l - 1, L_Z);
  const Ap = <usize>layer(l - 1, L_A);
  const act = header(H_HIDDEN);
  const rowBytes = S * 4;
  for (let r: usize = 0; r < <usize>count; r++) {
    const dRow = D + r * rowBytes;
    let k: usize = 0;
    for (; k + 4 <= nIn; k += 4) {
      const w = W + k * rowBytes;
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      for (let j: usize = 0; j < rowBytes; j += 16) {
        const d = v128.load(dRow + j);
        s0 = f32x4.add(s0, f32x4.mul(v128.load(w + j), d));
        s1 = f32x4.add(s1, f32x4.mul(v128.load(w + rowBytes + j), d));
        s2 = f32x4.add(s2, f32x4.mul(v128.load(w + 2 * rowBytes + j), d));
        s3 = f32x4.add(s3, f32x4.mul(v128.load(w + 3 * rowBytes + j), d));
      }
      // [Σs0, Σs1, Σs2, Σs3] by pairwise interleaving: lanes (0+2)+(1+3) of each.
      const t0 = f32x4.add(v128.shuffle<f32>(s0, s1, 0, 4, 2, 6), v128.shuffle<f32>(s0, s1, 1, 5, 3, 7)); // s0₀₁ s1₀₁ s0₂₃ s1₂₃
      const t1 = f32x4.add(v128.shuffle<f32>(s2, s3, 0, 4, 2, 6), v128.shuffle<f32>(s2, s3, 1, 5, 3, 7)); // s2₀₁ s3₀₁ s2₂₃ s3₂₃
      const sum = f32x4.add(v128.shuffle<f32>(t0, t1, 0, 1, 4, 5), v128.shuffle<f32>(t0, t1, 2, 3, 6, 7));
      const i = (r * Sp + k) * 4;
      v128.store(Dp + i, f32x4.mul(sum, derivativev(act, v128.load(Zp + i), v128.load(Ap + i))));
    }
    for (; k < nIn; k++) {
      const w = W + k * rowBytes;
      let acc = f32x4.splat(0);
      for (let j: usize = 0; j < rowBytes; j += 16) acc = f32x4.add(acc, f32x4.mul(v128.load(w + j), v128.load(dRow + j)));
      const sum = (f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1)) + (f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3));
      const i = (r * Sp + k) * 4;
      store<f32>(Dp + i, sum * f32x4.extract_lane(derivativev(act, v128.load32_splat(Zp + i), v128.load32_splat(Ap + i)), 0));
    }
  }
}
