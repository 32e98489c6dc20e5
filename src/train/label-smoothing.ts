import { type Cost, costByName } from '../core/costs.js';
import type { TrainingSettings } from '../model/training-settings.js';

/** Smallest probability inside a logarithm, as in src/core/costs.ts. */
const LOG_FLOOR = 1e-12;

/**
 * Cross-entropy against smoothed targets (Szegedy et al. 2016): the label's target is
 * 1 − ε + ε/n and every other class's ε/n, instead of 1 and 0. A softmax output can then reach
 * its targets at finite weights, so the network is not pushed on and on towards ever larger
 * logits for examples it already gets right — a regulariser, like a small penalty on
 * overconfidence. With a softmax output:
 *   C_x = −Σ_j y_j ln a_j,   ∂C_x/∂a_j = −y_j / a_j,   δ_j = a_j − y_j
 * (the softmax's Jacobian cancels as in the plain case, since Σ_j y_j = 1). The kernels
 * compute the same (asm/cost.ts); settings allow it with softmax and cross-entropy only.
 */
export function smoothedCrossEntropy(epsilon: number): Cost {
  const target = (j: number, label: number, n: number): number => (j === label ? 1 - epsilon + epsilon / n : epsilon / n);
  return {
    name: 'cross-entropy',
    value(a, offset, n, label) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum -= target(j, label, n) * Math.log(Math.max(a[offset + j], LOG_FLOOR));
      return sum;
    },
    outputGradient(a, offset, n, label, _activation, grad) {
      for (let j = 0; j < n; j++) grad[offset + j] = -target(j, label, n) / Math.max(a[offset + j], LOG_FLOOR);
    },
    outputDelta(_z, a, offset, n, label, _activation, delta) {
      for (let j = 0; j < n; j++) delta[offset + j] = a[offset + j] - target(j, label, n);
    },
  };
}

/** The cost a run trains with: its cost function, with smoothed targets when the settings ask for them. */
export function trainingCost(settings: TrainingSettings): Cost {
  const epsilon = settings.labelSmoothing ?? 0;
  return epsilon > 0 ? smoothedCrossEntropy(epsilon) : costByName(settings.cost);
}
