import type { Gradients } from '../core/backprop.js';
import type { Cost } from '../core/costs.js';
import { softmaxRows } from '../core/activations.js';
import type { Network } from '../core/network.js';
import type { Workspace } from '../core/workspace.js';
import type { DropoutMasks } from './dropout.js';

/**
 * The forward pass with dropout: as `core/forward.ts`, and after each hidden layer's
 * activation a^l = f(z^l) the mask: ã^l = m^l ⊙ a^l (m = 0 or 1/(1−p)). The next layer sees ã.
 * `ws.activations` holds the masked ã; z is unchanged. Returns the output activations.
 */
export function forwardDropout(net: Network, ws: Workspace, batchSize: number, masks: DropoutMasks): Float32Array {
  const L = net.layerCount;
  for (let l = 0; l < L; l++) {
    const nIn = net.sizes[l];
    const nOut = net.sizes[l + 1];
    const W = net.weights[l];
    const b = net.biases[l];
    const A = ws.activations[l];
    const Z = ws.weightedInputs[l];
    const out = ws.activations[l + 1];
    for (let r = 0; r < batchSize; r++) {
      const aRow = r * nIn;
      for (let j = 0; j < nOut; j++) {
        const wRow = j * nIn;
        let z = b[j];
        for (let k = 0; k < nIn; k++) z += W[wRow + k] * A[aRow + k];
        Z[r * nOut + j] = z;
      }
    }
    const f = net.layerActivation(l);
    const n = batchSize * nOut;
    if (f === null) softmaxRows(Z, out, batchSize, nOut);
    else for (let i = 0; i < n; i++) out[i] = f.f(Z[i]);
    if (l < L - 1) {
      const mask = masks.masks[l];
      for (let i = 0; i < n; i++) out[i] *= mask[i];
    }
  }
  return ws.output.subarray(0, batchSize * net.sizes[L]);
}

/**
 * Backpropagation through the masks. A dropped neuron passed nothing forward, so no error
 * flows back through it; a kept one passed m·a, so by the chain rule
 *   δ^l = ((W^{l+1})ᵀ δ^{l+1}) ⊙ f'(z^l) ⊙ m^l,
 * with f' taken at the unmasked activation f(z^l) (recomputed, and rounded to float32 as the
 * plain pass stores it, so that masks of ones give exactly the plain gradient). The weight
 * gradients use the masked activations ã, as the forward pass did. Returns Σ_x C_x.
 */
export function backwardDropout(
  net: Network,
  ws: Workspace,
  labels: ArrayLike<number>,
  batchSize: number,
  cost: Cost,
  grads: Gradients,
  masks: DropoutMasks,
): number {
  const L = net.layerCount;
  const nOut = net.sizes[L];
  const outAct = net.layerActivation(L - 1);
  const Zo = ws.weightedInputs[L - 1];
  const Ao = ws.activations[L];
  const Do = ws.deltas[L - 1];
  let costSum = 0;
  for (let r = 0; r < batchSize; r++) {
    const o = r * nOut;
    costSum += cost.value(Ao, o, nOut, labels[r], outAct);
    cost.outputDelta(Zo, Ao, o, nOut, labels[r], outAct, Do);
  }
  const scale = 1 / batchSize;
  for (let l = L - 1; l >= 0; l--) {
    const nIn = net.sizes[l];
    const n = net.sizes[l + 1];
    const delta = ws.deltas[l];
    const prevA = ws.activations[l];
    const gW = grads.weights[l];
    const gB = grads.biases[l];
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
    if (l === 0) break;
    const W = net.weights[l];
    const prevDelta = ws.deltas[l - 1];
    const prevZ = ws.weightedInputs[l - 1];
    const f = net.layerActivation(l - 1);
    const mask = masks.masks[l - 1];
    if (f === null) throw new Error('a hidden layer cannot be softmax');
    for (let r = 0; r < batchSize; r++) {
      for (let k = 0; k < nIn; k++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += W[j * nIn + k] * delta[r * n + j];
        const i = r * nIn + k;
        prevDelta[i] = s * f.derivative(prevZ[i], Math.fround(f.f(prevZ[i]))) * mask[i];
      }
    }
  }
  return costSum;
}
