import { Network } from '../core/network.js';
import { Rng } from '../core/rng.js';
import type { Dataset } from '../data/dataset.js';
import type { TrainingSettings } from '../model/training-settings.js';
import { type BackendFactory, Trainer } from '../train/trainer.js';
import { datasetCost, PlaneCost, sparseImages } from './dataset-cost.js';
import { flattenParameters, splitParameters } from './parameter-vector.js';
import { principalPlane } from './pca.js';

/**
 * Full-batch gradient descent versus stochastic gradient descent with mini-batches, drawn on a slice of the loss landscape. From one
 * initialisation, train twice on the same training images: once with the true gradient of
 * the whole set per step (batch = all n images), once with mini-batches of 100. Both
 * trajectories live in the 13,002-dimensional parameter space; to see them, both are
 * projected on one plane:
 *
 *   θ(α, β) = θ* + α·d₁ + β·d₂,
 *
 * where θ* is the final mini-batch weights and d₁, d₂ are the top two principal directions
 * (PCA) of all points of both trajectories measured from θ* (orthonormal, so α and β are
 * distances in parameter space). Random directions would miss the paths almost entirely in
 * 13,002 dimensions (Li et al. 2018). The cost is computed on a grid of that plane over the
 * same training images; the paths are projections, so a path point's own cost (shown in the
 * cost-versus-examples curves) can differ from the grid's cost under it.
 */

/** Defaults of `sgdPath` and `digitlab explain sgd-path`, chosen so that the command runs in well under 2 minutes (How it learns and the course run smaller sizes in a page). */
export const SGD_PATH_DEFAULTS = {
  /** Training images both runs use: the first 5,000 of MNIST (the full-batch gradient and the cost grid cost n forward passes each). */
  subset: 5000,
  /** Full-batch steps: 200 × 5,000 = 1,000,000 examples processed. */
  fullSteps: 200,
  /** SGD epochs: 10 × 5,000 = 50,000 examples in 500 mini-batches of 100. */
  epochs: 10,
  batch: 100,
  grid: 25,
  /** Points of each path whose full cost is computed exactly. */
  costPoints: 60,
} as const;

/** Options of `sgdPath`. */
export interface SgdPathOptions {
  /** Architecture, cost, learning rate and seed (the batch size is overridden per run). */
  readonly settings: TrainingSettings;
  /** The training images both runs use (e.g. the first 10,000 of MNIST). */
  readonly train: Dataset;
  /** Steps of full-batch gradient descent (each processes all n images). */
  readonly fullBatchSteps: number;
  /** Epochs of mini-batch SGD. */
  readonly sgdEpochs: number;
  /** Mini-batch size (default 100). */
  readonly batchSize?: number;
  /** Grid points along each axis of the plane (default 25). */
  readonly gridSize?: number;
  /** How many points of each path get their exact full cost (default 60). */
  readonly costPoints?: number;
  /** The implementation that trains (default: the reference TypeScript backend). */
  readonly backend?: BackendFactory;
  /** Called with a short progress message. */
  readonly progress?: (message: string) => void;
}

/** One trajectory, as drawn. */
export interface PathView {
  readonly name: 'full-batch' | 'mini-batch';
  readonly batchSize: number;
  readonly steps: number;
  /** Examples processed at each recorded point (0 = the initialisation). */
  readonly examples: readonly number[];
  /** Each recorded point projected on the plane: [α, β]. */
  readonly coords: readonly (readonly [number, number])[];
  /** Examples processed at the points whose exact cost is known, and that cost (over all n images). */
  readonly costExamples: readonly number[];
  readonly costs: readonly number[];
  /** The mini-batch cost of each step (the only cost SGD itself sees), with examples processed. */
  readonly batchCosts: readonly number[];
  readonly batchExamples: readonly number[];
  /** Distance of the final point from the plane, relative to its distance from θ*. */
  readonly offPlane: number;
}

/** The result of the SGD-path explorable. */
export interface SgdPathResult {
  readonly trainCount: number;
  readonly learningRate: number;
  readonly seed: number;
  readonly plane: {
    readonly kind: 'pca';
    readonly centre: 'final mini-batch weights';
    /** Share of the trajectories' spread along d₁ and d₂. */
    readonly explained: readonly [number, number];
  };
  readonly fullBatch: PathView;
  readonly miniBatch: PathView;
  /** The cost on the grid: costs[i][j] at (alphas[j], betas[i]); (0, 0) is a grid node. */
  readonly grid: { readonly alphas: readonly number[]; readonly betas: readonly number[]; readonly costs: readonly (readonly number[])[] };
  /** The grid's cost at the origin (= the final mini-batch network's cost over the n images). */
  readonly originCost: number;
  /** θ*: the final mini-batch parameters (W¹, b¹, W², b², … as one vector), the plane's centre. */
  readonly centre: Float32Array;
  readonly seconds: { readonly training: number; readonly grid: number };
}

interface Recorded {
  points: Float32Array[];
  examples: number[];
  batchCosts: number[];
  batchExamples: number[];
  steps: number;
}

/** Trains both ways, projects both paths on the principal plane and maps the cost on it. */
export function sgdPath(o: SgdPathOptions): SgdPathResult {
  const n = o.train.count;
  const batch = o.batchSize ?? SGD_PATH_DEFAULTS.batch;
  const gridSize = o.gridSize ?? SGD_PATH_DEFAULTS.grid;
  const costPoints = o.costPoints ?? SGD_PATH_DEFAULTS.costPoints;
  const noTest: Dataset = { ...o.train, count: 0, images: o.train.images.subarray(0, 0), labels: o.train.labels.subarray(0, 0) };
  const pair = { train: o.train, test: noTest, source: 'subset' };
  const initial = Network.random(
    { sizes: o.settings.sizes, activation: o.settings.activation, outputActivation: o.settings.outputActivation },
    o.settings.init,
    new Rng(o.settings.seed),
  );
  const t0 = performance.now();
  const run = (batchSize: number, steps: number): Recorded => {
    const trainer = new Trainer({ ...o.settings, batchSize }, pair, { backend: o.backend }, initial);
    const rec: Recorded = { points: [flattenParameters(trainer.network())], examples: [0], batchCosts: [], batchExamples: [], steps };
    const every = Math.max(1, Math.ceil(steps / 400));
    for (let s = 1; s <= steps; s++) {
      const e = trainer.step();
      rec.batchCosts.push(e.cost);
      rec.batchExamples.push(trainer.examplesSeen);
      if (s % every === 0 || s === steps) {
        rec.points.push(flattenParameters(trainer.network()));
        rec.examples.push(trainer.examplesSeen);
      }
    }
    trainer.dispose();
    return rec;
  };
  o.progress?.(`full-batch gradient descent: ${o.fullBatchSteps} steps of ${n} images`);
  const full = run(n, o.fullBatchSteps);
  const sgdSteps = o.sgdEpochs * Math.ceil(n / batch);
  o.progress?.(`mini-batch SGD: ${sgdSteps} steps of ${batch} images`);
  const mini = run(batch, sgdSteps);
  const training = (performance.now() - t0) / 1000;

  // The plane: centre = final SGD weights; directions = PCA of both paths (≤ 300 points).
  const t1 = performance.now();
  o.progress?.('principal plane and cost grid');
  const centre = Float64Array.from(mini.points[mini.points.length - 1]);
  const all = [...full.points, ...mini.points];
  const pick = all.length <= 300 ? all : Array.from({ length: 300 }, (_, i) => all[Math.round((i * (all.length - 1)) / 299)]);
  const rows = pick.map((p) => Float64Array.from(p, (v, i) => v - centre[i]));
  const plane = principalPlane(rows);
  const [d1, d2] = plane.directions;
  const project = (p: Float32Array): [number, number] => {
    let a = 0;
    let b = 0;
    for (let i = 0; i < p.length; i++) {
      const x = p[i] - centre[i];
      a += x * d1[i];
      b += x * d2[i];
    }
    return [a, b];
  };
  // Orient the axes so that both paths start at negative α and β (they travel up and right).
  const start = project(full.points[0]);
  if (start[0] > 0) d1.forEach((v, i) => (d1[i] = -v));
  if (start[1] > 0) d2.forEach((v, i) => (d2[i] = -v));

  const sizes = o.settings.sizes;
  const shape = initial;
  const data = sparseImages(o.train);
  const view = (name: PathView['name'], rec: Recorded, batchSize: number): PathView => {
    const coords = rec.points.map(project);
    const pickIdx = Array.from(new Set(Array.from({ length: Math.min(costPoints, rec.points.length) }, (_, i) => Math.round((i * (rec.points.length - 1)) / Math.max(1, Math.min(costPoints, rec.points.length) - 1)))));
    const costs = pickIdx.map((i) => datasetCost(shape, splitParameters(sizes, Float64Array.from(rec.points[i])), o.settings.cost, data));
    const last = rec.points[rec.points.length - 1];
    const [a, b] = coords[coords.length - 1];
    let dist2 = 0;
    for (let i = 0; i < last.length; i++) dist2 += (last[i] - centre[i]) ** 2;
    const off = Math.sqrt(Math.max(0, dist2 - a * a - b * b));
    return {
      name,
      batchSize,
      steps: rec.steps,
      examples: rec.examples,
      coords,
      costExamples: pickIdx.map((i) => rec.examples[i]),
      costs,
      batchCosts: rec.batchCosts,
      batchExamples: rec.batchExamples,
      offPlane: dist2 > 0 ? off / Math.sqrt(dist2) : 0,
    };
  };
  const fullView = view('full-batch', full, n);
  const miniView = view('mini-batch', mini, batch);

  const coords = [...fullView.coords, ...miniView.coords];
  const axis = (k: 0 | 1): number[] => {
    let lo = Math.min(0, ...coords.map((c) => c[k]));
    let hi = Math.max(0, ...coords.map((c) => c[k]));
    const pad = 0.15 * (hi - lo || 1);
    lo -= pad;
    hi += pad;
    // A step that puts α = 0 (β = 0) exactly on a grid node.
    const step = (hi - lo) / (gridSize - 1);
    const first = Math.floor(lo / step);
    return Array.from({ length: gridSize }, (_, i) => (first + i) * step);
  };
  const alphas = axis(0);
  const betas = axis(1);
  const centreP = splitParameters(sizes, centre);
  const planeCost = new PlaneCost(shape, centreP, splitParameters(sizes, d1), splitParameters(sizes, d2), o.settings.cost, data);
  const costs = betas.map((b) => alphas.map((a) => planeCost.at(a, b)));
  const originCost = planeCost.at(0, 0);
  return {
    trainCount: n,
    learningRate: o.settings.learningRate,
    seed: o.settings.seed,
    plane: { kind: 'pca', centre: 'final mini-batch weights', explained: plane.explained },
    fullBatch: fullView,
    miniBatch: miniView,
    grid: { alphas, betas, costs },
    originCost,
    centre: mini.points[mini.points.length - 1],
    seconds: { training, grid: (performance.now() - t1) / 1000 },
  };
}

/** The grid's cost at the node (alpha, beta), or undefined when no node lies there. */
export function gridCostAt(result: SgdPathResult, alpha: number, beta: number): number | undefined {
  const j = result.grid.alphas.findIndex((a) => Math.abs(a - alpha) < 1e-12);
  const i = result.grid.betas.findIndex((b) => Math.abs(b - beta) < 1e-12);
  return i >= 0 && j >= 0 ? result.grid.costs[i][j] : undefined;
}
