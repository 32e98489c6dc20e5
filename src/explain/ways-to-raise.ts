import type { Network } from '../core/network.js';
import type { ImageNudges } from './image-nudges.js';
import { vectorLength } from './vector-length.js';

/**
 * The three ways to raise one output neuron j: its bias (∂a_j/∂b_j = σ′(z_j)), its
 * weights in proportion to the previous activations (∂a_j/∂w_jk = σ′(z_j)·a_k — "fire
 * together, wire together"), or the previous activations in proportion to its weights
 * (∂a_j/∂a_k = σ′(z_j)·w_jk).
 */
export interface WaysToRaise {
  /** The output neuron. */
  readonly neuron: number;
  /** Its activation now and its wished change −∂C/∂a_j. */
  readonly activation: number;
  readonly wish: number;
  /** σ′(z_j): how much a_j rises per unit added to the bias. */
  readonly biasSensitivity: number;
  /** ∂a_j/∂w_jk = σ′(z_j)·a_k for each neuron k of the layer before. */
  readonly weightSensitivities: readonly number[];
  /** ∂a_j/∂a_k = σ′(z_j)·w_jk for each neuron k of the layer before. */
  readonly activationSensitivities: readonly number[];
  /**
   * How much a_j rises per unit-length change spent on each way: the length of each
   * sensitivity vector (|σ′|, σ′·‖a‖, σ′·‖w_j‖). The largest is the most effective lever.
   */
  readonly sizes: { readonly bias: number; readonly weights: number; readonly activations: number };
}

/** The three ways to raise output neuron `neuron` for an image already run through `imageNudges`. */
export function waysToRaise(net: Network, nudges: ImageNudges, neuron: number): WaysToRaise {
  const L = net.layerCount;
  const nIn = net.sizes[L - 1];
  const out = nudges.layers[0];
  const prev = nudges.layers.length > 1 ? nudges.layers[1].activations : null;
  // σ′(z_j) = (bias nudge) / (wish) unless the wish is 0; recompute it directly to be safe.
  let z = net.biases[L - 1][neuron];
  const prevActs = prev ?? [];
  for (let k = 0; k < nIn; k++) z += net.weights[L - 1][neuron * nIn + k] * (prevActs[k] ?? 0);
  const f = net.layerActivation(L - 1);
  const a = out.activations[neuron];
  const slope = f ? f.derivative(z, a) : 0;
  const weightSensitivities = prevActs.map((ak) => slope * ak);
  const activationSensitivities = Array.from({ length: nIn }, (_, k) => slope * net.weights[L - 1][neuron * nIn + k]);
  return {
    neuron,
    activation: a,
    wish: out.wishes[neuron],
    biasSensitivity: slope,
    weightSensitivities,
    activationSensitivities,
    sizes: { bias: Math.abs(slope), weights: vectorLength(weightSensitivities), activations: vectorLength(activationSensitivities) },
  };
}
