import { forward } from '../core/forward.js';
import { argmaxRow } from '../core/metrics.js';
import type { Network } from '../core/network.js';
import { Workspace } from '../core/workspace.js';

/** The network's answer for each of a set of images and how sure it is. */
export interface Answers {
  /** argmax of the output layer for each image. */
  readonly predictions: number[];
  /** The winning output neuron's activation (in [0, 1] for sigmoid and softmax outputs). */
  readonly confidences: number[];
  /** All output activations, images × classes, row by row. */
  readonly outputs: Float32Array;
}

/** Examples per forward pass. */
const CHUNK = 500;

/**
 * Runs `count` images (`pixels`: count × inputs floats in [0, 1], row by row) through the
 * network and returns each answer with its confidence.
 */
export function answersFor(net: Network, pixels: Float32Array, count: number): Answers {
  const inputs = net.sizes[0];
  const classes = net.sizes[net.layerCount];
  const ws = Workspace.for(net, Math.min(CHUNK, Math.max(1, count)));
  const predictions: number[] = [];
  const confidences: number[] = [];
  const outputs = new Float32Array(count * classes);
  for (let done = 0; done < count; done += ws.capacity) {
    const n = Math.min(ws.capacity, count - done);
    ws.input.set(pixels.subarray(done * inputs, (done + n) * inputs));
    const out = forward(net, ws, n);
    outputs.set(out.subarray(0, n * classes), done * classes);
    for (let r = 0; r < n; r++) {
      const p = argmaxRow(out, r, classes);
      predictions.push(p);
      confidences.push(out[r * classes + p]);
    }
  }
  return { predictions, confidences, outputs };
}

/** Bytes 0..255 (a data set's images) as floats in [0, 1]. */
export function bytesToUnit(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] / 255;
  return out;
}

/** Floats rounded to 4 decimals in a plain array: compact JSON for images and weights. */
export function toPlainArray(values: ArrayLike<number>): number[] {
  return Array.from(values, (v) => Math.round(v * 10000) / 10000);
}
