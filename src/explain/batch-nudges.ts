import type { CostName } from '../core/costs.js';
import type { Network } from '../core/network.js';
import { imageNudges } from './image-nudges.js';
import { sumSquares } from './vector-length.js';

/**
 * Averaging the per-image nudges over a mini-batch gives −∇C for the batch; how much
 * the images agree says how much of each image's wish survives the average.
 */

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

/** A mini-batch: the per-image nudges and their average, −∇C of the batch. */
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
