import { backward, createGradients } from '../core/backprop.js';
import { costByName, type CostName } from '../core/costs.js';
import { forward } from '../core/forward.js';
import type { Network } from '../core/network.js';
import { Workspace } from '../core/workspace.js';
import type { Dataset } from '../data/dataset.js';
import { gatherRange } from '../train/batch.js';
import { splitParameters } from './parameter-vector.js';
import { trainingSetAverage } from './training-set-nudges.js';

/**
 * Averaging the nudges is computing −∇C, checked both ways on the same images:
 *
 *  1. every image's own nudges −∇C_x from its transparent pass (float64, one image at a time,
 *     `trainingSetAverage`), averaged parameter by parameter;
 *  2. the engine's batched `backward` (float32, the training loop's own code) over the same
 *     images, in chunks of at most `chunk` images; each chunk's gradient is an average, so the
 *     chunks are weighted by their sizes: ∇C = Σ_c (m_c / n) ∇C_c.
 *
 * Both are taken a chunk of images at a time, each chunk's average weighted by its share.
 * The two differ only by float32 rounding; the largest difference over all parameters is
 * reported beside the largest component, so "tiny" has a scale.
 */

/** Both averages over the first `count` images, flattened (W¹, b¹, W², b², …). */
export interface GradientAverage {
  readonly count: number;
  /** The network's cost over those images. */
  readonly cost: number;
  /** (1/n) Σ_x −∇C_x, from each image's own pass. */
  readonly averageNudges: Float64Array;
  /** −∇C from the batched backward. */
  readonly negativeGradient: Float64Array;
  /** max_i |averageNudges_i − negativeGradient_i| and where (index into the flat vector). */
  readonly maxDifference: number;
  readonly maxDifferenceAt: number;
  /** max_i |negativeGradient_i|: the scale of the components. */
  readonly maxComponent: number;
}

/** −∇C over the first `count` images of `data` by the batched backward, in chunks (flattened). */
export function batchedNegativeGradient(net: Network, cost: CostName, data: Dataset, count: number, chunk = 1000): Float64Array {
  const c = costByName(cost);
  const ws = Workspace.for(net, Math.min(chunk, count));
  const grads = createGradients(net);
  const total = new Float64Array(net.parameterCount);
  const parts = splitParameters(net.sizes, total);
  for (let start = 0; start < count; start += chunk) {
    const m = Math.min(chunk, count - start);
    gatherRange(data, start, m, ws.input);
    forward(net, ws, m);
    backward(net, ws, data.labels.subarray(start, start + m), m, c, grads);
    for (let l = 0; l < net.layerCount; l++) {
      addScaled(parts.weights[l], grads.weights[l], -m / count);
      addScaled(parts.biases[l], grads.biases[l], -m / count);
    }
  }
  return total;
}

/** The first images [start, start + count) of `data` as a data set of their own (views, no copy). */
function slice(data: Dataset, start: number, count: number): Dataset {
  const size = data.rows * data.cols;
  return { ...data, count, images: data.images.subarray(start * size, (start + count) * size), labels: data.labels.subarray(start, start + count) };
}

/**
 * The two averages over the first `count` images of `data` and how far apart they are. The
 * images are taken `chunk` at a time (each chunk's averages weighted by its share of the
 * images), and `onProgress` hears the share done after each chunk.
 */
export function gradientAverage(net: Network, cost: CostName, data: Dataset, count: number, onProgress?: (done: number) => void, chunk = 5000): GradientAverage {
  const n = Math.min(count, data.count);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`the average needs at least one image, got ${count}`);
  const averageNudges = new Float64Array(net.parameterCount);
  const negativeGradient = new Float64Array(net.parameterCount);
  const parts = splitParameters(net.sizes, averageNudges);
  let costSum = 0;
  for (let start = 0; start < n; start += chunk) {
    const m = Math.min(chunk, n - start);
    const images = slice(data, start, m);
    const average = trainingSetAverage(net, cost, images, m);
    for (let l = 0; l < net.layerCount; l++) {
      addScaled(parts.weights[l], average.weightNudges[l], m / n);
      addScaled(parts.biases[l], average.biasNudges[l], m / n);
    }
    addScaled(negativeGradient, batchedNegativeGradient(net, cost, images, m), m / n);
    costSum += average.cost * m;
    onProgress?.((start + m) / n);
  }
  let maxDifference = 0;
  let maxDifferenceAt = 0;
  let maxComponent = 0;
  for (let q = 0; q < averageNudges.length; q++) {
    const d = Math.abs(averageNudges[q] - negativeGradient[q]);
    if (d > maxDifference) {
      maxDifference = d;
      maxDifferenceAt = q;
    }
    maxComponent = Math.max(maxComponent, Math.abs(negativeGradient[q]));
  }
  return { count: n, cost: costSum / n, averageNudges, negativeGradient, maxDifference, maxDifferenceAt, maxComponent };
}

function addScaled(into: Float64Array, v: ArrayLike<number>, scale: number): void {
  for (let q = 0; q < v.length; q++) into[q] += v[q] * scale;
}

/** Where parameter `q` of the flat vector (W¹, b¹, W², b², …) sits: its layer (1-based), kind and index. */
export function flatParameter(sizes: readonly number[], q: number): { readonly layer: number; readonly kind: 'weight' | 'bias'; readonly index: number } {
  let offset = 0;
  for (let l = 1; l < sizes.length; l++) {
    const weights = sizes[l] * sizes[l - 1];
    if (q < offset + weights) return { layer: l, kind: 'weight', index: q - offset };
    offset += weights;
    if (q < offset + sizes[l]) return { layer: l, kind: 'bias', index: q - offset };
    offset += sizes[l];
  }
  throw new RangeError(`parameter ${q} is beyond the network's ${offset}`);
}
