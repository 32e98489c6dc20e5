import { costByName, type CostName } from '../core/costs.js';
import type { Network } from '../core/network.js';
import { createTrace, traceForwardFrom, type TraceNetwork } from '../core/trace.js';
import type { ImageSource } from './image-source.js';

/**
 * The average cost C = (1/n) Σ_x C_x of a network over a set of images, in float64, for the
 * SGD-path explorable, which evaluates it thousands of times (along two trajectories and on
 * a grid of a plane). Two tricks keep that fast without changing the numbers:
 *  - images are stored sparsely: ~80 % of MNIST pixels are 0 and contribute nothing to z;
 *  - on a plane θ(α, β) = θ* + α·d₁ + β·d₂ the first layer is linear in α and β,
 *    z¹(α, β) = (W* + αD₁ + βD₂)x + (b* + αe₁ + βe₂) = p₀ + α·p₁ + β·p₂,
 *    so p₀, p₁, p₂ are computed once per image and each grid point costs only 3·16 numbers
 *    for the 12,560-parameter first layer.
 */

/** Images with only their non-zero pixels kept (row-compressed). */
export interface SparseImages {
  readonly count: number;
  readonly inputs: number;
  /** offsets[i] .. offsets[i+1] index image i's entries in `pixels`/`values`. */
  readonly offsets: Uint32Array;
  readonly pixels: Uint16Array;
  /** Pixel values in (0, 1]. */
  readonly values: Float64Array;
  readonly labels: Uint8Array;
}

/** The first `count` images of `data` (all by default) in sparse form. */
export function sparseImages(data: ImageSource, count = data.count): SparseImages {
  const size = data.rows * data.cols;
  const n = Math.min(count, data.count);
  let nnz = 0;
  for (let i = 0; i < n * size; i++) if (data.images[i] !== 0) nnz++;
  const offsets = new Uint32Array(n + 1);
  const pixels = new Uint16Array(nnz);
  const values = new Float64Array(nnz);
  let e = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = e;
    for (let p = 0; p < size; p++) {
      const v = data.images[i * size + p];
      if (v !== 0) {
        pixels[e] = p;
        values[e++] = v / 255;
      }
    }
  }
  offsets[n] = e;
  return { count: n, inputs: size, offsets, pixels, values, labels: data.labels.slice(0, n) };
}

/** Weights and biases per layer, in float64 or float32 (a `Network` or a split vector). */
export interface LayerParameters {
  readonly weights: readonly ArrayLike<number>[];
  readonly biases: readonly ArrayLike<number>[];
}

/**
 * Evaluates the layers after the first for every image given its first-layer weighted
 * inputs `z1` (count × sizes[1]) with the transparent pass, and returns the average cost.
 */
function costFromFirstLayer(shape: Network, p: LayerParameters, cost: CostName, z1: Float64Array, labels: Uint8Array, count: number): number {
  // Copies in one array type keep the hot loop monomorphic.
  const net: TraceNetwork = {
    sizes: shape.sizes,
    activation: shape.activation,
    outputActivation: shape.outputActivation,
    weights: p.weights.map((w) => Float64Array.from(w)),
    biases: p.biases.map((b) => Float64Array.from(b)),
  };
  const c = costByName(cost);
  const L = shape.layerCount;
  const outAct = shape.layerActivation(L - 1);
  const trace = createTrace(shape.sizes);
  const z = trace.weightedInputs[0];
  const out = trace.activations[L];
  const n1 = z.length;
  let total = 0;
  for (let x = 0; x < count; x++) {
    z.set(z1.subarray(x * n1, (x + 1) * n1));
    traceForwardFrom(net, trace, 1);
    total += c.value(out, 0, out.length, labels[x], outAct);
  }
  return total / count;
}

/** z¹ = W¹x + b¹ for every image (count × sizes[1]), using only the non-zero pixels. */
function firstLayer(shape: Network, W: ArrayLike<number>, b: ArrayLike<number> | null, data: SparseImages): Float64Array {
  const n1 = shape.sizes[1];
  const nIn = shape.sizes[0];
  // Wᵀ (one row of n1 weights per pixel), so each non-zero pixel adds one contiguous row.
  const WT = new Float64Array(nIn * n1);
  for (let j = 0; j < n1; j++) for (let k = 0; k < nIn; k++) WT[k * n1 + j] = W[j * nIn + k];
  const z = new Float64Array(data.count * n1);
  const { offsets, pixels, values } = data;
  for (let x = 0; x < data.count; x++) {
    const o = x * n1;
    if (b) for (let j = 0; j < n1; j++) z[o + j] = b[j];
    for (let e = offsets[x]; e < offsets[x + 1]; e++) {
      const row = pixels[e] * n1;
      const v = values[e];
      for (let j = 0; j < n1; j++) z[o + j] += WT[row + j] * v;
    }
  }
  return z;
}

/** The average cost of `p` (shaped like `shape`) over `data`. */
export function datasetCost(shape: Network, p: LayerParameters, cost: CostName, data: SparseImages): number {
  const z1 = firstLayer(shape, p.weights[0], p.biases[0], data);
  return costFromFirstLayer(shape, p, cost, z1, data.labels, data.count);
}

/** The cost on the plane θ(α, β) = centre + α·d₁ + β·d₂, with the first layer precomputed. */
export class PlaneCost {
  private readonly p0: Float64Array;
  private readonly p1: Float64Array;
  private readonly p2: Float64Array;
  private readonly z1: Float64Array;

  /** Prepares the plane through `centre` spanned by `d1` and `d2` over `data`. */
  constructor(
    private readonly shape: Network,
    private readonly centre: LayerParameters,
    private readonly d1: LayerParameters,
    private readonly d2: LayerParameters,
    private readonly cost: CostName,
    private readonly data: SparseImages,
  ) {
    this.p0 = firstLayer(shape, centre.weights[0], centre.biases[0], data);
    this.p1 = firstLayer(shape, d1.weights[0], d1.biases[0], data);
    this.p2 = firstLayer(shape, d2.weights[0], d2.biases[0], data);
    this.z1 = new Float64Array(this.p0.length);
  }

  /** C(θ* + α·d₁ + β·d₂). */
  at(alpha: number, beta: number): number {
    for (let i = 0; i < this.z1.length; i++) this.z1[i] = this.p0[i] + alpha * this.p1[i] + beta * this.p2[i];
    const mix = (c: readonly ArrayLike<number>[], u: readonly ArrayLike<number>[], v: readonly ArrayLike<number>[]): Float64Array[] =>
      c.map((x, l) => {
        const out = new Float64Array(x.length);
        // The first layer is already folded into z¹; only the later layers are mixed.
        if (l > 0) for (let i = 0; i < x.length; i++) out[i] = x[i] + alpha * u[l][i] + beta * v[l][i];
        return out;
      });
    const p: LayerParameters = {
      weights: mix(this.centre.weights, this.d1.weights, this.d2.weights),
      biases: mix(this.centre.biases, this.d1.biases, this.d2.biases),
    };
    return costFromFirstLayer(this.shape, p, this.cost, this.z1, this.data.labels, this.data.count);
  }
}
