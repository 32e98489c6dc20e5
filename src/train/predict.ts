import { forward } from '../core/forward.js';
import { accuracy, argmaxRow, confusionMatrix, perClassAccuracy } from '../core/metrics.js';
import type { Network } from '../core/network.js';
import { Workspace } from '../core/workspace.js';
import type { Dataset } from '../data/dataset.js';
import { gatherRange } from './batch.js';

/** Examples per forward pass when evaluating a whole data set. */
export const EVAL_CHUNK = 500;

/**
 * The network's answer (argmax of the output) for examples [start, start+count) of `data`,
 * computed `ws.capacity` examples at a time.
 */
export function predictRange(net: Network, ws: Workspace, data: Dataset, start: number, count: number, predictions: Uint8Array): void {
  const classes = net.sizes[net.layerCount];
  for (let done = 0; done < count; done += ws.capacity) {
    const n = Math.min(ws.capacity, count - done);
    gatherRange(data, start + done, n, ws.input);
    const output = forward(net, ws, n);
    for (let r = 0; r < n; r++) predictions[done + r] = argmaxRow(output, r, classes);
  }
}

/** How a network does on a labelled data set (accuracy on images it may never have seen). */
export interface Evaluation {
  readonly accuracy: number;
  readonly perClassAccuracy: number[];
  /** confusion[true][predicted]. */
  readonly confusion: number[][];
  readonly predictions: Uint8Array;
}

/** Runs the network over the whole data set and measures it. */
export function evaluateNetwork(net: Network, data: Dataset): Evaluation {
  const predictions = new Uint8Array(data.count);
  predictRange(net, Workspace.for(net, EVAL_CHUNK), data, 0, data.count, predictions);
  const confusion = confusionMatrix(predictions, data.labels, net.sizes[net.layerCount]);
  return { accuracy: accuracy(predictions, data.labels), perClassAccuracy: perClassAccuracy(confusion), confusion, predictions };
}

/** The output activations (confidences) for one image of bytes 0..255. */
export function classify(net: Network, pixels: Uint8Array): Float32Array {
  const ws = Workspace.for(net, 1);
  for (let i = 0; i < pixels.length; i++) ws.input[i] = pixels[i] / 255;
  return forward(net, ws, 1).slice();
}
