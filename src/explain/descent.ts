import type { Landscape } from './landscapes.js';

/**
 * Gradient descent on a small landscape (a curve or a surface): start anywhere, then repeat
 *   p ← p − η·∇C(p)
 * The step is proportional to the slope, so it shrinks near a minimum by itself; the
 * learning rate η decides whether the ball crawls (η small), settles (η right) or
 * overshoots and bounces or flies off (η too large).
 */

/** One position of the ball. */
export interface DescentPoint {
  /** The parameters p (one number per dimension). */
  readonly point: readonly number[];
  /** C(p). */
  readonly cost: number;
  /** ∇C(p); the next step is −η times this. */
  readonly gradient: readonly number[];
}

/** How a run of gradient descent ended. */
export type DescentOutcome =
  /** The slope became (almost) flat: a minimum was reached. */
  | 'converged'
  /** Still going downhill in small steps when the step budget ran out (η too small). */
  | 'crawling'
  /** Jumping back and forth across a valley (η too large for its curvature). */
  | 'oscillating'
  /** Left the region or the numbers blew up (η far too large). */
  | 'diverged';

/** The whole path of one run. */
export interface DescentPath {
  readonly start: readonly number[];
  readonly learningRate: number;
  /** Positions, the start first; the path has `points.length − 1` steps. */
  readonly points: readonly DescentPoint[];
  readonly outcome: DescentOutcome;
  /** Index into `minima` of the minimum the ball settled in, or −1. */
  readonly minimum: number;
}

/** Options of `descend`. */
export interface DescentOptions {
  /** Most steps to take (default 100). */
  readonly maxSteps?: number;
  /** Stop when |∇C| falls below this (default 1e-4). */
  readonly tolerance?: number;
  /** The landscape's local minima, to name the one reached (see `findMinima`). */
  readonly minima?: readonly (readonly number[])[];
}

/** Runs gradient descent from `start` with learning rate `learningRate`. */
export function descend(landscape: Landscape, start: readonly number[], learningRate: number, options: DescentOptions = {}): DescentPath {
  const maxSteps = options.maxSteps ?? 100;
  const tolerance = options.tolerance ?? 1e-4;
  const points: DescentPoint[] = [];
  let p = [...start];
  let outcome: DescentOutcome = 'crawling';
  for (let step = 0; ; step++) {
    const cost = landscape.value(p);
    const gradient = landscape.gradient(p);
    points.push({ point: p, cost, gradient });
    if (!Number.isFinite(cost) || !inside(landscape, p, 2)) {
      outcome = 'diverged';
      break;
    }
    if (norm(gradient) < tolerance) {
      outcome = 'converged';
      break;
    }
    if (step === maxSteps) {
      outcome = oscillating(points) ? 'oscillating' : 'crawling';
      break;
    }
    p = p.map((x, i) => x - learningRate * gradient[i]);
  }
  const last = points[points.length - 1].point;
  const minimum = outcome === 'converged' && options.minima ? nearest(options.minima, last) : -1;
  return { start: [...start], learningRate, points, outcome, minimum };
}

/**
 * The local minima of a landscape, found by running careful descent (small η, many steps)
 * from a grid of starts and merging the end points that coincide. Sorted by cost, lowest
 * (the global minimum of the region) first.
 */
export function findMinima(landscape: Landscape, gridPerAxis = 9): number[][] {
  const starts: number[][] = [];
  const axis = (d: number): number[] => {
    const [lo, hi] = landscape.domain[d];
    return Array.from({ length: gridPerAxis }, (_, i) => lo + ((i + 0.5) * (hi - lo)) / gridPerAxis);
  };
  if (landscape.dimension === 1) for (const w of axis(0)) starts.push([w]);
  else for (const x of axis(0)) for (const y of axis(1)) starts.push([x, y]);
  const found: number[][] = [];
  for (const s of starts) {
    const path = descend(landscape, s, 0.05, { maxSteps: 20_000, tolerance: 1e-9 });
    if (path.outcome !== 'converged') continue;
    const end = [...path.points[path.points.length - 1].point];
    if (!inside(landscape, end, 1)) continue;
    if (!found.some((m) => distance(m, end) < 1e-3)) found.push(end);
  }
  return found.sort((a, b) => landscape.value(a) - landscape.value(b));
}

/** The result object of the descent explorable: a landscape, its minima and several paths. */
export interface DescentResult {
  readonly landscape: Landscape['name'];
  readonly minima: readonly { readonly point: readonly number[]; readonly cost: number }[];
  readonly paths: readonly DescentPath[];
}

/** A run of descent for the explorable: where it starts, at which rate, and why it is shown. */
export interface DescentRun {
  readonly start: readonly number[];
  readonly learningRate: number;
  /** A short English caption (e.g. "η too small: crawls"). */
  readonly caption?: string;
}

/** Runs every `run` on `landscape` and names the minimum each reached. */
export function descentExplorable(landscape: Landscape, runs: readonly DescentRun[], options: Omit<DescentOptions, 'minima'> = {}): DescentResult {
  const minima = findMinima(landscape);
  return {
    landscape: landscape.name,
    minima: minima.map((point) => ({ point, cost: landscape.value(point) })),
    paths: runs.map((r) => descend(landscape, r.start, r.learningRate, { ...options, minima })),
  };
}

/**
 * The runs the CLI draws: on each landscape, one start with a rate that is too small, one
 * that is right, one that overshoots and one that diverges; then several starts with the
 * right rate, which end in different minima.
 */
export const DEFAULT_RUNS: Readonly<Record<Landscape['name'], { rates: readonly DescentRun[]; starts: readonly DescentRun[] }>> = {
  curve: {
    rates: [
      { start: [7.5], learningRate: 0.02, caption: 'η = 0.02: crawls' },
      { start: [7.5], learningRate: 0.3, caption: 'η = 0.3: settles' },
      { start: [7.5], learningRate: 0.95, caption: 'η = 0.95: overshoots, bounces, settles late' },
      { start: [7.5], learningRate: 4, caption: 'η = 4: jumps from valley to valley' },
    ],
    starts: [
      { start: [-9], learningRate: 0.3 },
      { start: [-4.5], learningRate: 0.3 },
      { start: [1.5], learningRate: 0.3 },
      { start: [8.5], learningRate: 0.3 },
    ],
  },
  surface: {
    rates: [
      { start: [4.2, -4], learningRate: 0.05, caption: 'η = 0.05: crawls' },
      { start: [4.2, -4], learningRate: 0.5, caption: 'η = 0.5: settles' },
      { start: [4.2, -4], learningRate: 0.7, caption: 'η = 0.7: overshoots back and forth, settles late' },
      { start: [4.2, -4], learningRate: 9, caption: 'η = 9: diverges' },
    ],
    starts: [
      { start: [4, 4], learningRate: 0.5 },
      { start: [-4.5, -4], learningRate: 0.5 },
      { start: [-3, 4.5], learningRate: 0.5 },
      { start: [0.5, -0.3], learningRate: 0.5 },
    ],
  },
};

function inside(landscape: Landscape, p: readonly number[], margin: number): boolean {
  return p.every((x, i) => {
    const [lo, hi] = landscape.domain[i];
    const pad = ((margin - 1) * (hi - lo)) / 2;
    return x >= lo - pad && x <= hi + pad;
  });
}

function oscillating(points: readonly DescentPoint[]): boolean {
  // Over the last steps, compare how far the ball got with how far it travelled: a
  // crawl goes one way (ratio ≈ 1), a bounce goes back and forth (ratio ≪ 1).
  const tail = points.slice(-11);
  let travelled = 0;
  for (let i = 1; i < tail.length; i++) travelled += distance(tail[i].point, tail[i - 1].point);
  return distance(tail[tail.length - 1].point, tail[0].point) < 0.5 * travelled;
}

function norm(v: readonly number[]): number {
  return Math.hypot(...v);
}

function distance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(...a.map((x, i) => x - b[i]));
}

function nearest(minima: readonly (readonly number[])[], p: readonly number[]): number {
  let best = -1;
  let bestD = Infinity;
  minima.forEach((m, i) => {
    const d = distance(m, p);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return bestD < 1e-2 ? best : -1;
}

/** The run a view opens on for landscape `name`: the default start with the rate that settles (the second of `DEFAULT_RUNS`). */
export function settlingRun(name: Landscape['name']): DescentRun {
  return DEFAULT_RUNS[name].rates[1];
}
