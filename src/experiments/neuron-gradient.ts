import type { Network } from '../core/network.js';
import { backpropagate, type Trace, traceForward } from '../core/trace.js';

/**
 * ∂z/∂input for one hidden neuron: the gradient of the weighted input z^h_j (h = `layer`,
 * 1-based hidden layer) of neuron `neuron` with respect to the input pixels, for one input.
 * It is backpropagation started at a hidden layer instead of the cost, run by the transparent
 * pass (`core/trace.ts`):
 *   δ^h = e_j,   δ^l = ((W^{l+1})ᵀ δ^{l+1}) ⊙ f'(z^l) for l = h−1 … 1,   ∂z/∂a^0 = (W^1)ᵀ δ^1.
 * The weighted input rather than the activation is followed because σ saturates: near
 * a = 1 its gradient vanishes, while z keeps saying which pixels excite the neuron more.
 * Returns the trace: its `weightedInputs`/`activations` hold the forward pass of `input` and
 * `activationGradients[0]` the gradient.
 */
export function hiddenNeuronInputGradient(net: Network, layer: number, neuron: number, input: ArrayLike<number>, trace?: Trace): Trace {
  if (layer < 1 || layer >= net.layerCount) throw new RangeError(`layer ${layer} is not a hidden layer of ${net.sizes.join('-')}`);
  const t = traceForward(net, input, trace);
  t.deltas[layer - 1].fill(0);
  t.deltas[layer - 1][neuron] = 1;
  return backpropagate(net, t, layer);
}
