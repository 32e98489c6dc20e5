import type { PathView, SgdPathResult } from './sgd-path.js';

/**
 * Who gets down first, counted in images looked at (stochastic gradient descent with mini-batches): of the two paths of `sgdPath`
 * (full-batch gradient descent and mini-batch SGD from one start), the cost both reach —
 * the higher of their two final costs over the same n training images — and how many
 * images each had processed when its exact cost first fell to it. The exact costs are known
 * at up to 60 points per path (`PathView.costs`), so the counts are those points'.
 */
export interface SgdArrival {
  /** The cost both paths reach. */
  readonly target: number;
  /** Images processed by the full-batch path when it first reached the target. */
  readonly fullExamples: number;
  readonly fullSteps: number;
  /** Images processed by the mini-batch path when it first reached the target. */
  readonly sgdExamples: number;
  readonly sgdSteps: number;
  /** fullExamples / sgdExamples. */
  readonly ratio: number;
}

/** The images each path needed to reach the cost both reach. */
export function sgdArrival(result: SgdPathResult): SgdArrival {
  const last = (p: PathView): number => p.costs[p.costs.length - 1];
  const target = Math.max(last(result.fullBatch), last(result.miniBatch));
  const arrive = (p: PathView): number => {
    const i = p.costs.findIndex((c) => c <= target);
    return p.costExamples[i < 0 ? p.costs.length - 1 : i];
  };
  const fullExamples = arrive(result.fullBatch);
  const sgdExamples = arrive(result.miniBatch);
  return {
    target,
    fullExamples,
    fullSteps: Math.round(fullExamples / result.fullBatch.batchSize),
    sgdExamples,
    sgdSteps: Math.round(sgdExamples / result.miniBatch.batchSize),
    ratio: sgdExamples > 0 ? fullExamples / sgdExamples : Infinity,
  };
}
