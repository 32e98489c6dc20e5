import type { Activation, FloatVector, OutputActivationName } from './activations.js';

/**
 * Cost functions: how wrong the network's output a is for one example whose label gives
 * the one-hot target y. Like Nielsen's `network2.py`, a cost is a record of its value and
 * of the output error δ^L = ∂C_x/∂z^L it feeds into backpropagation.
 *
 * The network's cost is the average of C_x over the examples (a mini-batch or a data set).
 */
export interface Cost {
  readonly name: CostName;
  /**
   * C_x for the output row a[offset .. offset+n) and the example's label, given the output
   * layer's activation (`null` = softmax).
   */
  value(a: FloatVector, offset: number, n: number, label: number, activation: Activation | null): number;
  /**
   * Writes ∂C_x/∂a^L, how the cost changes with each output activation, for one example row
   * into grad[offset .. offset+n). Its negative is the source document's "wished change" of
   * each output (one image's wishes for the outputs); δ^L is this times the output activation's slope.
   */
  outputGradient(a: FloatVector, offset: number, n: number, label: number, activation: Activation | null, grad: FloatVector): void;
  /**
   * Writes δ^L = ∂C_x/∂z^L for one example row into delta[offset .. offset+n), given the
   * output layer's weighted inputs z, activations a and activation (`null` = softmax).
   */
  outputDelta(
    z: FloatVector,
    a: FloatVector,
    offset: number,
    n: number,
    label: number,
    activation: Activation | null,
    delta: FloatVector,
  ): void;
}

/** The cost names. */
export type CostName = 'quadratic' | 'cross-entropy';
/** The names accepted, for parsers and menus. */
export const COSTS: readonly CostName[] = ['quadratic', 'cross-entropy'];

/** Smallest probability used inside a logarithm, so a saturated output costs ~27.6, not ∞. */
const LOG_FLOOR = 1e-12;

/**
 * Quadratic cost, the source document's: C_x = Σ_j (a_j − y_j)². (No ½ in front, so
 * ∂C_x/∂a_j = 2(a_j − y_j).) With an elementwise activation δ_j = 2(a_j − y_j)·f'(z_j);
 * with softmax the Jacobian J = diag(a) − a·aᵀ gives δ_i = a_i·(g_i − Σ_k a_k g_k).
 */
export const quadratic: Cost = {
  name: 'quadratic',
  value(a, offset, n, label) {
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const d = a[offset + j] - (j === label ? 1 : 0);
      sum += d * d;
    }
    return sum;
  },
  outputGradient(a, offset, n, label, _activation, grad) {
    for (let j = 0; j < n; j++) grad[offset + j] = 2 * (a[offset + j] - (j === label ? 1 : 0));
  },
  outputDelta(z, a, offset, n, label, activation, delta) {
    if (activation) {
      for (let j = 0; j < n; j++) {
        const i = offset + j;
        delta[i] = 2 * (a[i] - (j === label ? 1 : 0)) * activation.derivative(z[i], a[i]);
      }
      return;
    }
    let dot = 0;
    for (let j = 0; j < n; j++) dot += a[offset + j] * 2 * (a[offset + j] - (j === label ? 1 : 0));
    for (let j = 0; j < n; j++) {
      const i = offset + j;
      delta[i] = a[i] * (2 * (a[i] - (j === label ? 1 : 0)) - dot);
    }
  },
};

/**
 * Cross-entropy. With a softmax output it is the categorical form C_x = −ln a_y; with a
 * sigmoid output, Nielsen's C_x = −Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)]. In both cases
 * the activation's derivative cancels and δ^L = a − y, which is why this pairing learns
 * fast even when outputs saturate. Other output activations are rejected by `Network`.
 */
export const crossEntropy: Cost = {
  name: 'cross-entropy',
  value(a, offset, n, label, activation) {
    if (activation === null) return -Math.log(Math.max(a[offset + label], LOG_FLOOR));
    return binaryCrossEntropy(a, offset, n, label);
  },
  outputGradient(a, offset, n, label, activation, grad) {
    // ∂/∂a of −ln a_y (softmax) or of −[y ln a + (1 − y) ln(1 − a)] (sigmoid), floored like the value.
    for (let j = 0; j < n; j++) {
      const p = a[offset + j];
      if (j === label) grad[offset + j] = -1 / Math.max(p, LOG_FLOOR);
      else grad[offset + j] = activation === null ? 0 : 1 / Math.max(1 - p, LOG_FLOOR);
    }
  },
  outputDelta(_z, a, offset, n, label, _activation, delta) {
    for (let j = 0; j < n; j++) delta[offset + j] = a[offset + j] - (j === label ? 1 : 0);
  },
};

/** Nielsen's binary cross-entropy summed over the outputs (sigmoid outputs). */
export function binaryCrossEntropy(a: FloatVector, offset: number, n: number, label: number): number {
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const p = a[offset + j];
    sum -= j === label ? Math.log(Math.max(p, LOG_FLOOR)) : Math.log(Math.max(1 - p, LOG_FLOOR));
  }
  return sum;
}

/** The cost record for a name. */
export function costByName(name: CostName): Cost {
  return name === 'quadratic' ? quadratic : crossEntropy;
}

/** Whether a cost can be used with an output activation (cross-entropy needs probabilities). */
export function costFitsOutput(cost: CostName, output: OutputActivationName): boolean {
  return cost === 'quadratic' || output === 'sigmoid' || output === 'softmax';
}
