/**
 * Made-up cost functions for the gradient-descent explorable (a step downhill on a curve and on a surface; the cost must be smooth): a curve C(w) of one
 * parameter and a surface C(x, y) of two, each with several local minima, so that where the
 * ball ends up depends on where it starts. Both are smooth (as a cost must be): a gradient exists
 * everywhere, which is what lets gradient descent take a step at all.
 */

/** A smooth cost of one or two parameters with its exact gradient. */
export interface Landscape {
  /** Identifier used by the CLI and the Lab's URL ("curve", "surface"). */
  readonly name: LandscapeName;
  /** 1 for a curve C(w), 2 for a surface C(x, y). */
  readonly dimension: 1 | 2;
  /** The region drawn, one [min, max] per parameter. */
  readonly domain: readonly (readonly [number, number])[];
  /** C(p). */
  value(p: readonly number[]): number;
  /** ∇C(p) = (∂C/∂p₁, …). */
  gradient(p: readonly number[]): number[];
}

/** The names of the built-in landscapes. */
export type LandscapeName = 'curve' | 'surface';
/** The names accepted by parsers and menus. */
export const LANDSCAPE_NAMES: readonly LandscapeName[] = ['curve', 'surface'];

/**
 * C(w) = w²/10 + 2·sin(w) + 3 on [−10, 10]: a wide bowl with a ripple, which leaves three
 * valleys of different depths (near w ≈ −1.4, 4.3 and −7.3). C′(w) = w/5 + 2·cos(w).
 * The curvature in a valley is about C″ ≈ 2.2, so a step of −η·C′ is stable only for
 * η < 2/2.2 ≈ 0.9: larger rates overshoot, smaller ones crawl.
 */
export const CURVE: Landscape = {
  name: 'curve',
  dimension: 1,
  domain: [[-10, 10]],
  value: ([w]) => (w * w) / 10 + 2 * Math.sin(w) + 3,
  gradient: ([w]) => [w / 5 + 2 * Math.cos(w)],
};

/** One Gaussian dip −depth·exp(−|p − centre|² / (2·width²)) of the surface. */
interface Dip {
  readonly x: number;
  readonly y: number;
  readonly depth: number;
  readonly width: number;
}

const DIPS: readonly Dip[] = [
  { x: 2, y: 1, depth: 3, width: 1.1 },
  { x: -2.5, y: -1.2, depth: 2.4, width: 0.9 },
  { x: -1.2, y: 2.8, depth: 1.6, width: 0.8 },
];

/**
 * C(x, y) = x²/20 + y²/8 + 4 − Σ dips: an elongated bowl (steeper along y than x, so large
 * rates zig-zag across it) with three Gaussian dips, i.e. three local minima of different
 * depths, on [−5, 5]².
 */
export const SURFACE: Landscape = {
  name: 'surface',
  dimension: 2,
  domain: [
    [-5, 5],
    [-5, 5],
  ],
  value([x, y]) {
    let c = (x * x) / 20 + (y * y) / 8 + 4;
    for (const d of DIPS) c -= d.depth * gauss(d, x, y);
    return c;
  },
  gradient([x, y]) {
    // d/dx of −depth·g = depth·g·(x − cx)/width².
    let gx = x / 10;
    let gy = y / 4;
    for (const d of DIPS) {
      const g = gauss(d, x, y) * d.depth / (d.width * d.width);
      gx += g * (x - d.x);
      gy += g * (y - d.y);
    }
    return [gx, gy];
  },
};

function gauss(d: Dip, x: number, y: number): number {
  const dx = x - d.x;
  const dy = y - d.y;
  return Math.exp(-(dx * dx + dy * dy) / (2 * d.width * d.width));
}

/** The landscape for a name. */
export function landscapeByName(name: LandscapeName): Landscape {
  return name === 'curve' ? CURVE : SURFACE;
}
