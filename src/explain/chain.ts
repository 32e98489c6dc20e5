import { activationByName, type HiddenActivationName } from '../core/activations.js';
import { traceForward } from '../core/trace.js';

/**
 * The chain of one neuron per layer (the chain rule): four neurons a(0) → a(1) → a(2) → a(3) linked by
 * three weights and three biases,
 *   z(l) = w(l)·a(l−1) + b(l),   a(l) = σ(z(l)),   C0 = (a(L) − y)²   with L = 3.
 * Backpropagation is the chain rule read from the cost backwards:
 *   ∂C0/∂a(L)   = 2(a(L) − y)
 *   ∂C0/∂w(l)   = a(l−1) · σ′(z(l)) · ∂C0/∂a(l)
 *   ∂C0/∂b(l)   =      1 · σ′(z(l)) · ∂C0/∂a(l)
 *   ∂C0/∂a(l−1) =   w(l) · σ′(z(l)) · ∂C0/∂a(l)
 * so a derivative for layer l is a product of factors, one per link between it and the cost.
 * Everything is computed in float64, and every derivative is set beside its central finite
 * difference (C0(θ + h) − C0(θ − h)) / 2h computed by an independent forward pass.
 */

/** The editable numbers of the chain. */
export interface ChainParameters {
  /** w(1), w(2), w(3). */
  readonly weights: readonly [number, number, number];
  /** b(1), b(2), b(3). */
  readonly biases: readonly [number, number, number];
  /** The input activation a(0). */
  readonly input: number;
  /** The desired output y. */
  readonly target: number;
  /** The squashing function σ (default sigmoid). */
  readonly activation?: HiddenActivationName;
}

/** A chain whose output is wrong enough for every factor to be visible. */
export const DEFAULT_CHAIN: ChainParameters = {
  weights: [1.5, -2, 2.5],
  biases: [-0.5, 0.5, -1],
  input: 0.8,
  target: 1,
  activation: 'sigmoid',
};

/** The forward pass at one neuron. */
export interface ChainNeuron {
  /** Layer 1..3. */
  readonly layer: number;
  /** z(l) = w(l)·a(l−1) + b(l). */
  readonly z: number;
  /** a(l) = σ(z(l)). */
  readonly a: number;
  /** σ′(z(l)): how much a(l) moves per unit of z(l). */
  readonly slope: number;
}

/** One factor of a chain-rule product, with its number. */
export interface ChainFactor {
  /** The partial derivative it stands for, e.g. "∂z(3)/∂w(3)". */
  readonly symbol: string;
  /** What it equals in symbols, e.g. "a(2)" or "σ′(z(3))". */
  readonly formula: string;
  readonly value: number;
}

/** One parameter's derivative: its factors, their product, and the numerical check. */
export interface ChainDerivative {
  /** "w3", "b3", "w2", … or "a0" for the input. */
  readonly parameter: string;
  readonly layer: number;
  /** The factors whose product is the derivative, from the parameter up to the cost. */
  readonly factors: readonly ChainFactor[];
  /** The product of the factors: backpropagation's answer. */
  readonly analytic: number;
  /** The central finite difference with step `h`. */
  readonly numeric: number;
  /** |analytic − numeric|. */
  readonly difference: number;
}

/** Everything the chain explorable shows. */
export interface ChainResult {
  readonly parameters: Required<ChainParameters>;
  /** a(0), the input. */
  readonly input: number;
  /** Layers 1..3, in forward order. */
  readonly neurons: readonly ChainNeuron[];
  /** C0 = (a(3) − y)². */
  readonly cost: number;
  /** ∂C0/∂a(l) for l = 3, 2, 1, 0 (backward order): how much the cost cares about each activation. */
  readonly activationGradients: readonly { readonly layer: number; readonly value: number }[];
  /** ∂C0/∂w(3), ∂C0/∂b(3), ∂C0/∂w(2), … ∂C0/∂b(1), backward order. */
  readonly derivatives: readonly ChainDerivative[];
  /** The finite-difference step. */
  readonly h: number;
  /** The largest |analytic − numeric| over all derivatives. */
  readonly maxDifference: number;
}

/** The finite-difference step: small enough for h² ≈ 1e−12 truncation, large enough for rounding. */
export const CHAIN_FD_STEP = 1e-6;

/** Runs the chain forward and backward and checks every derivative numerically. */
export function explainChain(p: ChainParameters, h = CHAIN_FD_STEP): ChainResult {
  const parameters: Required<ChainParameters> = { activation: 'sigmoid', ...p };
  const L = 3;
  // The forward pass is the transparent pass of a 1-1-1-1 network.
  const trace = traceForward(
    {
      sizes: [1, 1, 1, 1],
      activation: parameters.activation,
      outputActivation: parameters.activation,
      weights: parameters.weights.map((w) => [w]),
      biases: parameters.biases.map((b) => [b]),
    },
    [parameters.input],
  );
  const neurons: ChainNeuron[] = [1, 2, 3].map((l) => ({ layer: l, z: trace.weightedInputs[l - 1][0], a: trace.activations[l][0], slope: trace.slopes[l - 1][0] }));
  const aOut = neurons[L - 1].a;
  const cost = (aOut - parameters.target) ** 2;
  const act = (l: number): number => (l === 0 ? parameters.input : neurons[l - 1].a);

  // The factors linking a(l) to the cost: ∂C0/∂a(L) first, then w(l+1)·σ′(z(l+1)) links.
  const tail = (l: number): ChainFactor[] => {
    const factors: ChainFactor[] = [];
    for (let m = l + 1; m <= L; m++) {
      factors.push({ symbol: `∂z(${m})/∂a(${m - 1})`, formula: `w(${m})`, value: parameters.weights[m - 1] });
      factors.push({ symbol: `∂a(${m})/∂z(${m})`, formula: `σ′(z(${m}))`, value: neurons[m - 1].slope });
    }
    factors.push({ symbol: `∂C0/∂a(${L})`, formula: `2(a(${L}) − y)`, value: 2 * (aOut - parameters.target) });
    return factors;
  };
  const activationGradients = [L, 2, 1, 0].map((l) => ({ layer: l, value: product(tail(l)) }));

  const derivatives: ChainDerivative[] = [];
  const check = (parameter: string, layer: number, factors: ChainFactor[]): void => {
    const analytic = product(factors);
    const numeric = finiteDifference(parameters, parameter, h);
    derivatives.push({ parameter, layer, factors, analytic, numeric, difference: Math.abs(analytic - numeric) });
  };
  for (let l = L; l >= 1; l--) {
    const local: ChainFactor = { symbol: `∂a(${l})/∂z(${l})`, formula: `σ′(z(${l}))`, value: neurons[l - 1].slope };
    check(`w${l}`, l, [{ symbol: `∂z(${l})/∂w(${l})`, formula: `a(${l - 1})`, value: act(l - 1) }, local, ...tail(l)]);
    check(`b${l}`, l, [{ symbol: `∂z(${l})/∂b(${l})`, formula: '1', value: 1 }, local, ...tail(l)]);
  }
  check('a0', 0, tail(0));
  return {
    parameters,
    input: parameters.input,
    neurons,
    cost,
    activationGradients,
    derivatives,
    h,
    maxDifference: Math.max(...derivatives.map((d) => d.difference)),
  };
}

/** C0 for the parameters, by a forward pass written separately from `explainChain`'s. */
export function chainCost(p: ChainParameters): number {
  const f = activationByName(p.activation ?? 'sigmoid').f;
  let a = p.input;
  for (let l = 0; l < 3; l++) a = f(p.weights[l] * a + p.biases[l]);
  return (a - p.target) ** 2;
}

function finiteDifference(p: Required<ChainParameters>, parameter: string, h: number): number {
  const shifted = (delta: number): ChainParameters => {
    const weights = [...p.weights] as [number, number, number];
    const biases = [...p.biases] as [number, number, number];
    let input = p.input;
    const index = Number(parameter.slice(1)) - 1;
    if (parameter[0] === 'w') weights[index] += delta;
    else if (parameter[0] === 'b') biases[index] += delta;
    else input += delta;
    return { ...p, weights, biases, input };
  };
  return (chainCost(shifted(h)) - chainCost(shifted(-h))) / (2 * h);
}

function product(factors: readonly ChainFactor[]): number {
  return factors.reduce((x, f) => x * f.value, 1);
}
