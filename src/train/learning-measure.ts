import type { Activation } from '../core/activations.js';
import { forward } from '../core/forward.js';
import { argmaxRow } from '../core/metrics.js';
import type { Network } from '../core/network.js';
import { Workspace } from '../core/workspace.js';
import type { Dataset } from '../data/dataset.js';
import { gatherRange } from './batch.js';

/** A hidden neuron counts as saturated on an example when f′(z) is below this share of f′'s largest value. */
export const SATURATED_SLOPE = 0.05;
/** …and as saturated outright when that holds on at least this share of the examples. */
export const SATURATED_EXAMPLES = 0.95;
/** Examples the measurement looks at (the first ones of the set given). */
export const MEASURED_EXAMPLES = 1000;

/** How a network behaves on a sample of examples: what `diagnoseLearning` judges. */
export interface LearningMeasurement {
  readonly examples: number;
  readonly classes: number;
  /** Fraction of the sample answered right. */
  readonly accuracy: number;
  /** The class answered most often, and the share of the answers that went to it. */
  readonly topClass: number;
  readonly topClassShare: number;
  /** Hidden neurons in all, and those saturated (sigmoid, tanh: |z| large) or dead (ReLU: z ≤ 0) on nearly every example. */
  readonly hiddenNeurons: number;
  readonly saturatedNeurons: number;
  /** Output neurons with an elementwise activation (0 for softmax), and those saturated on nearly every example. */
  readonly outputNeurons: number;
  readonly saturatedOutputs: number;
}

/**
 * Runs the reference forward pass over the first `examples` of `data` (1,000 by default) and measures
 * the answers and every hidden neuron's slope f′(z): where f′ ≈ 0 the neuron passes no
 * gradient back (∂C/∂z = f′(z)·∂C/∂a), so a network of such neurons has stopped learning.
 * Pure and browser-safe: the CLI runs it after an epoch, the Lab after some mini-batches.
 */
export function measureLearning(net: Network, data: Dataset, examples = MEASURED_EXAMPLES): LearningMeasurement {
  const count = Math.min(examples, data.count);
  const L = net.layerCount;
  const classes = net.sizes[L];
  // One count of flat examples per neuron of every layer with an elementwise activation.
  const layers = net.sizes.slice(1).map((n, i) => (i < L - 1 || net.outputActivation !== 'softmax' ? new Uint32Array(n) : null));
  const answers = new Uint32Array(classes);
  let correct = 0;
  const ws = Workspace.for(net, 250);
  for (let done = 0; done < count; done += ws.capacity) {
    const n = Math.min(ws.capacity, count - done);
    gatherRange(data, done, n, ws.input);
    const output = forward(net, ws, n);
    for (let r = 0; r < n; r++) {
      const answer = argmaxRow(output, r, classes);
      answers[answer]++;
      if (answer === data.labels[done + r]) correct++;
    }
    for (let l = 1; l <= L; l++) {
      const counts = layers[l - 1];
      if (counts) countFlat(net.layerActivation(l - 1) as Activation, ws.weightedInputs[l - 1], ws.activations[l], n, counts);
    }
  }
  let topClass = 0;
  for (let j = 1; j < classes; j++) if (answers[j] > answers[topClass]) topClass = j;
  const flat = (counts: Uint32Array | null): number => (counts ? counts.filter((c) => c >= SATURATED_EXAMPLES * count).length : 0);
  const hidden = layers.slice(0, L - 1);
  const output = layers[L - 1];
  return {
    examples: count,
    classes,
    accuracy: count > 0 ? correct / count : NaN,
    topClass,
    topClassShare: count > 0 ? answers[topClass] / count : NaN,
    hiddenNeurons: hidden.reduce((sum, c) => sum + (c?.length ?? 0), 0),
    saturatedNeurons: hidden.reduce((sum, c) => sum + flat(c), 0),
    outputNeurons: output?.length ?? 0,
    saturatedOutputs: flat(output),
  };
}

/** Adds 1 to `counts[j]` for each example whose neuron j has f′(z) below SATURATED_SLOPE of f′'s peak. */
function countFlat(f: Activation, z: Float32Array, a: Float32Array, rows: number, counts: Uint32Array): void {
  // The largest slope: σ′ peaks at ¼ (z = 0); ReLU's and tanh's at 1.
  const threshold = SATURATED_SLOPE * (f.name === 'sigmoid' ? 0.25 : 1);
  const width = counts.length;
  for (let i = 0; i < rows * width; i++) if (f.derivative(z[i], a[i]) < threshold) counts[i % width]++;
}
