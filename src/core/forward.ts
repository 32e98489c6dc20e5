import { softmaxRows } from './activations.js';
import type { Network } from './network.js';
import type { Workspace } from './workspace.js';

/**
 * The forward pass for a mini-batch, in matrix form a' = σ(Wa + b): for each layer l,
 *   Z^l = A^{l−1} · (W^l)ᵀ + b^l,   A^l = f(Z^l),
 * one row per example. Reads the batch from `ws.input` (batchSize rows) and leaves every
 * layer's weighted inputs and activations in `ws`, so views can show them all.
 * Returns the output activations (batchSize × sizes[L], a view into `ws`).
 *
 * Dropout (optional): with `dropoutMasks[l]` given for hidden layer l+1 (batchSize × n values,
 * each 0 or 1/(1−p)), the layer passes on ã = m ⊙ f(z) instead of f(z), and `ws.activations`
 * holds ã. Without masks nothing is dropped.
 *
 * This is the plain reference implementation: readable loops, float32 storage with float64
 * sums. The fast WebAssembly kernels are checked against it.
 */
export function forward(net: Network, ws: Workspace, batchSize: number, dropoutMasks?: readonly Float32Array[]): Float32Array {
  if (batchSize > ws.capacity) throw new RangeError(`batch of ${batchSize} exceeds workspace capacity ${ws.capacity}`);
  for (let l = 0; l < net.layerCount; l++) {
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
    if (f === null) {
      softmaxRows(Z, out, batchSize, nOut);
    } else {
      const n = batchSize * nOut;
      for (let i = 0; i < n; i++) out[i] = f.f(Z[i]);
      const mask = l < net.layerCount - 1 ? dropoutMasks?.[l] : undefined;
      if (mask) for (let i = 0; i < n; i++) out[i] *= mask[i];
    }
  }
  return ws.output.subarray(0, batchSize * net.sizes[net.layerCount]);
}
