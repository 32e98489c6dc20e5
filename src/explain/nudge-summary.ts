import type { Network } from '../core/network.js';
import { sumSquares } from './vector-length.js';

/** Which parameters get the largest nudges (each component of −∇C says which way and how much), from −∇C shaped like a network's parameters. */

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
