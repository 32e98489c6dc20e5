import { join } from 'node:path';
import type { Network } from '../../src/core/network.js';
import { forward } from '../../src/core/forward.js';
import { traceForward } from '../../src/core/trace.js';
import { Workspace } from '../../src/core/workspace.js';
import type { Dataset } from '../../src/data/dataset.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { loadModel } from '../../src/model/model-io.js';
import { ROOT } from './harness.js';

/**
 * What the course's browser test recomputes in Node, independently of the page: the
 * pretrained model and the real test set, read from disk by the engine, and the few sums the
 * figures show (from the raw bytes, not from the page's code).
 */
export interface Engine {
  readonly net: Network;
  readonly test: Dataset;
}

/** The pretrained model and the MNIST test set. */
export async function loadEngine(): Promise<Engine> {
  const [model, pair] = await Promise.all([loadModel(join(ROOT, 'models/pretrained.json')), loadMnist()]);
  return { net: model.network, test: pair.test };
}

/** Every z and a of `pixels` (784 bytes) through `net`, by the engine's transparent pass. */
export function trace(net: Network, pixels: readonly number[] | Uint8Array) {
  return traceForward(net, Float64Array.from(pixels, (v) => v / 255));
}

/**
 * What the network answers for `pixels` (784 bytes) by the engine's own forward pass
 * (core/forward.ts, float32 storage), the pass the Lab answers with: the ten outputs and the
 * brightest (the first of equals).
 */
export function answerOf(net: Network, pixels: readonly number[] | Uint8Array): { outputs: number[]; answer: number } {
  const ws = new Workspace(net.sizes, 1);
  for (let i = 0; i < 784; i++) ws.input[i] = pixels[i] / 255;
  const outputs = Array.from(forward(net, ws, 1));
  return { outputs, answer: outputs.indexOf(Math.max(...outputs)) };
}

/** Test image `i` as bytes. */
export function testImage(e: Engine, i: number): Uint8Array {
  return e.test.images.subarray(i * 784, (i + 1) * 784);
}

/** The mean Σ_k w_k a_k over the test images labelled `digit`. */
export function meanWeightedSum(e: Engine, weights: Float32Array, digit: number): number {
  let total = 0;
  let count = 0;
  for (let i = 0; i < e.test.count; i++) {
    if (e.test.labels[i] !== digit) continue;
    count++;
    const image = testImage(e, i);
    for (let k = 0; k < 784; k++) total += (weights[k] * image[k]) / 255;
  }
  return total / count;
}

/** The share of test images for which first-layer neuron j, with bias b, has σ(z) > 0.5 (z > 0). */
export function shareOn(e: Engine, j: number, b: number): number {
  let on = 0;
  for (let i = 0; i < e.test.count; i++) {
    const z = trace(e.net, testImage(e, i)).weightedInputs[0][j] - e.net.biases[0][j] + b;
    if (z > 0) on++;
  }
  return on / e.test.count;
}
