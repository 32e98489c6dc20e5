import type { Network } from '../core/network.js';
import type { Workspace } from '../core/workspace.js';

/**
 * ∂z/∂input for one hidden neuron per example: after `forward` on a batch, row r of `out`
 * becomes the gradient of the weighted input z^h_j (j = neurons[r], h = `layer`, 1-based
 * hidden layer) with respect to example r's input pixels. It is backpropagation started at
 * a hidden layer instead of the cost:
 *   δ^h = e_j,   δ^l = ((W^{l+1})ᵀ δ^{l+1}) ⊙ f'(z^l) for l = h−1 … 1,   ∂z/∂a^0 = (W^1)ᵀ δ^1.
 * The weighted input rather than the activation is followed because σ saturates: near
 * a = 1 its gradient vanishes, while z keeps saying which pixels excite the neuron more.
 */
export function hiddenNeuronInputGradient(
  net: Network,
  ws: Workspace,
  layer: number,
  neurons: ArrayLike<number>,
  batchSize: number,
  out: Float32Array,
): void {
  if (layer < 1 || layer >= net.layerCount) throw new RangeError(`layer ${layer} is not a hidden layer of ${net.sizes.join('-')}`);
  for (let r = 0; r < batchSize; r++) {
    let delta = new Float64Array(net.sizes[layer]);
    delta[neurons[r]] = 1;
    for (let l = layer; l >= 1; l--) {
      // W = weights into layer l (sizes[l] × sizes[l-1]); the error moves to layer l−1.
      const W = net.weights[l - 1];
      const nIn = net.sizes[l - 1];
      const nOut = net.sizes[l];
      const prev = new Float64Array(nIn);
      for (let j = 0; j < nOut; j++) {
        const d = delta[j];
        if (d === 0) continue;
        const row = j * nIn;
        for (let k = 0; k < nIn; k++) prev[k] += W[row + k] * d;
      }
      if (l > 1) {
        const f = net.layerActivation(l - 2);
        const z = ws.weightedInputs[l - 2];
        const a = ws.activations[l - 1];
        const o = r * nIn;
        if (f) for (let k = 0; k < nIn; k++) prev[k] *= f.derivative(z[o + k], a[o + k]);
      }
      delta = prev;
    }
    const size = net.sizes[0];
    for (let k = 0; k < size; k++) out[r * size + k] = delta[k];
  }
}
