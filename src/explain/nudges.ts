import { activationByName } from '../core/activations.js';
import type { CostName } from '../core/costs.js';
import type { Network } from '../core/network.js';

/**
 * What one training image wants from the network (S20, S24–S26), computed the way the source
 * document tells it rather than by calling the engine's `backward` (the tests check that
 * both agree):
 *
 * 1. Each output neuron j has a wished change of its activation, −∂C/∂a_j; for the quadratic
 *    cost that is 2(y_j − a_j): up for the right digit, down for the others, in proportion
 *    to the error (S24).
 * 2. A neuron can be raised three ways (S25): its bias (∂a_j/∂b_j = σ′(z_j)), its weights in
 *    proportion to the previous activations (∂a_j/∂w_jk = σ′(z_j)·a_k — "fire together, wire
 *    together"), or the previous activations in proportion to its weights
 *    (∂a_j/∂a_k = σ′(z_j)·w_jk).
 * 3. The previous layer cannot be changed directly, but the wishes of all neurons j for it
 *    add up (S26): wished Δa_k = Σ_j w_jk · σ′(z_j) · (wished Δa_j). Repeating this backwards
 *    gives every layer's wishes; the nudge of a weight is σ′(z_j)·(wished Δa_j)·a_k and the
 *    nudges of all 13,002 parameters are −∇C_x for this image.
 * 4. Averaging the per-image nudges over a mini-batch gives −∇C for the batch.
 *
 * All sums are float64; the network's float32 parameters are read as they are.
 */

/** The three ways to raise one output neuron, with their sizes (S25). */
export interface WaysToRaise {
  /** The output neuron. */
  readonly neuron: number;
  /** Its activation now and its wished change −∂C/∂a_j. */
  readonly activation: number;
  readonly wish: number;
  /** σ′(z_j): how much a_j rises per unit added to the bias. */
  readonly biasSensitivity: number;
  /** ∂a_j/∂w_jk = σ′(z_j)·a_k for each neuron k of the layer before. */
  readonly weightSensitivities: readonly number[];
  /** ∂a_j/∂a_k = σ′(z_j)·w_jk for each neuron k of the layer before. */
  readonly activationSensitivities: readonly number[];
  /**
   * How much a_j rises per unit-length change spent on each way: the length of each
   * sensitivity vector (|σ′|, σ′·‖a‖, σ′·‖w_j‖). The largest is the most effective lever.
   */
  readonly sizes: { readonly bias: number; readonly weights: number; readonly activations: number };
}

/** One layer's wishes for one image, from the output backwards. */
export interface LayerWishes {
  /** Layer index in `network.sizes` (1 = first hidden layer, L = output). */
  readonly layer: number;
  readonly activations: readonly number[];
  /** Wished change of each activation, −∂C/∂a (summed over the wishes of the layer above). */
  readonly wishes: readonly number[];
  /** −∂C/∂b = σ′(z)·wish: the bias nudges, also the wish in terms of z. */
  readonly biasNudges: readonly number[];
}

/** The nudges one image asks for. */
export interface ImageNudges {
  readonly label: number;
  /** The network's answer (argmax of the output). */
  readonly prediction: number;
  /** C_x for this image. */
  readonly cost: number;
  /** Output layer first, then backwards to the first hidden layer. */
  readonly layers: readonly LayerWishes[];
  /**
   * How each output neuron's wish contributes to the wished change of each neuron of the
   * layer before: `contributions[j][k] = w_jk · σ′(z_j) · wish_j`. Column sums = the wishes of
   * the layer before (S26).
   */
  readonly contributions: readonly (readonly number[])[];
  /** −∂C_x/∂W for every weight layer (weights[l] shaped like `network.weights[l]`). */
  readonly weightNudges: readonly Float64Array[];
  /** −∂C_x/∂b for every layer. */
  readonly biasNudges: readonly Float64Array[];
}

/** Computes one image's wishes and nudges. `pixels` are in [0, 1]. */
export function imageNudges(net: Network, cost: CostName, pixels: ArrayLike<number>, label: number): ImageNudges {
  const L = net.layerCount;
  const outAct = net.layerActivation(L - 1);
  if (outAct === null) throw new Error('nudges explains elementwise output layers (the source document\'s sigmoid); this model uses softmax');
  // Forward pass in float64, keeping every z and a.
  const acts: Float64Array[] = [Float64Array.from(pixels)];
  const slopes: Float64Array[] = [];
  for (let l = 0; l < L; l++) {
    const nIn = net.sizes[l];
    const nOut = net.sizes[l + 1];
    const f = l === L - 1 ? outAct : activationByName(net.activation);
    const a = new Float64Array(nOut);
    const s = new Float64Array(nOut);
    for (let j = 0; j < nOut; j++) {
      let z = net.biases[l][j];
      for (let k = 0; k < nIn; k++) z += net.weights[l][j * nIn + k] * acts[l][k];
      a[j] = f.f(z);
      s[j] = f.derivative(z, a[j]);
    }
    acts.push(a);
    slopes.push(s);
  }
  const out = acts[L];
  let c = 0;
  let prediction = 0;
  let wish = new Float64Array(out.length);
  for (let j = 0; j < out.length; j++) {
    const y = j === label ? 1 : 0;
    if (out[j] > out[prediction]) prediction = j;
    if (cost === 'quadratic') {
      c += (out[j] - y) ** 2;
      wish[j] = 2 * (y - out[j]);
    } else {
      // Binary cross-entropy on sigmoid outputs: −∂C/∂a = (y − a) / (a(1 − a)).
      const p = Math.min(Math.max(out[j], 1e-12), 1 - 1e-12);
      c -= y ? Math.log(p) : Math.log(1 - p);
      wish[j] = (y - p) / (p * (1 - p));
    }
  }

  const layers: LayerWishes[] = [];
  const weightNudges: Float64Array[] = new Array(L);
  const biasNudges: Float64Array[] = new Array(L);
  let contributions: number[][] = [];
  for (let l = L - 1; l >= 0; l--) {
    const nIn = net.sizes[l];
    const nOut = net.sizes[l + 1];
    const zWish = wish.map((w, j) => w * slopes[l][j]);
    layers.push({ layer: l + 1, activations: [...acts[l + 1]], wishes: [...wish], biasNudges: [...zWish] });
    biasNudges[l] = zWish;
    const wn = new Float64Array(nOut * nIn);
    for (let j = 0; j < nOut; j++) for (let k = 0; k < nIn; k++) wn[j * nIn + k] = zWish[j] * acts[l][k];
    weightNudges[l] = wn;
    if (l === 0) break;
    // The layer before: every neuron j adds its wish for a_k; the sum is a_k's wish (S26).
    const rows: number[][] = [];
    const prevWish = new Float64Array(nIn);
    for (let j = 0; j < nOut; j++) {
      const row = new Array<number>(nIn);
      for (let k = 0; k < nIn; k++) {
        row[k] = net.weights[l][j * nIn + k] * zWish[j];
        prevWish[k] += row[k];
      }
      rows.push(row);
    }
    if (l === L - 1) contributions = rows;
    wish = prevWish;
  }
  return { label, prediction, cost: c, layers, contributions, weightNudges, biasNudges };
}

/** The three ways to raise output neuron `neuron` for an image already run through `imageNudges`. */
export function waysToRaise(net: Network, nudges: ImageNudges, neuron: number): WaysToRaise {
  const L = net.layerCount;
  const nIn = net.sizes[L - 1];
  const out = nudges.layers[0];
  const prev = nudges.layers.length > 1 ? nudges.layers[1].activations : null;
  // σ′(z_j) = (bias nudge) / (wish) unless the wish is 0; recompute it directly to be safe.
  let z = net.biases[L - 1][neuron];
  const prevActs = prev ?? [];
  for (let k = 0; k < nIn; k++) z += net.weights[L - 1][neuron * nIn + k] * (prevActs[k] ?? 0);
  const f = net.layerActivation(L - 1);
  const a = out.activations[neuron];
  const slope = f ? f.derivative(z, a) : 0;
  const weightSensitivities = prevActs.map((ak) => slope * ak);
  const activationSensitivities = Array.from({ length: nIn }, (_, k) => slope * net.weights[L - 1][neuron * nIn + k]);
  return {
    neuron,
    activation: a,
    wish: out.wishes[neuron],
    biasSensitivity: slope,
    weightSensitivities,
    activationSensitivities,
    sizes: { bias: Math.abs(slope), weights: length(weightSensitivities), activations: length(activationSensitivities) },
  };
}

/** The largest nudges among all parameters. */
export interface TopNudge {
  /** Weight layer (1-based, as in the network's layers: 1 = into the first hidden layer). */
  readonly layer: number;
  /** "weight" (w_jk from neuron k to neuron j) or "bias" (b_j). */
  readonly kind: 'weight' | 'bias';
  readonly neuron: number;
  /** The input neuron k (weights only; a pixel index 0..783 in layer 1). */
  readonly from?: number;
  /** −∂C/∂θ. */
  readonly nudge: number;
}

/** The `count` parameters with the largest |nudge|, largest first. */
export function topNudges(net: Network, weightNudges: readonly Float64Array[], biasNudges: readonly Float64Array[], count = 10): TopNudge[] {
  const top: TopNudge[] = [];
  const consider = (n: TopNudge): void => {
    if (top.length === count && Math.abs(n.nudge) <= Math.abs(top[count - 1].nudge)) return;
    top.push(n);
    top.sort((p, q) => Math.abs(q.nudge) - Math.abs(p.nudge));
    if (top.length > count) top.pop();
  };
  for (let l = 0; l < weightNudges.length; l++) {
    const nIn = net.sizes[l];
    weightNudges[l].forEach((v, i) => consider({ layer: l + 1, kind: 'weight', neuron: Math.floor(i / nIn), from: i % nIn, nudge: v }));
    biasNudges[l].forEach((v, j) => consider({ layer: l + 1, kind: 'bias', neuron: j, nudge: v }));
  }
  return top;
}

/** How the nudges of a layer are spread: largest |nudge|, mean |nudge| and share of ‖∇C‖². */
export interface LayerNudgeSummary {
  readonly layer: number;
  readonly parameters: number;
  readonly maxAbs: number;
  readonly meanAbs: number;
  /** Fraction of the squared length of the whole −∇C that falls on this layer's parameters. */
  readonly share: number;
}

/** Per-layer summary of nudges (weights and biases together). */
export function summarizeLayers(weightNudges: readonly Float64Array[], biasNudges: readonly Float64Array[]): LayerNudgeSummary[] {
  const sq = weightNudges.map((w, l) => sumSquares(w) + sumSquares(biasNudges[l]));
  const total = sq.reduce((p, q) => p + q, 0) || 1;
  return weightNudges.map((w, l) => {
    const all = [...w, ...biasNudges[l]];
    return {
      layer: l + 1,
      parameters: all.length,
      maxAbs: Math.max(...all.map(Math.abs)),
      meanAbs: all.reduce((p, v) => p + Math.abs(v), 0) / all.length,
      share: sq[l] / total,
    };
  });
}

/** One image's place in a mini-batch average. */
export interface BatchMember {
  readonly index: number;
  readonly label: number;
  readonly prediction: number;
  readonly cost: number;
  /** Its wished changes of the ten outputs. */
  readonly outputWishes: readonly number[];
  /** ‖−∇C_x‖ for this image. */
  readonly length: number;
  /** Cosine between this image's −∇C_x and the batch average: 1 = same direction. */
  readonly agreement: number;
}

/** A mini-batch: the per-image nudges and their average, −∇C of the batch (S26). */
export interface BatchNudges {
  readonly members: readonly BatchMember[];
  /** Average of the members' output wishes. */
  readonly outputWishes: readonly number[];
  readonly weightNudges: readonly Float64Array[];
  readonly biasNudges: readonly Float64Array[];
  /** ‖average‖ / average ‖member‖: 1 when all images push the same way, small when they cancel. */
  readonly coherence: number;
  readonly cost: number;
}

/** Averages the nudges of several images (`indices` name them in the report). */
export function batchNudges(net: Network, cost: CostName, images: readonly ArrayLike<number>[], labels: readonly number[], indices: readonly number[]): BatchNudges {
  const per = images.map((px, i) => imageNudges(net, cost, px, labels[i]));
  const m = per.length;
  const weightNudges = net.weights.map((w) => new Float64Array(w.length));
  const biasNudges = net.biases.map((b) => new Float64Array(b.length));
  for (const p of per) {
    p.weightNudges.forEach((w, l) => w.forEach((v, i) => (weightNudges[l][i] += v / m)));
    p.biasNudges.forEach((b, l) => b.forEach((v, i) => (biasNudges[l][i] += v / m)));
  }
  const avgLength = Math.sqrt(weightNudges.reduce((s, w, l) => s + sumSquares(w) + sumSquares(biasNudges[l]), 0));
  const members = per.map((p, i) => {
    let dot = 0;
    let sq = 0;
    p.weightNudges.forEach((w, l) => w.forEach((v, q) => ((dot += v * weightNudges[l][q]), (sq += v * v))));
    p.biasNudges.forEach((b, l) => b.forEach((v, q) => ((dot += v * biasNudges[l][q]), (sq += v * v))));
    const len = Math.sqrt(sq);
    return {
      index: indices[i],
      label: p.label,
      prediction: p.prediction,
      cost: p.cost,
      outputWishes: p.layers[0].wishes,
      length: len,
      agreement: len > 0 && avgLength > 0 ? dot / (len * avgLength) : 0,
    };
  });
  const meanLength = members.reduce((s, x) => s + x.length, 0) / m;
  const outputWishes = per[0].layers[0].wishes.map((_, j) => per.reduce((s, p) => s + p.layers[0].wishes[j], 0) / m);
  return {
    members,
    outputWishes,
    weightNudges,
    biasNudges,
    coherence: meanLength > 0 ? avgLength / meanLength : 0,
    cost: per.reduce((s, p) => s + p.cost, 0) / m,
  };
}

function sumSquares(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return s;
}

function length(v: readonly number[]): number {
  return Math.sqrt(sumSquares(v));
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
}

/** Options of `explainNudges`. */
export interface NudgesOptions {
  /** The training image (default 0). */
  readonly index?: number;
  /** The output neuron to explain (default: the image's label). */
  readonly neuron?: number;
  /** Images averaged in the mini-batch, starting at `index` (default 10). */
  readonly batchSize?: number;
}

/** Source of images: anything with MNIST-style bytes and labels (a `Dataset`). */
export interface ImageSource {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
}

/** Pixels of image `i` of `data` as floats in [0, 1]. */
export function imagePixels(data: ImageSource, i: number): Float64Array {
  const size = data.rows * data.cols;
  const px = new Float64Array(size);
  for (let p = 0; p < size; p++) px[p] = data.images[i * size + p] / 255;
  return px;
}

/** Runs the nudges explorable on `data` (the training set) for the chosen image. */
export function explainNudges(net: Network, cost: CostName, data: ImageSource, options: NudgesOptions = {}): NudgesResult {
  const index = options.index ?? 0;
  if (!Number.isInteger(index) || index < 0 || index >= data.count) throw new RangeError(`image index must be from 0 to ${data.count - 1}, got ${index}`);
  const label = data.labels[index];
  const image = imageNudges(net, cost, imagePixels(data, index), label);
  const neuron = options.neuron ?? label;
  const classes = net.sizes[net.layerCount];
  if (!Number.isInteger(neuron) || neuron < 0 || neuron >= classes) throw new RangeError(`output neuron must be from 0 to ${classes - 1}, got ${neuron}`);
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 10, data.count - index));
  const indices = Array.from({ length: batchSize }, (_, i) => index + i);
  const batch = batchNudges(
    net,
    cost,
    indices.map((i) => imagePixels(data, i)),
    indices.map((i) => data.labels[i]),
    indices,
  );
  return {
    index,
    image,
    ways: waysToRaise(net, image, neuron),
    top: topNudges(net, image.weightNudges, image.biasNudges),
    layerSummary: summarizeLayers(image.weightNudges, image.biasNudges),
    batch,
    batchTop: topNudges(net, batch.weightNudges, batch.biasNudges),
  };
}
