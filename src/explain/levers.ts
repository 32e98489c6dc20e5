import type { CostName } from '../core/costs.js';
import type { Network } from '../core/network.js';
import { traceForward, type TraceNetwork } from '../core/trace.js';
import { imageNudges } from './image-nudges.js';
import { vectorLength } from './vector-length.js';
import { type WaysToRaise, waysToRaise } from './ways-to-raise.js';

/**
 * The three ways to raise one output neuron j (its bias, its weights in proportion to the activations, the previous activations in proportion to the weights), each pulled for real: the same small
 * change ε (a step of length ε in the lever's own numbers) is made to the network or to the
 * last hidden layer's activations, and the engine's forward pass says how far a_j moved.
 *
 *   bias:        b_j  += ε                                   (1 number)
 *   weights:     w_jk += ε · a_k / ‖a‖   for every k         (the brightest neurons' weights most)
 *   activations: a_k  += ε · w_jk / ‖w_j‖ for every k        (up where the weight is positive)
 *
 * Each direction is the one in which a_j rises fastest for that lever (its sensitivity
 * vector from `waysToRaise`, normalised), so to first order Δa_j = ε · (the lever's size):
 * σ′(z_j), σ′(z_j)·‖a‖ and σ′(z_j)·‖w_j‖. The measured Δa_j is set beside that prediction.
 */

/** Which lever. */
export type LeverName = 'bias' | 'weights' | 'activations';

/** One lever pulled by ε. */
export interface PulledLever {
  readonly lever: LeverName;
  /** The change made to each of the lever's numbers (one for the bias, one per neuron k otherwise). */
  readonly changes: readonly number[];
  /** a_j after the change, by the engine's forward pass. */
  readonly after: number;
  /** after − before. */
  readonly rise: number;
  /** The first-order prediction ε · size. */
  readonly predicted: number;
}

/** The three levers of one output for one image. */
export interface Levers {
  readonly neuron: number;
  readonly epsilon: number;
  /** a_j before any change. */
  readonly before: number;
  readonly ways: WaysToRaise;
  /** The last hidden layer's activations a_k (what the weights lever is proportional to). */
  readonly previous: readonly number[];
  /** The weights w_jk into the neuron (what the activations lever is proportional to). */
  readonly weights: readonly number[];
  readonly pulled: readonly PulledLever[];
}

/** Pulls each of the three levers of output `neuron` by `epsilon` for `pixels` (in [0, 1]) and `label`. */
export function pullLevers(net: Network, cost: CostName, pixels: ArrayLike<number>, label: number, neuron: number, epsilon: number): Levers {
  const L = net.layerCount;
  const nIn = net.sizes[L - 1];
  const image = imageNudges(net, cost, pixels, label);
  const ways = waysToRaise(net, image, neuron);
  const before = ways.activation;
  const previous = image.layers.length > 1 ? image.layers[1].activations : Array.from(pixels);
  const weights = Array.from(net.weights[L - 1].subarray(neuron * nIn, (neuron + 1) * nIn));
  const unit = (v: readonly number[]): number[] => {
    const length = vectorLength(v);
    return v.map((x) => (length > 0 ? (epsilon * x) / length : 0));
  };
  const output = (p: TraceNetwork, input: ArrayLike<number>): number => traceForward(p, input).activations[L][neuron];

  const bias = net.clone();
  bias.biases[L - 1][neuron] += epsilon;
  const afterBias = output(bias, pixels);

  const weightChanges = unit(ways.weightSensitivities);
  const rewired = net.clone();
  weightChanges.forEach((d, k) => (rewired.weights[L - 1][neuron * nIn + k] += d));
  const afterWeights = output(rewired, pixels);

  // The activations cannot be set in the network: the last layer alone is run on changed ones.
  const activationChanges = unit(ways.activationSensitivities);
  const lastLayer: TraceNetwork = {
    sizes: [nIn, net.sizes[L]],
    activation: net.activation,
    outputActivation: net.outputActivation,
    weights: [net.weights[L - 1]],
    biases: [net.biases[L - 1]],
  };
  const changed = previous.map((a, k) => a + activationChanges[k]);
  const afterActivations = traceForward(lastLayer, changed).activations[1][neuron];

  const pulled: PulledLever[] = [
    { lever: 'bias', changes: [epsilon], after: afterBias, rise: afterBias - before, predicted: epsilon * ways.sizes.bias },
    { lever: 'weights', changes: weightChanges, after: afterWeights, rise: afterWeights - before, predicted: epsilon * ways.sizes.weights },
    { lever: 'activations', changes: activationChanges, after: afterActivations, rise: afterActivations - before, predicted: epsilon * ways.sizes.activations },
  ];
  return { neuron, epsilon, before, ways, previous, weights, pulled };
}
