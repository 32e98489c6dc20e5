import { forward } from '../core/forward.js';
import type { Network } from '../core/network.js';
import { Rng } from '../core/rng.js';
import { createTrace, traceForward } from '../core/trace.js';
import { Workspace } from '../core/workspace.js';
import type { Dataset } from '../data/dataset.js';
import { bytesToUnit, toPlainArray } from './answers.js';
import { gaussianBlur, projectInk } from './input-prior.js';
import { hiddenNeuronInputGradient } from './neuron-gradient.js';

/** Options of the neuron-inputs experiment. */
export interface NeuronInputsOptions {
  /** Gradient-ascent steps (default 300). */
  readonly steps: number;
  /** Pixel change per step, as a fraction of the pixel range (default 0.02). */
  readonly stepSize: number;
  /** Seed of the starting images (faint noise around mid-grey). */
  readonly seed: number;
  /** Test images for the "ordinary input" comparison (default 1,000). */
  readonly testCount: number;
  /** Hidden layers to explore, 1-based (default: the first two that exist). */
  readonly layers?: readonly number[];
  /** Ink budget: the found input holds at most this many times the ink of the average test image (default 1; 0 = no budget). */
  readonly ink: number;
  /** Gaussian blur between steps, standard deviation in pixels (default 0.5; 0 = none). */
  readonly blur: number;
}

/** Mean test-image value below which a pixel counts as never inked (the border no digit reaches). */
const INKED_MEAN = 0.01;

/** Defaults of `runNeuronInputs`. */
export const NEURON_INPUTS_DEFAULTS: NeuronInputsOptions = { steps: 300, stepSize: 0.02, seed: 1, testCount: 1000, ink: 1, blur: 0.5 };

/** What one hidden neuron looks for. */
export interface NeuronInput {
  readonly layer: number;
  readonly neuron: number;
  /** The input (784 values in [0, 1]) that excites the neuron most within the ink budget, found by gradient ascent. */
  readonly input: number[];
  /**
   * Its incoming weights as an image: for layer 1 the neuron's raw 784 weights; for deeper
   * layers the linear view W^h_j · W^{h−1} ⋯ W^1 (sigmoids ignored), the only way to draw
   * 16 weights as a 28×28 picture.
   */
  readonly weights: number[];
  /** z and σ(z) of the neuron for the found input. */
  readonly bestWeightedInput: number;
  readonly bestActivation: number;
  /** Its activation for the average test image, and averaged over the test images. */
  readonly meanImageActivation: number;
  readonly meanTestActivation: number;
  /** The same for z, which does not saturate at 1 like σ(z) (the fair comparison). */
  readonly meanImageWeightedInput: number;
  readonly meanTestWeightedInput: number;
}

/** The result of the neuron-inputs experiment (what a neuron looks for). */
export interface NeuronInputsResult {
  readonly experiment: 'neuron-inputs';
  readonly steps: number;
  readonly stepSize: number;
  readonly seed: number;
  readonly sizes: number[];
  readonly neurons: NeuronInput[];
  /** The most ink (Σ of the pixels in [0, 1]) a found input could hold: `ink` × the average test image's; null = no budget. */
  readonly inkBudget: number | null;
  /** The blur between steps, σ in pixels. */
  readonly blur: number;
}

/**
 * What a neuron looks for: for every neuron of the chosen hidden layers, the input image that excites it most —
 * projected gradient ascent on the pixels of its weighted input z, starting from seeded faint
 * noise, with the pixels kept in [0, 1], to at most `ink` times the average test digit's ink
 * and to the pixels digits use, and blurred between steps (input-prior.ts: without these the
 * answer is saturated static). Beside it the neuron's raw weights (trained first-layer weights are not clean edges: neither looks like the
 * clean edge or loop detector one might hope for).
 */
export function runNeuronInputs(net: Network, test: Dataset, options: Partial<NeuronInputsOptions> = {}): NeuronInputsResult {
  const o = { ...NEURON_INPUTS_DEFAULTS, ...options };
  const hiddenLayers = o.layers ?? [1, 2].filter((h) => h < net.layerCount);
  const size = net.sizes[0];
  const rng = new Rng(o.seed);
  const testCount = Math.min(o.testCount, test.count);
  const testPixels = bytesToUnit(test.images.subarray(0, testCount * size));
  const meanImage = new Float32Array(size);
  for (let i = 0; i < testCount; i++) for (let k = 0; k < size; k++) meanImage[k] += testPixels[i * size + k] / testCount;
  const inkBudget = o.ink > 0 ? o.ink * meanImage.reduce((sum, v) => sum + v, 0) : Infinity;
  // With a budget, ink only where at least ~1 % of the test digits have it (not the empty border).
  const allowed = o.ink > 0 ? meanImage.map((v) => (v >= INKED_MEAN ? 1 : 0)) : null;
  const neurons: NeuronInput[] = [];
  for (const layer of hiddenLayers) {
    if (layer < 1 || layer >= net.layerCount) throw new RangeError(`layer ${layer}: the network ${net.sizes.join('-')} has hidden layers 1..${net.layerCount - 1}`);
    const n = net.sizes[layer];
    const meanTest = meanActivations(net, testPixels, testCount, layer);
    const meanImageAct = meanActivations(net, meanImage, 1, layer);
    const { inputs, z, a } = ascend(net, layer, o.steps, o.stepSize, rng, { budget: inkBudget, blur: o.blur, rows: test.rows, cols: test.cols, allowed });
    const templates = effectiveWeights(net, layer);
    for (let j = 0; j < n; j++) {
      neurons.push({
        layer,
        neuron: j,
        input: toPlainArray(inputs.subarray(j * size, (j + 1) * size)),
        weights: toPlainArray(templates.subarray(j * size, (j + 1) * size)),
        bestWeightedInput: z[j],
        bestActivation: a[j],
        meanImageActivation: meanImageAct.a[j],
        meanTestActivation: meanTest.a[j],
        meanImageWeightedInput: meanImageAct.z[j],
        meanTestWeightedInput: meanTest.z[j],
      });
    }
  }
  return { experiment: 'neuron-inputs', steps: o.steps, stepSize: o.stepSize, seed: o.seed, sizes: [...net.sizes], neurons, inkBudget: Number.isFinite(inkBudget) ? inkBudget : null, blur: o.blur };
}

/** The constraints of the ascent (see input-prior.ts). */
interface InputPrior {
  /** Most total ink (Σ pixels) of a found input; Infinity = only [0, 1]. */
  readonly budget: number;
  /** Blur σ in pixels between steps (0 = none). */
  readonly blur: number;
  /** 1 where digits have ink, 0 where (almost) none has: the pixels a found input may use, or null = all. */
  readonly allowed: Float32Array | null;
  readonly rows: number;
  readonly cols: number;
}

/**
 * Gradient ascent for each neuron of one layer: image j optimises neuron j. Each step moves
 * the pixels along ∂z/∂x (normalised: stepSize × g / rms(g), whatever the gradient's scale),
 * blurs them and projects them back onto [0, 1] within the ink budget.
 */
function ascend(net: Network, layer: number, steps: number, stepSize: number, rng: Rng, prior: InputPrior): { inputs: Float32Array; z: number[]; a: number[] } {
  const n = net.sizes[layer];
  const size = net.sizes[0];
  const x = new Float32Array(n * size);
  for (let i = 0; i < x.length; i++) x[i] = 0.45 + 0.1 * rng.uniform();
  const trace = createTrace(net.sizes);
  const z: number[] = [];
  const a: number[] = [];
  for (let j = 0; j < n; j++) {
    const image = x.subarray(j * size, (j + 1) * size);
    projectInk(image, prior.budget);
    for (let s = 0; s < steps; s++) {
      const grad = hiddenNeuronInputGradient(net, layer, j, image, trace).activationGradients[0];
      let sq = 0;
      for (let k = 0; k < size; k++) sq += grad[k] ** 2;
      const rms = Math.sqrt(sq / size);
      if (rms === 0) break;
      for (let k = 0; k < size; k++) image[k] += (stepSize * grad[k]) / rms;
      gaussianBlur(image, prior.rows, prior.cols, prior.blur);
      if (prior.allowed) for (let k = 0; k < size; k++) image[k] *= prior.allowed[k];
      projectInk(image, prior.budget);
    }
    traceForward(net, image, trace);
    z.push(trace.weightedInputs[layer - 1][j]);
    a.push(trace.activations[layer][j]);
  }
  return { inputs: x, z, a };
}

/** Mean weighted input z and activation a of each neuron of `layer` over `count` images. */
function meanActivations(net: Network, pixels: Float32Array, count: number, layer: number): { z: number[]; a: number[] } {
  const n = net.sizes[layer];
  const size = net.sizes[0];
  const ws = Workspace.for(net, Math.min(500, count));
  const sums = new Array<number>(n).fill(0);
  const zSums = new Array<number>(n).fill(0);
  for (let done = 0; done < count; done += ws.capacity) {
    const m = Math.min(ws.capacity, count - done);
    ws.input.set(pixels.subarray(done * size, (done + m) * size));
    forward(net, ws, m);
    const a = ws.activations[layer];
    const z = ws.weightedInputs[layer - 1];
    for (let r = 0; r < m; r++) {
      for (let j = 0; j < n; j++) {
        sums[j] += a[r * n + j];
        zSums[j] += z[r * n + j];
      }
    }
  }
  return { z: zSums.map((s) => s / count), a: sums.map((s) => s / count) };
}

/** Each neuron's weights traced back to the pixels through the weight matrices (linear view). */
function effectiveWeights(net: Network, layer: number): Float32Array {
  let m = Float32Array.from(net.weights[0]); // sizes[1] × sizes[0]
  for (let l = 2; l <= layer; l++) {
    const W = net.weights[l - 1]; // sizes[l] × sizes[l-1]
    const nIn = net.sizes[l - 1];
    const size = net.sizes[0];
    const next = new Float32Array(net.sizes[l] * size);
    for (let j = 0; j < net.sizes[l]; j++) {
      for (let k = 0; k < nIn; k++) {
        const w = W[j * nIn + k];
        for (let p = 0; p < size; p++) next[j * size + p] += w * m[k * size + p];
      }
    }
    m = next;
  }
  return m;
}

