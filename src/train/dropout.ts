import type { Rng } from '../core/rng.js';
import type { Dataset } from '../data/dataset.js';
import type { StepResult, TrainingBackend } from './backend.js';

/**
 * Dropout masks for one mini-batch (Srivastava et al. 2014): in a training step each hidden
 * neuron is switched off with probability p, independently per example, so no neuron can rely
 * on particular others being there — the network learns redundant features, as if averaging
 * many thinned networks. "Inverted" dropout: a kept neuron's activation is multiplied by
 * 1/(1 − p), so its expected value is unchanged and the full network is used as is at test
 * time (no rescaling when predicting).
 *
 * `masks[l]` belongs to hidden layer l+1 (row-major, batch rows × neurons): each entry is 0
 * (dropped) or 1/(1 − p) (kept). Masks are drawn in TypeScript from the run's `Rng`, so the
 * reference and the WebAssembly kernels apply exactly the same masks and a seed fixes them.
 */
export class DropoutMasks {
  /** One mask per hidden layer (sizes[1] … sizes[L−1]), capacity rows each. */
  readonly masks: Float32Array[];
  /** Probability of keeping a neuron, 1 − p. */
  readonly keep: number;

  /** Masks for a network with these layer sizes, batches of up to `capacity` rows, drop probability `dropout`. */
  constructor(readonly sizes: readonly number[], readonly capacity: number, readonly dropout: number) {
    this.keep = 1 - dropout;
    this.masks = sizes.slice(1, -1).map((n) => new Float32Array(capacity * n).fill(1));
  }

  /**
   * Draws fresh masks for the first `count` rows: one uniform number per hidden neuron per
   * row, layer by layer, row by row. With p = 0 nothing is drawn and every entry is 1.
   */
  draw(rng: Rng, count: number): void {
    if (this.dropout === 0) return;
    const scale = 1 / this.keep;
    for (const mask of this.masks) {
      const n = (mask.length / this.capacity) * count;
      for (let i = 0; i < n; i++) mask[i] = rng.uniform() < this.keep ? scale : 0;
    }
  }
}

/** A backend that can train a mini-batch with dropout. */
export interface DropoutBackend extends TrainingBackend {
  /** `trainMiniBatch` with the hidden activations multiplied by `masks` (forward and backward). */
  trainMiniBatchDropout(data: Dataset, indices: Uint32Array, start: number, count: number, learningRate: number, masks: DropoutMasks): StepResult;
}

/** Whether `backend` implements dropout. */
export function supportsDropout(backend: TrainingBackend): backend is DropoutBackend {
  return typeof (backend as Partial<DropoutBackend>).trainMiniBatchDropout === 'function';
}
