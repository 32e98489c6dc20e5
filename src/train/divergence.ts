import { DigitlabError } from '../errors.js';

/** The error of a run whose cost became NaN or ±∞, with its likely cause. */
export function divergence(cost: number, learningRate: number, l2: number, epoch: number, batch: number, batchesPerEpoch: number): DigitlabError {
  // With L2, each step multiplies a weight by (1 − ηλ) before the gradient: |1 − ηλ| > 1 grows it without bound.
  const cause = learningRate * l2 > 2
    ? `the learning rate (${learningRate}) times the L2 penalty (${l2}) is ${learningRate * l2}, above 2, so each step inflates the weights`
    : `the learning rate (${learningRate}) is probably too high`;
  return new DigitlabError(`training diverged: the cost became ${cost} at epoch ${epoch}, mini-batch ${batch} of ${batchesPerEpoch}; ${cause}`);
}
