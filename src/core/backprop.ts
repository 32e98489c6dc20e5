import type { Cost } from './costs.js';
import type { Network } from './network.js';
import type { Workspace } from './workspace.js';

/** ∂C/∂W and ∂C/∂b for every layer, shaped like the network's weights and biases. */
export interface Gradients {
  readonly weights: Float32Array[];
  readonly biases: Float32Array[];
}

/** Zeroed gradient buffers shaped like `net`. */
export function createGradients(net: Network): Gradients {
  return {
    weights: net.weights.map((w) => new Float32Array(w.length)),
    biases: net.biases.map((b) => new Float32Array(b.length)),
  };
}

/**
 * Backpropagation (computing the gradient: the outputs' wishes summed backwards, the chain rule with indices j, k) for the mini-batch last run through `forward`.
 *
 * With C the average of the per-example costs C_x over the m examples:
 *   δ^L = ∂C_x/∂z^L                                  (from the cost, per example)
 *   δ^l = ((W^{l+1})ᵀ δ^{l+1}) ⊙ f'(z^l)             (the error flows backwards)
 *   ∂C/∂w^l_jk = (1/m) Σ_x δ^l_j a^{l−1}_k            ("fire together, wire together")
 *   ∂C/∂b^l_j  = (1/m) Σ_x δ^l_j
 * Writes the averaged gradients into `grads`, leaves each example's δ in `ws.deltas`
 * and, when `withInputGradient` is set, ∂C_x/∂a^0 in `ws.inputGradient`.
 * Returns the summed cost Σ_x C_x of the batch.
 *
 * With the dropout masks the forward pass used, no error flows back through a dropped
 * neuron and a kept one passed m·a, so δ^l = ((W^{l+1})ᵀ δ^{l+1}) ⊙ f'(z^l) ⊙ m^l, with f'
 * taken at the unmasked f(z^l) (recomputed and rounded to float32 as the plain pass stores
 * it, so masks of ones give exactly the plain gradient).
 */
export function backward(
  net: Network,
  ws: Workspace,
  labels: ArrayLike<number>,
  batchSize: number,
  cost: Cost,
  grads: Gradients,
  withInputGradient = false,
  dropoutMasks?: readonly Float32Array[],
): number {
  const L = net.layerCount;
  const nOut = net.sizes[L];
  const outAct = net.layerActivation(L - 1);
  const Z = ws.weightedInputs[L - 1];
  const A = ws.activations[L];
  const D = ws.deltas[L - 1];
  let costSum = 0;
  for (let r = 0; r < batchSize; r++) {
    const o = r * nOut;
    costSum += cost.value(A, o, nOut, labels[r], outAct);
    cost.outputDelta(Z, A, o, nOut, labels[r], outAct, D);
  }

  const scale = 1 / batchSize;
  for (let l = L - 1; l >= 0; l--) {
    const nIn = net.sizes[l];
    const n = net.sizes[l + 1];
    const delta = ws.deltas[l];
    const prevA = ws.activations[l];
    const gW = grads.weights[l];
    const gB = grads.biases[l];
    // Weight and bias gradients: averages over the batch of δ_j·a_k and δ_j.
    for (let j = 0; j < n; j++) {
      let bSum = 0;
      for (let r = 0; r < batchSize; r++) bSum += delta[r * n + j];
      gB[j] = bSum * scale;
      const wRow = j * nIn;
      for (let k = 0; k < nIn; k++) {
        let wSum = 0;
        for (let r = 0; r < batchSize; r++) wSum += delta[r * n + j] * prevA[r * nIn + k];
        gW[wRow + k] = wSum * scale;
      }
    }
    // Error of the layer before: δ^{l−1} = (Wᵀ δ^l) ⊙ f'(z^{l−1}); for l = 0 it is the input gradient.
    if (l === 0 && !withInputGradient) break;
    const W = net.weights[l];
    const prevDelta = l === 0 ? ws.inputGradient : ws.deltas[l - 1];
    const prevZ = l === 0 ? null : ws.weightedInputs[l - 1];
    const f = l === 0 ? null : net.layerActivation(l - 1);
    const mask = l === 0 ? undefined : dropoutMasks?.[l - 1];
    for (let r = 0; r < batchSize; r++) {
      for (let k = 0; k < nIn; k++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += W[j * nIn + k] * delta[r * n + j];
        const i = r * nIn + k;
        if (!f || !prevZ) prevDelta[i] = s;
        else if (mask) prevDelta[i] = s * f.derivative(prevZ[i], Math.fround(f.f(prevZ[i]))) * mask[i];
        else prevDelta[i] = s * f.derivative(prevZ[i], prevA[i]);
      }
    }
  }
  return costSum;
}
