import type { Network } from './network.js';

/**
 * Every intermediate number of a forward and backward pass over a mini-batch of up to
 * `capacity` examples, preallocated once so the training loop allocates nothing.
 * Matrices are row-major with one row per example (a batch of m examples × n neurons).
 */
export class Workspace {
  /** Largest batch this workspace holds. */
  readonly capacity: number;
  /** activations[0] is the input batch; activations[l] is layer l's output a^l. */
  readonly activations: Float32Array[];
  /** weightedInputs[l-1] is layer l's z^l = W^l a^{l−1} + b^l. */
  readonly weightedInputs: Float32Array[];
  /** deltas[l-1] is layer l's error δ^l = ∂C/∂z^l. */
  readonly deltas: Float32Array[];
  /** ∂C_x/∂a^0 for each example (the gradient with respect to the input pixels). */
  readonly inputGradient: Float32Array;

  /** Buffers for `network`'s layer sizes and batches of up to `capacity` examples. */
  constructor(sizes: readonly number[], capacity: number) {
    this.capacity = capacity;
    this.activations = sizes.map((n) => new Float32Array(capacity * n));
    this.weightedInputs = sizes.slice(1).map((n) => new Float32Array(capacity * n));
    this.deltas = sizes.slice(1).map((n) => new Float32Array(capacity * n));
    this.inputGradient = new Float32Array(capacity * sizes[0]);
  }

  /** A workspace sized for `network`. */
  static for(network: Network, capacity: number): Workspace {
    return new Workspace(network.sizes, capacity);
  }

  /** The input batch buffer (write the examples' pixels here, in [0, 1]). */
  get input(): Float32Array {
    return this.activations[0];
  }

  /** The output layer's activations after `forward`. */
  get output(): Float32Array {
    return this.activations[this.activations.length - 1];
  }
}
