import { forward } from '../../core/forward.js';
import type { Network } from '../../core/network.js';
import { Workspace } from '../../core/workspace.js';

/** Every number of one forward pass, per layer (layer 0 = the 784 input pixels). */
export interface Inference {
  readonly sizes: readonly number[];
  /** activations[l]: a^l, l = 0 … L (a^0 = the input in [0, 1]). */
  readonly activations: readonly Float32Array[];
  /** weightedInputs[l]: z^l for l = 1 … L (index 0 is empty, so indices match layers). */
  readonly weightedInputs: readonly Float32Array[];
  /** Index of the brightest output neuron. */
  readonly answer: number;
}

/**
 * Runs one image (784 bytes, 255 = ink) through the network with the core forward pass and
 * keeps every layer's z and a, so the views can show them (activations flowing layer to layer, each z squashed by the activation).
 */
export function infer(net: Network, pixels: Uint8Array): Inference {
  const ws = new Workspace(net.sizes, 1);
  for (let i = 0; i < pixels.length; i++) ws.input[i] = pixels[i] / 255;
  forward(net, ws, 1);
  const activations = ws.activations.map((a) => a.slice());
  const weightedInputs = [new Float32Array(0), ...ws.weightedInputs.map((z) => z.slice())];
  const out = activations[activations.length - 1];
  let answer = 0;
  for (let j = 1; j < out.length; j++) if (out[j] > out[answer]) answer = j;
  return { sizes: net.sizes, activations, weightedInputs, answer };
}

/** What the network answers for one image: its ten output activations and the brightest. */
export interface NetworkAnswer {
  readonly outputs: Float32Array;
  readonly answer: number;
}

/**
 * The one forward pass behind every answer a page shows — the Lab, the course, Your
 * handwriting, the embedded figures: `infer`'s outputs (the core float32 pass on the
 * pad's bytes / 255). The course's figures that show each neuron's z, a and δ take the
 * transparent float64 pass (core/trace.ts) on the same input; its numbers agree with these
 * to float32's precision (test/lab/inference.test.ts), and the answer they are shown with is
 * this one.
 */
export function networkAnswer(net: Network, pixels: Uint8Array): NetworkAnswer {
  const { activations, answer } = infer(net, pixels);
  return { outputs: activations[activations.length - 1], answer };
}

/** One drawn connection: w_jk · a_k from neuron `from` of layer `layer` to neuron `to` of layer+1. */
export interface Connection {
  readonly layer: number;
  readonly from: number;
  readonly to: number;
  /** w_jk · a_k: what this input adds to neuron j's weighted input. */
  readonly value: number;
}

/**
 * The connections worth drawing: for each neuron, the `perNeuron` inputs whose w·a is
 * largest in magnitude (all of them when `perNeuron` is Infinity), plus the largest |w·a|
 * of each layer so a view can scale opacity. Zero contributions are skipped.
 */
export function strongestConnections(
  net: Network,
  inference: Inference,
  perNeuron: number,
): { connections: Connection[]; maxByLayer: number[] } {
  const connections: Connection[] = [];
  const maxByLayer: number[] = [];
  for (let l = 0; l < net.layerCount; l++) {
    const nIn = net.sizes[l];
    const nOut = net.sizes[l + 1];
    const W = net.weights[l];
    const a = inference.activations[l];
    let max = 0;
    const contributions = new Float32Array(nIn);
    const order: number[] = [];
    for (let j = 0; j < nOut; j++) {
      order.length = 0;
      for (let k = 0; k < nIn; k++) {
        const v = W[j * nIn + k] * a[k];
        contributions[k] = v;
        if (v !== 0) order.push(k);
      }
      if (order.length > perNeuron) {
        order.sort((p, q) => Math.abs(contributions[q]) - Math.abs(contributions[p]));
        order.length = perNeuron;
      }
      for (const k of order) {
        const value = contributions[k];
        if (Math.abs(value) > max) max = Math.abs(value);
        connections.push({ layer: l, from: k, to: j, value });
      }
    }
    maxByLayer.push(max);
  }
  return { connections, maxByLayer };
}

/**
 * How bright a neuron's bulb is, in [0, 1]: its activation, clamped (sigmoid already is in
 * [0, 1]); for unbounded activations (ReLU) relative to the layer's largest value.
 */
export function bulbBrightness(a: Float32Array): Float32Array {
  let max = 1;
  for (let i = 0; i < a.length; i++) if (a[i] > max) max = a[i];
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = Math.min(1, Math.abs(a[i]) / max);
  return out;
}

/** The largest |value|, at least a tiny positive number (so it can divide). */
export function maxAbs(values: Float32Array): number {
  let max = 1e-12;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i]);
    if (v > max) max = v;
  }
  return max;
}
