import { backward, createGradients } from '../core/backprop.js';
import { type CostName, costByName } from '../core/costs.js';
import { forward } from '../core/forward.js';
import { argmaxRow } from '../core/metrics.js';
import type { Network } from '../core/network.js';
import { Workspace } from '../core/workspace.js';
import type { Dataset } from '../data/dataset.js';
import { answersFor, bytesToUnit, toPlainArray } from './answers.js';

/** Options of the fooling experiment. */
export interface FoolOptions {
  /** Test image to change; default: the first test image of `sourceDigit` the model gets right. */
  readonly index?: number;
  /** Digit whose first correctly answered test image is used when no index is given (default 3). */
  readonly sourceDigit: number;
  /** The answer to force (default 8). */
  readonly target: number;
  /** Largest ε tried (max change of any pixel, default 0.5). */
  readonly maxEpsilon: number;
  /** Increment of ε between tries, in pixel levels of 1/255 (default 2). */
  readonly epsilonStepLevels: number;
  /** Sign-gradient steps inside each ε (default 10). */
  readonly iterations: number;
}

/** Defaults of `runFool`. */
export const FOOL_DEFAULTS: FoolOptions = { sourceDigit: 3, target: 8, maxEpsilon: 0.5, epsilonStepLevels: 2, iterations: 10 };

/** The result of the fooling experiment. */
export interface FoolResult {
  readonly experiment: 'fool';
  readonly index: number;
  readonly label: number;
  readonly target: number;
  readonly succeeded: boolean;
  /** The smallest ε tried that works: no pixel changed by more than ε (pixels in [0, 1]). */
  readonly epsilon: number;
  /** Size of the change actually made: largest pixel change, Euclidean norm, pixels touched. */
  readonly maxChange: number;
  readonly l2Change: number;
  readonly changedPixels: number;
  /** 784 values each: the test image, fooled − original (in [−ε, ε]) and the fooled image, all on the 1/255 grid. */
  readonly original: number[];
  readonly perturbation: number[];
  readonly fooled: number[];
  /** Output activations for the original and the fooled image. */
  readonly originalOutputs: number[];
  readonly fooledOutputs: number[];
  readonly originalAnswer: number;
  readonly fooledAnswer: number;
}

/**
 * Fooling the network: the smallest change along the sign of the input gradient that turns the model's answer
 * into `target`. For ε = 2/255, 4/255, … it takes a few steps x ← clip(x − (ε/k)·sign(∇ₓC(x,
 * target))), staying within ε of the original and in [0, 1] (the iterative fast gradient sign
 * method), and stops at the first ε whose image the model answers as the target. Pixels
 * are kept on the 1/255 grid so the saved PNG is exactly the image that fools the model.
 */
export function runFool(net: Network, cost: CostName, test: Dataset, options: Partial<FoolOptions> = {}): FoolResult {
  const o = { ...FOOL_DEFAULTS, ...options };
  const size = net.sizes[0];
  const classes = net.sizes[net.layerCount];
  if (!Number.isInteger(o.target) || o.target < 0 || o.target >= classes) throw new RangeError(`target must be a class from 0 to ${classes - 1}, got ${o.target}`);
  const index = o.index ?? firstRightOf(net, test, o.sourceDigit);
  if (!Number.isInteger(index) || index < 0 || index >= test.count) throw new RangeError(`image index must be from 0 to ${test.count - 1}, got ${index}`);
  const original = bytesToUnit(test.images.subarray(index * size, (index + 1) * size));
  const ws = Workspace.for(net, 1);
  const grads = createGradients(net);
  const costFn = costByName(cost);
  const x = new Float32Array(size);
  const answer = (image: Float32Array): number => {
    ws.input.set(image);
    return argmaxRow(forward(net, ws, 1), 0, classes);
  };
  const originalAnswer = answer(original);
  let epsilon = 0;
  let succeeded = originalAnswer === o.target;
  x.set(original);
  for (let levels = o.epsilonStepLevels; !succeeded && levels <= Math.round(o.maxEpsilon * 255); levels += o.epsilonStepLevels) {
    epsilon = levels / 255;
    x.set(original);
    for (let it = 0; it < o.iterations && !succeeded; it++) {
      ws.input.set(x);
      forward(net, ws, 1);
      backward(net, ws, [o.target], 1, costFn, grads, true);
      // Step down the target's cost; round to whole pixel levels, at least one level per step.
      const stepLevels = Math.max(1, Math.round(levels / o.iterations * 2));
      for (let k = 0; k < size; k++) {
        const g = ws.inputGradient[k];
        if (g === 0) continue;
        const moved = x[k] - Math.sign(g) * stepLevels / 255;
        const lo = Math.max(0, original[k] - epsilon);
        const hi = Math.min(1, original[k] + epsilon);
        x[k] = Math.round(Math.min(hi, Math.max(lo, moved)) * 255) / 255;
      }
      succeeded = answer(x) === o.target;
    }
  }
  const perturbation = new Float32Array(size);
  let maxChange = 0;
  let sq = 0;
  let changed = 0;
  for (let k = 0; k < size; k++) {
    const d = x[k] - original[k];
    perturbation[k] = d;
    maxChange = Math.max(maxChange, Math.abs(d));
    sq += d * d;
    if (Math.abs(d) > 1e-6) changed++;
  }
  // Judge the rounded arrays that the result carries, so what a reader checks is what was judged.
  const fooled = toPlainArray(x);
  const outputs = answersFor(net, Float32Array.from([...toPlainArray(original), ...fooled]), 2);
  succeeded = outputs.predictions[1] === o.target;
  return {
    experiment: 'fool',
    index,
    label: test.labels[index],
    target: o.target,
    succeeded,
    epsilon: succeeded ? epsilon : NaN,
    maxChange,
    l2Change: Math.sqrt(sq),
    changedPixels: changed,
    original: toPlainArray(original),
    perturbation: toPlainArray(perturbation),
    fooled,
    originalOutputs: toPlainArray(outputs.outputs.subarray(0, classes)),
    fooledOutputs: toPlainArray(outputs.outputs.subarray(classes)),
    originalAnswer: outputs.predictions[0],
    fooledAnswer: outputs.predictions[1],
  };
}

/** Index of the first test image labelled `digit` that the model answers right. */
export function firstRightOf(net: Network, test: Dataset, digit: number): number {
  const size = net.sizes[0];
  const chunk = 500;
  for (let start = 0; start < test.count; start += chunk) {
    const n = Math.min(chunk, test.count - start);
    const { predictions } = answersFor(net, bytesToUnit(test.images.subarray(start * size, (start + n) * size)), n);
    for (let r = 0; r < n; r++) if (test.labels[start + r] === digit && predictions[r] === digit) return start + r;
  }
  throw new RangeError(`the model answers no test image of ${digit} right`);
}
