// The output layer's error: the cost C_x of each example and δ^L = ∂C_x/∂z^L, which starts
// backpropagation. Costs are summed in f64 (they are only reported); δ is float32.
import { header, headerF32, layer, H_LAYERS, H_OUTPUT, H_COST, H_LABEL_SMOOTHING, L_OUT, L_STRIDE, L_Z, L_A, L_D, ACT_SIGMOID, ACT_RELU, ACT_TANH, ACT_SOFTMAX, COST_QUADRATIC } from './layout';

/** Smallest probability inside a logarithm, as in src/core/costs.ts. */
const LOG_FLOOR: f64 = 1e-12;

let correct: i32 = 0;

/** How many rows of the last `outputErrors` call the network answered right (argmax = label). */
export function lastCorrect(): i32 {
  return correct;
}

/** Index of the largest of the n outputs of a row (the first one on ties). */
// @ts-ignore: decorator
@inline export function argmax(a: usize, n: usize): i32 {
  let best: usize = 0;
  let top = load<f32>(a);
  for (let j: usize = 1; j < n; j++) {
    const v = load<f32>(a + (j << 2));
    if (v > top) { top = v; best = j; }
  }
  return <i32>best;
}

/**
 * For batch rows 0 … count−1 with labels `labels[rows[r]]`: writes δ^L, counts the right
 * answers and returns Σ_x C_x.
 *   quadratic:      C_x = Σ_j (a_j − y_j)²;  δ_j = 2(a_j − y_j)·f'(z_j), or with softmax
 *                   (Jacobian diag(a) − a·aᵀ) δ_i = a_i·(g_i − Σ_k a_k g_k), g = 2(a − y)
 *   cross-entropy:  C_x = −ln a_y (softmax) or −Σ_j [y_j ln a_j + (1−y_j) ln(1−a_j)] (sigmoid);
 *                   δ = a − y in both cases (the activation's derivative cancels).
 * With label smoothing ε (softmax and cross-entropy only, src/train/label-smoothing.ts) the
 * target is y = (1 − ε)·onehot + ε/n: C_x = −Σ_j y_j ln a_j, δ = a − y. With ε = 0 every
 * number is the plain one's (1 − 0 + 0/n = 1), and the cost keeps its one logarithm.
 */
export function outputErrors(count: i32, rows: usize, labels: usize): f64 {
  const l = header(H_LAYERS) - 1;
  const n = <usize>layer(l, L_OUT);
  const S = <usize>layer(l, L_STRIDE);
  const Z = <usize>layer(l, L_Z);
  const A = <usize>layer(l, L_A);
  const D = <usize>layer(l, L_D);
  const act = header(H_OUTPUT);
  const quadratic = header(H_COST) == COST_QUADRATIC;
  const smoothing = headerF32(H_LABEL_SMOOTHING);
  const off: f32 = smoothing / <f32>n;
  const on: f32 = <f32>1 - smoothing + off;
  let costSum: f64 = 0;
  let right = 0;
  for (let r = 0; r < count; r++) {
    const label = <usize>load<u8>(labels + <usize>load<u32>(rows + (<usize>r << 2)));
    const o = <usize>r * S * 4;
    const a = A + o, z = Z + o, d = D + o;
    if (<usize>argmax(a, n) == label) right++;
    if (quadratic) {
      let dot: f32 = 0;
      for (let j: usize = 0; j < n; j++) {
        const aj = load<f32>(a + (j << 2));
        const diff = aj - (j == label ? <f32>1 : <f32>0);
        costSum += <f64>diff * <f64>diff;
        if (act == ACT_SOFTMAX) {
          dot += aj * 2 * diff;
        } else {
          let fp: f32 = 0;
          if (act == ACT_SIGMOID) fp = aj * (1 - aj);
          else if (act == ACT_RELU) fp = load<f32>(z + (j << 2)) > 0 ? <f32>1 : <f32>0;
          else if (act == ACT_TANH) fp = 1 - aj * aj;
          store<f32>(d + (j << 2), 2 * diff * fp);
        }
      }
      if (act == ACT_SOFTMAX) {
        for (let j: usize = 0; j < n; j++) {
          const aj = load<f32>(a + (j << 2));
          store<f32>(d + (j << 2), aj * (2 * (aj - (j == label ? <f32>1 : <f32>0)) - dot));
        }
      }
    } else {
      for (let j: usize = 0; j < n; j++) {
        const aj = load<f32>(a + (j << 2));
        const y: f32 = j == label ? on : off;
        store<f32>(d + (j << 2), aj - y);
        if (act != ACT_SOFTMAX) {
          const p = <f64>aj;
          costSum -= j == label ? Math.log(max(p, LOG_FLOOR)) : Math.log(max(1 - p, LOG_FLOOR));
        } else if (smoothing != 0) {
          costSum -= <f64>y * Math.log(max(<f64>aj, LOG_FLOOR));
        }
      }
      if (act == ACT_SOFTMAX && smoothing == 0) costSum -= Math.log(max(<f64>load<f32>(a + (label << 2)), LOG_FLOOR));
    }
  }
  correct = right;
  return costSum;
}
