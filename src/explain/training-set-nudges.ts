import { costByName, type CostName } from '../core/costs.js';
import type { Network } from '../core/network.js';
import { addGradient, createGradientSums, createTrace, traceExample } from '../core/trace.js';
import type { ImageSource } from './image-source.js';
import { sumSquares } from './vector-length.js';

/**
 * The source document's classical gradient descent step (wishes averaged over the training set): every training image's wished
 * changes of the 13,002 weights and biases, averaged parameter by parameter, are −∇C, the
 * negative gradient of the cost over the whole training set:
 *   −∇C = (1/n) Σ_x (−∇C_x),
 * each −∇C_x from the transparent pass (`core/trace.ts`) of image x. Beside it, the average
 * wished change of every layer's activations, from the outputs back to the input pixels.
 * The pixels' average is taken after the sum, −(W¹)ᵀ·(mean δ¹): the step from δ¹ to the
 * pixels is linear, so the average of the images' pixel wishes is the same number, and the
 * 784 × 16 products per image are saved.
 */

/** The average over (the first `count` images of) the training set. */
export interface TrainingSetAverage {
  /** Images averaged: the first `count` of the training set (all of it unless asked otherwise). */
  readonly count: number;
  /** C = (1/n) Σ_x C_x, the cost of the network over them. */
  readonly cost: number;
  /** Share of them the network answers right. */
  readonly accuracy: number;
  /** −∂C/∂W for every weight layer: the average of the images' weight nudges. */
  readonly weightNudges: readonly Float64Array[];
  /** −∂C/∂b for every layer. */
  readonly biasNudges: readonly Float64Array[];
  /**
   * The average wished change of every layer's activations, (1/n) Σ_x −∂C_x/∂a^l, output
   * layer first and back to the input pixels (layer 0).
   */
  readonly layerWishes: readonly { readonly layer: number; readonly wishes: Float64Array }[];
  /**
   * ‖−∇C‖ / average ‖−∇C_x‖: 1 if every image pushed the same way; small when most of the
   * images' wishes cancel in the average.
   */
  readonly coherence: number;
}

/** Averages every image's nudges and wishes over the first `count` images of `data` (default all). */
export function trainingSetAverage(net: Network, cost: CostName, data: ImageSource, count = data.count): TrainingSetAverage {
  const n = Math.min(count, data.count);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`the training-set average needs at least one image, got ${count}`);
  if (net.layerActivation(net.layerCount - 1) === null) {
    throw new Error('nudges explains elementwise output layers (the source document\'s sigmoid); this model uses softmax');
  }
  const L = net.layerCount;
  const c = costByName(cost);
  const size = data.rows * data.cols;
  const pixels = new Float64Array(size);
  const trace = createTrace(net.sizes);
  const sums = createGradientSums(net.sizes);
  const wishSums = net.sizes.map((m) => new Float64Array(m));
  let costSum = 0;
  let correct = 0;
  let lengthSum = 0;
  for (let x = 0; x < n; x++) {
    for (let p = 0; p < size; p++) pixels[p] = data.images[x * size + p] / 255;
    traceExample(net, c, pixels, data.labels[x], trace, false);
    costSum += trace.cost;
    if (argmax(trace.activations[L]) === data.labels[x]) correct++;
    addGradient(trace, sums);
    // ‖∇C_x‖² = Σ_l ‖δ^l‖²·(‖a^{l−1}‖² + 1): the weight gradient δ·aᵀ is an outer product.
    let sq = 0;
    for (let l = 1; l <= L; l++) sq += sumSquares(trace.deltas[l - 1]) * (sumSquares(trace.activations[l - 1]) + 1);
    lengthSum += Math.sqrt(sq);
    for (let l = 1; l <= L; l++) {
      const g = trace.activationGradients[l];
      const w = wishSums[l];
      for (let k = 0; k < g.length; k++) w[k] -= g[k];
    }
  }
  const mean = (v: Float64Array): Float64Array => v.map((s) => -s / n);
  const weightNudges = sums.weights.map(mean);
  const biasNudges = sums.biases.map(mean);
  const averageLength = Math.sqrt(weightNudges.reduce((s, w, l) => s + sumSquares(w) + sumSquares(biasNudges[l]), 0));
  // Layer 0: Σ_j w_jk · (mean −δ¹_j), the last step of the backward sums done once.
  const nIn = net.sizes[0];
  const W1 = net.weights[0];
  const pixelWishes = wishSums[0];
  biasNudges[0].forEach((d, j) => {
    for (let k = 0; k < nIn; k++) pixelWishes[k] += W1[j * nIn + k] * d;
  });
  const layerWishes = wishSums.map((w, l) => ({ layer: l, wishes: l === 0 ? w : w.map((s) => s / n) })).reverse();
  return {
    count: n,
    cost: costSum / n,
    accuracy: correct / n,
    weightNudges,
    biasNudges,
    layerWishes,
    coherence: lengthSum > 0 ? averageLength / (lengthSum / n) : 0,
  };
}

/** cos(u, v) for two parameter vectors given as per-layer weights and biases (0 if either is 0). */
export function nudgeCosine(
  u: { readonly weightNudges: readonly Float64Array[]; readonly biasNudges: readonly Float64Array[] },
  v: { readonly weightNudges: readonly Float64Array[]; readonly biasNudges: readonly Float64Array[] },
): number {
  let dot = 0;
  let uu = 0;
  let vv = 0;
  const add = (a: Float64Array, b: Float64Array): void => {
    for (let i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      uu += a[i] * a[i];
      vv += b[i] * b[i];
    }
  };
  u.weightNudges.forEach((w, l) => add(w, v.weightNudges[l]));
  u.biasNudges.forEach((b, l) => add(b, v.biasNudges[l]));
  return uu > 0 && vv > 0 ? dot / Math.sqrt(uu * vv) : 0;
}

function argmax(v: Float64Array): number {
  let best = 0;
  for (let j = 1; j < v.length; j++) if (v[j] > v[best]) best = j;
  return best;
}
