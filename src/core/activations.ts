/**
 * Activation functions a = f(z), applied elementwise to a layer's weighted inputs z.
 * Each is a small record of the function and its derivative, as in TensorFlow Playground's
 * `nn.ts`. The derivative is written in terms of z and a = f(z), whichever is cheaper.
 *
 * Softmax is not elementwise (each output depends on the whole row), so it is an output
 * option (outputActivation "softmax") handled by the forward pass and the costs, not an `Activation`.
 */
export interface Activation {
  readonly name: HiddenActivationName;
  /** f(z). */
  f(z: number): number;
  /** f'(z), given z and a = f(z). */
  derivative(z: number, a: number): number;
}

/**
 * The numbers a layer's values live in: float32 in the batched passes (`forward`, `backward`,
 * the training loop), float64 in the per-example transparent pass (`trace.ts`).
 */
export type FloatVector = Float32Array | Float64Array;

/** The elementwise activations a hidden (or output) layer can use. */
export type HiddenActivationName = 'sigmoid' | 'relu' | 'tanh';
/** What the output layer can use: an elementwise activation or softmax. */
export type OutputActivationName = HiddenActivationName | 'softmax';

/** The names accepted for hidden layers, for parsers and menus. */
export const HIDDEN_ACTIVATIONS: readonly HiddenActivationName[] = ['sigmoid', 'relu', 'tanh'];
/** The names accepted for the output layer. */
export const OUTPUT_ACTIVATIONS: readonly OutputActivationName[] = ['sigmoid', 'relu', 'tanh', 'softmax'];

/** The logistic sigmoid σ(z) = 1 / (1 + e^−z); σ'(z) = σ(z)(1 − σ(z)). */
export const sigmoid: Activation = {
  name: 'sigmoid',
  f: (z) => 1 / (1 + Math.exp(-z)),
  derivative: (_z, a) => a * (1 - a),
};

/** The rectified linear unit max(0, z); its derivative is 1 for z > 0 and 0 otherwise. */
export const relu: Activation = {
  name: 'relu',
  f: (z) => (z > 0 ? z : 0),
  derivative: (z) => (z > 0 ? 1 : 0),
};

/** The hyperbolic tangent; tanh'(z) = 1 − tanh²(z). */
export const tanh: Activation = {
  name: 'tanh',
  f: (z) => Math.tanh(z),
  derivative: (_z, a) => 1 - a * a,
};

const BY_NAME: Record<HiddenActivationName, Activation> = { sigmoid, relu, tanh };

/** The activation record for a name. */
export function activationByName(name: HiddenActivationName): Activation {
  return BY_NAME[name];
}

/**
 * Softmax over each row of a rows × cols matrix: a_j = e^{z_j} / Σ_k e^{z_k}, computed
 * with the row maximum subtracted first so that large z cannot overflow.
 */
export function softmaxRows(z: FloatVector, a: FloatVector, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    let max = -Infinity;
    for (let j = 0; j < cols; j++) if (z[o + j] > max) max = z[o + j];
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      const e = Math.exp(z[o + j] - max);
      a[o + j] = e;
      sum += e;
    }
    for (let j = 0; j < cols; j++) a[o + j] /= sum;
  }
}
