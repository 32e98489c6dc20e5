import { costByName, type CostName } from '../core/costs.js';
import type { Network } from '../core/network.js';
import { type Trace, traceExample } from '../core/trace.js';

/**
 * What one training image wants from the network (its wishes for the outputs, summed backwards into a nudge for every parameter), read off the transparent
 * pass (`core/trace.ts`) in the source document's words:
 *
 * 1. Each output neuron j has a wished change of its activation, −∂C/∂a_j; for the quadratic
 *    cost that is 2(y_j − a_j): up for the right digit, down for the others, in proportion
 *    to the error.
 * 2. The previous layer cannot be changed directly, but the wishes of all neurons j for it
 *    add up (summed backwards): wished Δa_k = Σ_j w_jk · f′(z_j) · (wished Δa_j). Repeating this backwards
 *    gives every layer's wishes; the nudge of a weight is f′(z_j)·(wished Δa_j)·a_k and the
 *    nudges of all 13,002 parameters are −∇C_x for this image. The sum goes a layer at a
 *    time back to the input pixels (`backward`), which cannot be changed but end the chain.
 *
 * All sums are float64; the network's float32 parameters are read as they are.
 */

/** One layer's wishes for one image, from the output backwards. */
export interface LayerWishes {
  /** Layer index in `network.sizes` (1 = first hidden layer, L = output). */
  readonly layer: number;
  readonly activations: readonly number[];
  /** Wished change of each activation, −∂C/∂a (summed over the wishes of the layer above). */
  readonly wishes: readonly number[];
  /** −∂C/∂b = f′(z)·wish: the bias nudges, also the wish in terms of z. */
  readonly biasNudges: readonly number[];
}

/** The nudges one image asks for. */
export interface ImageNudges {
  readonly label: number;
  /** The network's answer (argmax of the output). */
  readonly prediction: number;
  /** C_x for this image. */
  readonly cost: number;
  /** Output layer first, then backwards to the first hidden layer. */
  readonly layers: readonly LayerWishes[];
  /**
   * How each output neuron's wish contributes to the wished change of each neuron of the
   * layer before: `contributions[j][k] = w_jk · f′(z_j) · wish_j`. Column sums = the wishes of
   * the layer before (the wishes summed backwards).
   */
  readonly contributions: readonly (readonly number[])[];
  /** −∂C_x/∂W for every weight layer (weights[l] shaped like `network.weights[l]`). */
  readonly weightNudges: readonly Float64Array[];
  /** −∂C_x/∂b for every layer. */
  readonly biasNudges: readonly Float64Array[];
  /** −∂C_x/∂a⁰: the wished change of each input pixel, where the backward sums end. */
  readonly inputWishes: readonly number[];
  /** The wishes summed backwards a layer at a time: from the output to the last hidden layer first, the input last. */
  readonly backward: readonly BackwardStep[];
}

/** One step of summing wishes backwards: layer `from`'s wishes become layer `to`'s. */
export interface BackwardStep {
  /** The layer whose wishes are passed back (L = output … 1). */
  readonly from: number;
  /** The layer before it (`from` − 1; 0 = the input pixels). */
  readonly to: number;
  /**
   * contributions[j][k] = w_jk · f′(z_j) · wish_j: neuron j's share of neuron k's wish. Each
   * row j is neuron j's incoming weights scaled by its wish in terms of z.
   */
  readonly contributions: readonly (readonly number[])[];
  /** The wishes of layer `to`, the column sums Σ_j contributions[j][k] = −∂C_x/∂a^to. */
  readonly wishes: readonly number[];
}

/** Computes one image's wishes and nudges. `pixels` are in [0, 1]. */
export function imageNudges(net: Network, cost: CostName, pixels: ArrayLike<number>, label: number): ImageNudges {
  return nudgesOfTrace(net, traceOf(net, cost, pixels, label), label);
}

/** The transparent pass of one image, refused for a softmax output (its wishes are not per neuron). */
export function traceOf(net: Network, cost: CostName, pixels: ArrayLike<number>, label: number): Trace {
  if (net.layerActivation(net.layerCount - 1) === null) {
    throw new Error('nudges explains elementwise output layers (the source document\'s sigmoid); this model uses softmax');
  }
  return traceExample(net, costByName(cost), pixels, label);
}

/** The image's wishes and nudges, read off its trace. */
export function nudgesOfTrace(net: Network, trace: Trace, label: number): ImageNudges {
  const L = net.layerCount;
  const out = trace.activations[L];
  let prediction = 0;
  for (let j = 0; j < out.length; j++) if (out[j] > out[prediction]) prediction = j;
  const layers: LayerWishes[] = [];
  const weightNudges: Float64Array[] = new Array(L);
  const biasNudges: Float64Array[] = new Array(L);
  for (let l = L; l >= 1; l--) {
    // −δ^l is the wish in terms of z: f′(z)·wish, also the bias nudge.
    const zWish = trace.deltas[l - 1].map((d) => -d);
    layers.push({ layer: l, activations: [...trace.activations[l]], wishes: negated(trace.activationGradients[l]), biasNudges: [...zWish] });
    biasNudges[l - 1] = zWish;
    const prev = trace.activations[l - 1];
    const wn = new Float64Array(zWish.length * prev.length);
    for (let j = 0; j < zWish.length; j++) for (let k = 0; k < prev.length; k++) wn[j * prev.length + k] = zWish[j] * prev[k];
    weightNudges[l - 1] = wn;
  }
  const backward: BackwardStep[] = [];
  for (let l = L; l >= 1; l--) {
    backward.push({ from: l, to: l - 1, contributions: contributionsOf(net, l, biasNudges[l - 1]), wishes: negated(trace.activationGradients[l - 1]) });
  }
  return {
    label,
    prediction,
    cost: trace.cost,
    layers,
    contributions: L > 1 ? backward[0].contributions : [],
    weightNudges,
    biasNudges,
    inputWishes: backward[L - 1].wishes,
    backward,
  };
}

/** contributions[j][k] = w_jk · (wish of neuron j of layer l in terms of z). */
function contributionsOf(net: Network, l: number, zWish: Float64Array): number[][] {
  const nIn = net.sizes[l - 1];
  const W = net.weights[l - 1];
  return Array.from(zWish, (wj, j) => Array.from({ length: nIn }, (_, k) => W[j * nIn + k] * wj));
}

function negated(v: Float64Array): number[] {
  return Array.from(v, (x) => -x);
}
