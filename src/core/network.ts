import { type HiddenActivationName, type OutputActivationName, activationByName, type Activation } from './activations.js';
import { type CostName, costFitsOutput } from './costs.js';
import { type InitName, initLayer } from './init.js';
import type { Rng } from './rng.js';

/** The shape of a network: what a model file or a settings form describes. */
export interface Architecture {
  /** Neurons per layer, input first: the source document's network is [784, 16, 16, 10]. */
  readonly sizes: readonly number[];
  /** Activation of every hidden layer. */
  readonly activation: HiddenActivationName;
  /** Activation of the output layer (softmax or elementwise). */
  readonly outputActivation: OutputActivationName;
}

/** The source document's network: 784-16-16-10, sigmoid everywhere. */
export const SEED_ARCHITECTURE: Architecture = {
  sizes: [784, 16, 16, 10],
  activation: 'sigmoid',
  outputActivation: 'sigmoid',
};

/**
 * A multilayer perceptron: the whole thing is one function of its parameters, 784 numbers
 * in and 10 out. Layer l (1 ≤ l ≤ L) has a weight matrix W^l with one row per neuron
 * and one column per neuron of the layer before — `weights[l-1][j * sizes[l-1] + k]` is
 * w_jk, the weight from neuron k to neuron j — and a bias vector b^l. A layer computes
 * a^l = f(W^l a^{l-1} + b^l), in matrix form.
 */
export class Network implements Architecture {
  readonly sizes: readonly number[];
  readonly activation: HiddenActivationName;
  readonly outputActivation: OutputActivationName;
  /** weights[l] is the (sizes[l+1] × sizes[l]) matrix into layer l+1, row-major. */
  readonly weights: Float32Array[];
  /** biases[l] is the bias vector of layer l+1. */
  readonly biases: Float32Array[];

  /** A network of zeros with the given shape; see `Network.random` for a trainable start. */
  constructor(architecture: Architecture) {
    const { sizes } = architecture;
    if (sizes.length < 2) throw new RangeError('a network needs at least an input and an output layer');
    for (const n of sizes) {
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`layer sizes must be positive integers, got ${n}`);
    }
    this.sizes = [...sizes];
    this.activation = architecture.activation;
    this.outputActivation = architecture.outputActivation;
    this.weights = [];
    this.biases = [];
    for (let l = 1; l < sizes.length; l++) {
      this.weights.push(new Float32Array(sizes[l] * sizes[l - 1]));
      this.biases.push(new Float32Array(sizes[l]));
    }
  }

  /** A network with random parameters drawn from `rng` by the `init` scheme. */
  static random(architecture: Architecture, init: InitName, rng: Rng): Network {
    const net = new Network(architecture);
    for (let l = 0; l < net.weights.length; l++) {
      initLayer(init, net.weights[l], net.biases[l], net.sizes[l], rng);
    }
    return net;
  }

  /** Number of weight layers (L): 3 for 784-16-16-10. */
  get layerCount(): number {
    return this.weights.length;
  }

  /** Total number of weights and biases: 13,002 for 784-16-16-10. */
  get parameterCount(): number {
    return parameterCount(this.sizes);
  }

  /** The elementwise activation of weight layer l (0-based), or null for a softmax output. */
  layerActivation(l: number): Activation | null {
    return layerActivation(this, l);
  }

  /** Whether this network can be trained with `cost` (cross-entropy needs σ or softmax out). */
  fitsCost(cost: CostName): boolean {
    return costFitsOutput(cost, this.outputActivation);
  }

  /** A deep copy. */
  clone(): Network {
    const copy = new Network(this);
    copy.copyParametersFrom(this);
    return copy;
  }

  /** Copies every weight and bias from a network of the same shape. */
  copyParametersFrom(other: Network): void {
    for (let l = 0; l < this.layerCount; l++) {
      this.weights[l].set(other.weights[l]);
      this.biases[l].set(other.biases[l]);
    }
  }
}

/**
 * The elementwise activation of weight layer l (0-based) of a network shaped like
 * `architecture`: the hidden activation, or for the last layer the output activation
 * (null for softmax, which is not elementwise).
 */
export function layerActivation(architecture: Architecture, l: number): Activation | null {
  if (l < architecture.sizes.length - 2) return activationByName(architecture.activation);
  return architecture.outputActivation === 'softmax' ? null : activationByName(architecture.outputActivation);
}

/**
 * Largest network digitlab builds, trains or loads: 50 million parameters (200 MB of float32;
 * a 784-800-800-10 network has 1.3 million). Checked before anything is allocated.
 */
export const MAX_PARAMETERS = 50_000_000;

/** Weights and biases of a network with these layer sizes: Σ n_{l−1}·n_l + n_l. */
export function parameterCount(sizes: readonly number[]): number {
  let count = 0;
  for (let l = 1; l < sizes.length; l++) count += sizes[l - 1] * sizes[l] + sizes[l];
  return count;
}
