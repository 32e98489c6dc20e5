import type { CostName } from '../core/costs.js';
import type { Network } from '../core/network.js';
import { type BatchNudges, batchNudges } from './batch-nudges.js';
import { type ImageNudges, imageNudges } from './image-nudges.js';
import { type ImageSource, imagePixels } from './image-source.js';
import { type LayerNudgeSummary, summarizeLayers, type TopNudge, topNudges } from './nudge-summary.js';
import { nudgeCosine, type TrainingSetAverage, trainingSetAverage } from './training-set-nudges.js';
import { type WaysToRaise, waysToRaise } from './ways-to-raise.js';

/**
 * The nudges explorable (one image's wishes for the outputs, summed backwards and averaged into −∇C): what one training image wants from the network —
 * its wishes for the outputs (image-nudges.ts), the three ways to raise an output
 * (ways-to-raise.ts), the wishes summed backwards into −∇C_x, the largest nudges
 * (nudge-summary.ts) — the average over a mini-batch (batch-nudges.ts) and, when asked,
 * over the training set: −∇C itself (training-set-nudges.ts).
 * The tests check every number against the engine's `backward`.
 */

export type { BatchMember, BatchNudges } from './batch-nudges.js';
export type { BackwardStep, ImageNudges, LayerWishes } from './image-nudges.js';
export { imageNudges } from './image-nudges.js';
export type { ImageSource } from './image-source.js';
export { imagePixels } from './image-source.js';
export type { LayerNudgeSummary, TopNudge } from './nudge-summary.js';
export type { TrainingSetAverage } from './training-set-nudges.js';
export { trainingSetAverage } from './training-set-nudges.js';
export type { WaysToRaise } from './ways-to-raise.js';

/** The training-set average −∇C, and how one image's and one mini-batch's nudges compare with it. */
export interface TrainingSetNudges extends TrainingSetAverage {
  /** The largest components of −∇C. */
  readonly top: readonly TopNudge[];
  readonly layerSummary: readonly LayerNudgeSummary[];
  /** cos(−∇C_x of the image, −∇C): how far the one image's wishes point the training set's way. */
  readonly imageAgreement: number;
  /** cos(the mini-batch's −∇C, −∇C): how good a stand-in for the true step the mini-batch is (stochastic gradient descent). */
  readonly batchAgreement: number;
}

/** Everything the nudges explorable shows for one image and its mini-batch. */
export interface NudgesResult {
  /** Index of the image in the training set. */
  readonly index: number;
  readonly image: ImageNudges;
  /** The output neuron whose three ways to rise are shown (default: the right digit). */
  readonly ways: WaysToRaise;
  readonly top: readonly TopNudge[];
  readonly layerSummary: readonly LayerNudgeSummary[];
  /** The mini-batch images [index, index + batchSize) and their average. */
  readonly batch: BatchNudges;
  readonly batchTop: readonly TopNudge[];
  /** The average over the training set (only when the `trainingSet` option asks for it). */
  readonly trainingSet?: TrainingSetNudges;
}

/** The defaults of `explainNudges` (and of `digitlab explain nudges` and How it learns): the first training image, a mini-batch of 10. */
export const NUDGES_DEFAULTS = { index: 0, batchSize: 10 } as const;

/** Options of `explainNudges`. */
export interface NudgesOptions {
  /** The training image (default 0). */
  readonly index?: number;
  /** The output neuron to explain (default: the image's label). */
  readonly neuron?: number;
  /** Images averaged in the mini-batch, starting at `index` (default 10). */
  readonly batchSize?: number;
  /**
   * Also average over the training set: a number n averages the first n images of `data`
   * (its whole length: pass `data.count`), a `trainingSetAverage` result is used as it is
   * (it does not depend on the image, so compute it once per network). Default: not done.
   */
  readonly trainingSet?: number | TrainingSetAverage;
}

/** Runs the nudges explorable on `data` (the training set) for the chosen image. */
export function explainNudges(net: Network, cost: CostName, data: ImageSource, options: NudgesOptions = {}): NudgesResult {
  const index = options.index ?? NUDGES_DEFAULTS.index;
  if (!Number.isInteger(index) || index < 0 || index >= data.count) throw new RangeError(`image index must be from 0 to ${data.count - 1}, got ${index}`);
  const label = data.labels[index];
  const image = imageNudges(net, cost, imagePixels(data, index), label);
  const neuron = options.neuron ?? label;
  const classes = net.sizes[net.layerCount];
  if (!Number.isInteger(neuron) || neuron < 0 || neuron >= classes) throw new RangeError(`output neuron must be from 0 to ${classes - 1}, got ${neuron}`);
  const batchSize = Math.max(1, Math.min(options.batchSize ?? NUDGES_DEFAULTS.batchSize, data.count - index));
  const indices = Array.from({ length: batchSize }, (_, i) => index + i);
  const batch = batchNudges(
    net,
    cost,
    indices.map((i) => imagePixels(data, i)),
    indices.map((i) => data.labels[i]),
    indices,
  );
  const result: NudgesResult = {
    index,
    image,
    ways: waysToRaise(net, image, neuron),
    top: topNudges(net, image.weightNudges, image.biasNudges),
    layerSummary: summarizeLayers(image.weightNudges, image.biasNudges),
    batch,
    batchTop: topNudges(net, batch.weightNudges, batch.biasNudges),
  };
  if (options.trainingSet === undefined) return result;
  const average = typeof options.trainingSet === 'number' ? trainingSetAverage(net, cost, data, options.trainingSet) : options.trainingSet;
  const trainingSet: TrainingSetNudges = {
    ...average,
    top: topNudges(net, average.weightNudges, average.biasNudges),
    layerSummary: summarizeLayers(average.weightNudges, average.biasNudges),
    imageAgreement: nudgeCosine(image, average),
    batchAgreement: nudgeCosine(batch, average),
  };
  return { ...result, trainingSet };
}
