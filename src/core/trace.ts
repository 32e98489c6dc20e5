import { softmaxRows } from './activations.js';
import type { Cost } from './costs.js';
import { type Architecture, layerActivation } from './network.js';

/**
 * The transparent pass: one example through the network forward and back, in float64, with
 * every intermediate number kept for the figures that show numbers (the nudges, the chain,
 * what a neuron looks for) — the per-example counterpart of the batched float32 `forward` and
 * `backward`, which the tests check it against.
 *
 * Forward, for l = 1 … L:   z^l = W^l a^{l−1} + b^l,   a^l = f(z^l),   f′(z^l) kept beside.
 * Backward, from the cost:  ∂C_x/∂a^L from the cost,   δ^L = ∂C_x/∂z^L from the cost,
 *   then for l = L … 1:     ∂C_x/∂a^{l−1} = (W^l)ᵀ δ^l,   δ^{l−1} = ∂C_x/∂a^{l−1} ⊙ f′(z^{l−1}),
 * down to ∂C_x/∂a^0, the gradient with respect to the input pixels. The parameter gradients
 * are ∂C_x/∂w^l_jk = δ^l_j a^{l−1}_k and ∂C_x/∂b^l_j = δ^l_j (see `weightGradient`).
 *
 * The network's parameters are read as they are (float32 from a `Network`, or float64, e.g. a
 * point on a path or a finite-difference probe); every sum is float64, z starting at the bias
 * and adding w_jk·a_k for k = 0, 1, … (the order the batched pass uses too).
 */

/** A network's shape and parameters, as a `Network` has them or as plain float64 vectors. */
export interface TraceNetwork extends Architecture {
  /** weights[l] is the (sizes[l+1] × sizes[l]) matrix into layer l+1, row-major: w_jk at j·sizes[l] + k. */
  readonly weights: readonly ArrayLike<number>[];
  /** biases[l] is the bias vector of layer l+1. */
  readonly biases: readonly ArrayLike<number>[];
}

/** Every number of one example's pass. Arrays are indexed like the network's layers. */
export interface Trace {
  /** Neurons per layer, input first. */
  readonly sizes: readonly number[];
  /** activations[l] = a^l for l = 0 … L; activations[0] is the input. */
  readonly activations: Float64Array[];
  /** weightedInputs[l−1] = z^l for l = 1 … L. */
  readonly weightedInputs: Float64Array[];
  /**
   * slopes[l−1] = f′(z^l): how much a^l moves per unit of z^l. For a softmax output, whose
   * derivative is the whole Jacobian diag(a) − a·aᵀ, its diagonal a_j(1 − a_j).
   */
  readonly slopes: Float64Array[];
  /** After a backward pass, activationGradients[l] = ∂C/∂a^l for l = 0 … L (0 = the pixels). */
  readonly activationGradients: Float64Array[];
  /** After a backward pass, deltas[l−1] = δ^l = ∂C/∂z^l for l = 1 … L. */
  readonly deltas: Float64Array[];
  /** C_x after the backward pass (NaN before, and after a pass started at a hidden neuron). */
  cost: number;
}

/** Zeroed buffers for a network with these layer sizes (reuse one across examples). */
export function createTrace(sizes: readonly number[]): Trace {
  const layers = sizes.slice(1);
  return {
    sizes: [...sizes],
    activations: sizes.map((n) => new Float64Array(n)),
    weightedInputs: layers.map((n) => new Float64Array(n)),
    slopes: layers.map((n) => new Float64Array(n)),
    activationGradients: sizes.map((n) => new Float64Array(n)),
    deltas: layers.map((n) => new Float64Array(n)),
    cost: NaN,
  };
}

/** The forward pass of one input (sizes[0] values, pixels in [0, 1]); fills and returns `trace`. */
export function traceForward(net: TraceNetwork, input: ArrayLike<number>, trace: Trace = createTrace(net.sizes)): Trace {
  const a0 = trace.activations[0];
  if (input.length !== a0.length) throw new RangeError(`the network takes ${a0.length} inputs, got ${input.length}`);
  for (let k = 0; k < a0.length; k++) a0[k] = input[k];
  for (let l = 1; l < net.sizes.length; l++) {
    weightedInput(net, trace, l);
    activate(net, trace, l);
  }
  trace.cost = NaN;
  return trace;
}

/**
 * The forward pass from layer `layer` on, with z^layer already in `trace.weightedInputs[layer − 1]`
 * (for callers that compute the first layer their own faster way, e.g. over sparse images).
 */
export function traceForwardFrom(net: TraceNetwork, trace: Trace, layer: number): Trace {
  activate(net, trace, layer);
  for (let l = layer + 1; l < net.sizes.length; l++) {
    weightedInput(net, trace, l);
    activate(net, trace, l);
  }
  trace.cost = NaN;
  return trace;
}

/** Indices of the non-zero activations of the layer being read (scratch, grown as needed). */
let nonZero = new Int32Array(0);

/**
 * z^l = W^l a^{l−1} + b^l. A zero activation adds w·0 = 0 to the sum, so only the non-zero ones
 * are visited (about a fifth of an MNIST image), still in the order k = 0, 1, …: the sums are
 * the dense loop's, exactly (only the sign of a zero z could differ, which no activation sees).
 */
function weightedInput(net: TraceNetwork, trace: Trace, l: number): void {
  const nIn = net.sizes[l - 1];
  const W = net.weights[l - 1];
  const b = net.biases[l - 1];
  const prev = trace.activations[l - 1];
  const z = trace.weightedInputs[l - 1];
  if (nonZero.length < nIn) nonZero = new Int32Array(nIn);
  const at = nonZero;
  let m = 0;
  for (let k = 0; k < nIn; k++) if (prev[k] !== 0) at[m++] = k;
  for (let j = 0; j < z.length; j++) {
    const row = j * nIn;
    let sum = b[j];
    for (let e = 0; e < m; e++) {
      const k = at[e];
      sum += W[row + k] * prev[k];
    }
    z[j] = sum;
  }
}

/** a^l = f(z^l) and f′(z^l). */
function activate(net: TraceNetwork, trace: Trace, l: number): void {
  const z = trace.weightedInputs[l - 1];
  const a = trace.activations[l];
  const slope = trace.slopes[l - 1];
  const f = layerActivation(net, l - 1);
  if (f === null) {
    softmaxRows(z, a, 1, z.length);
    for (let j = 0; j < a.length; j++) slope[j] = a[j] * (1 - a[j]);
    return;
  }
  for (let j = 0; j < z.length; j++) {
    a[j] = f.f(z[j]);
    slope[j] = f.derivative(z[j], a[j]);
  }
}

/**
 * The backward pass from the cost of the example with this `label`, after `traceForward`:
 * C_x, ∂C_x/∂a^L and δ^L from `cost` (costs.ts), then every layer back to the input. Without
 * `withInputGradient` it stops at δ¹ and leaves ∂C_x/∂a⁰ (784 × sizes[1] multiplications) alone.
 */
export function traceBackward(net: TraceNetwork, trace: Trace, cost: Cost, label: number, withInputGradient = true): Trace {
  const L = net.sizes.length - 1;
  const f = layerActivation(net, L - 1);
  const a = trace.activations[L];
  trace.cost = cost.value(a, 0, a.length, label, f);
  cost.outputGradient(a, 0, a.length, label, f, trace.activationGradients[L]);
  cost.outputDelta(trace.weightedInputs[L - 1], a, 0, a.length, label, f, trace.deltas[L - 1]);
  backpropagate(net, trace, L, withInputGradient);
  return trace;
}

/**
 * Backpropagation from layer `layer` down to the input, with δ^layer already in
 * `trace.deltas[layer − 1]`: the same rule started anywhere. Starting from δ^h = e_j gives
 * ∂z^h_j/∂(everything below), e.g. which pixels excite hidden neuron j (`cost` stays NaN).
 */
export function backpropagate(net: TraceNetwork, trace: Trace, layer: number, withInputGradient = true): Trace {
  for (let l = layer; l >= 1; l--) {
    if (l === 1 && !withInputGradient) break;
    const nIn = net.sizes[l - 1];
    const W = net.weights[l - 1];
    const delta = trace.deltas[l - 1];
    const grad = trace.activationGradients[l - 1];
    // ∂C/∂a_k = Σ_j w_jk δ_j: every neuron j of layer l adds its wish for a_k (the wishes summed backwards). Row by
    // row through W (contiguous), each sum still taken over j = 0, 1, … in order.
    grad.fill(0);
    for (let j = 0; j < delta.length; j++) {
      const d = delta[j];
      const row = j * nIn;
      for (let k = 0; k < nIn; k++) grad[k] += W[row + k] * d;
    }
    if (l === 1) break;
    const slope = trace.slopes[l - 2];
    const prevDelta = trace.deltas[l - 2];
    for (let k = 0; k < nIn; k++) prevDelta[k] = grad[k] * slope[k];
  }
  return trace;
}

/**
 * Forward and backward for one labelled example, in float64, keeping every z, a, f′(z), δ and
 * ∂C_x/∂a; without `withInputGradient` the backward pass stops at the first layer's δ and skips
 * ∂C_x/∂a⁰ (784 × sizes[1] multiplications).
 */
export function traceExample(net: TraceNetwork, cost: Cost, input: ArrayLike<number>, label: number, trace?: Trace, withInputGradient = true): Trace {
  return traceBackward(net, traceForward(net, input, trace), cost, label, withInputGradient);
}

/** ∂C_x/∂W^l = δ^l (a^{l−1})ᵀ for weight layer l (1-based), shaped like the network's weights[l−1]. */
export function weightGradient(trace: Trace, l: number): Float64Array {
  const delta = trace.deltas[l - 1];
  const prev = trace.activations[l - 1];
  const out = new Float64Array(delta.length * prev.length);
  for (let j = 0; j < delta.length; j++) for (let k = 0; k < prev.length; k++) out[j * prev.length + k] = delta[j] * prev[k];
  return out;
}

/** Sums of parameter gradients over examples, shaped like a network's weights and biases. */
export interface GradientSums {
  readonly weights: Float64Array[];
  readonly biases: Float64Array[];
}

/** Zeroed sums for a network with these layer sizes. */
export function createGradientSums(sizes: readonly number[]): GradientSums {
  return {
    weights: sizes.slice(1).map((n, l) => new Float64Array(n * sizes[l])),
    biases: sizes.slice(1).map((n) => new Float64Array(n)),
  };
}

/**
 * Adds this example's ∂C_x/∂θ to `sums` (δ_j·a_k and δ_j). Averaging over examples is the
 * caller's: divide by their count, and Σ_x ∂C_x/∂θ / n = ∂C/∂θ. Inputs equal to 0 (most MNIST
 * pixels) add nothing and are skipped.
 */
export function addGradient(trace: Trace, sums: GradientSums): void {
  for (let l = 1; l < trace.sizes.length; l++) {
    const delta = trace.deltas[l - 1];
    const prev = trace.activations[l - 1];
    const gW = sums.weights[l - 1];
    const gB = sums.biases[l - 1];
    const nIn = prev.length;
    if (nonZero.length < nIn) nonZero = new Int32Array(nIn);
    const at = nonZero;
    let m = 0;
    for (let k = 0; k < nIn; k++) if (prev[k] !== 0) at[m++] = k;
    for (let j = 0; j < delta.length; j++) {
      const d = delta[j];
      const row = j * nIn;
      gB[j] += d;
      for (let e = 0; e < m; e++) {
        const k = at[e];
        gW[row + k] += d * prev[k];
      }
    }
  }
}
