import { costByName, type CostName } from '../core/costs.js';
import type { Network } from '../core/network.js';
import type { ImageSource } from './image-source.js';

/**
 * Why the cost must be smooth: the average cost over a batch of images as one weight
 * moves, for the real network (its own activations, e.g. the sigmoid) and for the same
 * network with every neuron a switch — a = 1 when z > 0, else 0. The real network's cost is a
 * smooth curve with a slope everywhere; the switched one is a staircase: flat almost
 * everywhere (slope 0, nothing for gradient descent to follow), with a jump wherever the weight
 * flips some neuron of some image. Every number is float64 from the network's parameters.
 */

/** Which weight moves: w^l_jk, from neuron k of layer l − 1 to neuron j of layer l (l = 1 … L). */
export interface WeightChoice {
  readonly layer: number;
  readonly neuron: number;
  readonly from: number;
}

/** Which neurons the network has: its own (smooth) activations, or on/off steps. */
export type NeuronKind = 'smooth' | 'step';

/** The two kinds, for loops. */
export const NEURON_KINDS: readonly NeuronKind[] = ['smooth', 'step'];

/** The step a switch neuron computes: on (1) when its weighted input is positive. */
export function stepNeuron(z: number): number {
  return z > 0 ? 1 : 0;
}

/** What is fixed while the weight moves, per kind of neuron: the images' numbers up to its layer. */
interface Prepared {
  /** a^{l−1}_k of every image: how much z^l_j moves per unit of the weight. */
  readonly input: Float64Array;
  /** z^l of every image (count × sizes[l]) with the weight at its original value. */
  readonly z: Float64Array;
}

/**
 * The cost of a batch as a function of one weight. The images' passes up to the weight's layer
 * do not depend on it and are computed once; each value then costs only the layers after.
 */
export class WeightSweep {
  /** The weight's value in the network. */
  readonly original: number;
  /** Images in the batch (the first `count` of the source). */
  readonly count: number;
  private readonly sizes: readonly number[];
  private readonly weights: Float64Array[];
  private readonly biases: Float64Array[];
  private readonly labels: Uint8Array;
  private readonly prepared: Readonly<Record<NeuronKind, Prepared>>;

  /** The sweep of `weight` of `net` over the first `count` images of `images`, costed by `cost`. */
  constructor(
    private readonly net: Network,
    private readonly cost: CostName,
    images: ImageSource,
    readonly weight: WeightChoice,
    count = 100,
  ) {
    const { layer, neuron, from } = weight;
    const L = net.layerCount;
    if (!Number.isInteger(layer) || layer < 1 || layer > L) throw new RangeError(`layer must be from 1 to ${L}, got ${layer}`);
    if (!Number.isInteger(neuron) || neuron < 0 || neuron >= net.sizes[layer]) throw new RangeError(`neuron must be from 0 to ${net.sizes[layer] - 1}, got ${neuron}`);
    if (!Number.isInteger(from) || from < 0 || from >= net.sizes[layer - 1]) throw new RangeError(`from must be from 0 to ${net.sizes[layer - 1] - 1}, got ${from}`);
    this.count = Math.min(count, images.count);
    if (this.count < 1) throw new RangeError('the sweep needs at least one image');
    this.sizes = net.sizes;
    this.weights = net.weights.map((w) => Float64Array.from(w));
    this.biases = net.biases.map((b) => Float64Array.from(b));
    this.labels = images.labels.subarray(0, this.count);
    this.original = this.weights[layer - 1][neuron * net.sizes[layer - 1] + from];
    const kinds = {} as Record<NeuronKind, Prepared>;
    for (const kind of NEURON_KINDS) kinds[kind] = this.prepare(images, kind);
    this.prepared = kinds;
  }

  /** The average cost over the batch with the weight at `value`, for `kind` neurons. */
  at(value: number, kind: NeuronKind): number {
    const { layer, neuron } = this.weight;
    const { input, z } = this.prepared[kind];
    const n = this.sizes[layer];
    const L = this.net.layerCount;
    const c = costByName(this.cost);
    const outActivation = this.net.layerActivation(L - 1);
    const shift = value - this.original;
    const a = new Float64Array(n);
    let total = 0;
    for (let x = 0; x < this.count; x++) {
      for (let j = 0; j < n; j++) {
        const zj = z[x * n + j] + (j === neuron ? shift * input[x] : 0);
        a[j] = this.activate(zj, layer, kind);
      }
      let out: Float64Array = a;
      for (let l = layer + 1; l <= L; l++) out = this.layerForward(out, l, kind);
      total += c.value(out, 0, out.length, this.labels[x], outActivation);
    }
    return total / this.count;
  }

  /** The average cost at every one of `values`, for both kinds of neurons. */
  curve(values: readonly number[]): Readonly<Record<NeuronKind, number[]>> {
    return { smooth: values.map((v) => this.at(v, 'smooth')), step: values.map((v) => this.at(v, 'step')) };
  }

  /** The slope dC/dw at `value`, by a central difference (C(w + h) − C(w − h)) / 2h. */
  slope(value: number, kind: NeuronKind, h = 1e-4): number {
    return (this.at(value + h, kind) - this.at(value - h, kind)) / (2 * h);
  }

  /** Runs every image up to the weight's layer: a^{l−1}_k and z^l with the original weight. */
  private prepare(images: ImageSource, kind: NeuronKind): Prepared {
    const { layer, from } = this.weight;
    const n = this.sizes[layer];
    const size = images.rows * images.cols;
    const input = new Float64Array(this.count);
    const z = new Float64Array(this.count * n);
    for (let x = 0; x < this.count; x++) {
      let a: Float64Array = new Float64Array(size);
      for (let p = 0; p < size; p++) a[p] = images.images[x * size + p] / 255;
      for (let l = 1; l < layer; l++) a = this.layerForward(a, l, kind);
      input[x] = a[from];
      z.set(this.weightedInput(a, layer), x * n);
    }
    return { input, z };
  }

  /** z^l = W^l a + b^l. */
  private weightedInput(a: Float64Array, l: number): Float64Array {
    const nIn = this.sizes[l - 1];
    const W = this.weights[l - 1];
    const b = this.biases[l - 1];
    const z = new Float64Array(this.sizes[l]);
    for (let j = 0; j < z.length; j++) {
      let s = b[j];
      for (let k = 0; k < nIn; k++) if (a[k] !== 0) s += W[j * nIn + k] * a[k];
      z[j] = s;
    }
    return z;
  }

  /** a^l from a^{l−1}. */
  private layerForward(a: Float64Array, l: number, kind: NeuronKind): Float64Array {
    const z = this.weightedInput(a, l);
    for (let j = 0; j < z.length; j++) z[j] = this.activate(z[j], l, kind);
    return z;
  }

  private activate(z: number, l: number, kind: NeuronKind): number {
    if (kind === 'step') return stepNeuron(z);
    const f = this.net.layerActivation(l - 1);
    if (f === null) throw new Error('the cost sweep needs elementwise activations (the source document\'s sigmoid), not softmax');
    return f.f(z);
  }
}

/** Evenly spaced values from `from` to `to` (both included), `points` of them. */
export function evenly(from: number, to: number, points: number): number[] {
  return Array.from({ length: points }, (_, i) => from + ((to - from) * i) / (points - 1));
}
