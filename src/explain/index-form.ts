import { backward, createGradients } from '../core/backprop.js';
import { costByName, type CostName } from '../core/costs.js';
import { forward } from '../core/forward.js';
import type { Network } from '../core/network.js';
import { traceExample } from '../core/trace.js';
import { Workspace } from '../core/workspace.js';

/**
 * Backpropagation with indices j and k for many neurons per layer, for one weight w^(l)_jk of the real network and one
 * example. From the transparent pass (`core/trace.ts`, float64) the factors of
 *
 *   ∂C_x/∂w^(l)_jk   = a^(l−1)_k · σ′(z^(l)_j) · ∂C_x/∂a^(l)_j
 *   ∂C_x/∂a^(l−1)_k  = Σ_j w^(l)_jk · σ′(z^(l)_j) · ∂C_x/∂a^(l)_j
 *
 * and, to check them, the same two numbers from the engine's batched `backward` (float32,
 * the training loop's code) run on a batch of this one example: its weight gradient, and for
 * the activation the error it passes down — the input gradient when l = 1, else
 * δ^(l−1)_k / σ′(z^(l−1)_k).
 */

/** One term of the sum over j. */
export interface IndexTerm {
  readonly j: number;
  readonly weight: number;
  readonly slope: number;
  readonly activationGradient: number;
  /** w_jk · σ′(z_j) · ∂C/∂a_j. */
  readonly value: number;
}

/** The index form for one weight. */
export interface IndexForm {
  /** Weight layer (1 = from the pixels into the first hidden layer … L = into the outputs). */
  readonly layer: number;
  readonly j: number;
  readonly k: number;
  /** a^(l−1)_k. */
  readonly activation: number;
  /** z^(l)_j and σ′(z^(l)_j). */
  readonly weightedInput: number;
  readonly slope: number;
  /** ∂C_x/∂a^(l)_j. */
  readonly activationGradient: number;
  /** The product a_k · σ′(z_j) · ∂C/∂a_j. */
  readonly weightGradient: number;
  /** The sum's terms, one per neuron j of layer l, and their sum ∂C_x/∂a^(l−1)_k. */
  readonly terms: readonly IndexTerm[];
  readonly previousGradient: number;
  /** The engine's batched backward: ∂C_x/∂w_jk and ∂C_x/∂a^(l−1)_k. */
  readonly engineWeightGradient: number;
  readonly enginePreviousGradient: number;
  /** C_x. */
  readonly cost: number;
}

/** The index form of weight (l, j, k) for `pixels` (in [0, 1]) labelled `label`. */
export function indexForm(net: Network, cost: CostName, pixels: ArrayLike<number>, label: number, layer: number, j: number, k: number): IndexForm {
  const L = net.layerCount;
  if (!Number.isInteger(layer) || layer < 1 || layer > L) throw new RangeError(`weight layer must be from 1 to ${L}, got ${layer}`);
  const n = net.sizes[layer];
  const nIn = net.sizes[layer - 1];
  if (!Number.isInteger(j) || j < 0 || j >= n) throw new RangeError(`neuron j must be from 0 to ${n - 1}, got ${j}`);
  if (!Number.isInteger(k) || k < 0 || k >= nIn) throw new RangeError(`neuron k must be from 0 to ${nIn - 1}, got ${k}`);
  const c = costByName(cost);
  const trace = traceExample(net, c, pixels, label);
  const W = net.weights[layer - 1];
  const slopes = trace.slopes[layer - 1];
  const grads = trace.activationGradients[layer];
  const terms = Array.from({ length: n }, (_, i) => ({ j: i, weight: W[i * nIn + k], slope: slopes[i], activationGradient: grads[i], value: W[i * nIn + k] * slopes[i] * grads[i] }));
  const activation = trace.activations[layer - 1][k];

  // The batched pass on a batch of one.
  const ws = Workspace.for(net, 1);
  for (let p = 0; p < pixels.length; p++) ws.input[p] = pixels[p];
  forward(net, ws, 1);
  const g = createGradients(net);
  backward(net, ws, [label], 1, c, g, true);
  let enginePreviousGradient: number;
  if (layer === 1) enginePreviousGradient = ws.inputGradient[k];
  else {
    const f = net.layerActivation(layer - 2);
    const a = ws.activations[layer - 1][k];
    const slope = f ? f.derivative(ws.weightedInputs[layer - 2][k], a) : 1;
    enginePreviousGradient = ws.deltas[layer - 2][k] / slope;
  }
  return {
    layer,
    j,
    k,
    activation,
    weightedInput: trace.weightedInputs[layer - 1][j],
    slope: slopes[j],
    activationGradient: grads[j],
    weightGradient: activation * slopes[j] * grads[j],
    terms,
    previousGradient: terms.reduce((s, t) => s + t.value, 0),
    engineWeightGradient: g.weights[layer - 1][j * nIn + k],
    enginePreviousGradient,
    cost: trace.cost,
  };
}
