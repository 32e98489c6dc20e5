import type { Network } from '../core/network.js';
import { Rng } from '../core/rng.js';
import type { Dataset } from '../data/dataset.js';
import { answersFor, bytesToUnit, toPlainArray } from './answers.js';
import { fillNoiseImage, type NoiseKind, pixelDistribution } from './noise-images.js';

/** Options of the noise experiment. */
export interface NoiseOptions {
  /** Noise images of each kind (default 1,000). */
  readonly count: number;
  /** Seed of the noise. */
  readonly seed: number;
  /** Real test images to compare with (default: all). */
  readonly testCount: number;
  /** Example images kept in the result for display (default 8 of each kind). */
  readonly examples: number;
}

/** Defaults of `runNoise`. */
export const NOISE_DEFAULTS: NoiseOptions = { count: 1000, seed: 1, testCount: 10000, examples: 8 };

/** How the network answers one set of images. */
export interface AnswerSummary {
  readonly count: number;
  /** The answer for each image. */
  readonly predictions: number[];
  /** The winning output's activation for each image, in [0, 1]. */
  readonly confidences: number[];
  /** How many images got each digit as answer. */
  readonly answerCounts: number[];
  readonly meanConfidence: number;
  readonly medianConfidence: number;
  /** Fraction of images answered with confidence ≥ 0.5 / ≥ 0.9. */
  readonly confidentHalf: number;
  readonly confident90: number;
  /** Bin counts of the confidences in 10 bins over [0, 1]. */
  readonly confidenceHistogram: number[];
  /** Fraction answered right (test images only). */
  readonly accuracy?: number;
}

/** The result of the noise experiment (white noise gets a confident answer). */
export interface NoiseResult {
  readonly experiment: 'noise';
  readonly seed: number;
  /** Fraction of non-zero pixels in the test images, which sparse noise copies. */
  readonly inkDensity: number;
  readonly uniform: AnswerSummary;
  readonly sparse: AnswerSummary;
  readonly test: AnswerSummary;
  /** A few noise images (784 values in [0, 1]) with their answers, for display. */
  readonly examples: Record<NoiseKind, { image: number[]; prediction: number; confidence: number }[]>;
}

/**
 * White noise: feed a trained network white noise. One might expect no answer, or a flat one; the
 * source document says it answers one definite digit anyway. The result compares the
 * confidence on uniform and sparse noise with the confidence on real test images.
 */
export function runNoise(net: Network, test: Dataset, options: Partial<NoiseOptions> = {}): NoiseResult {
  const o = { ...NOISE_DEFAULTS, ...options };
  const size = net.sizes[0];
  const rng = new Rng(o.seed);
  const pixels = pixelDistribution(test);
  const classes = net.sizes[net.layerCount];
  const perKind = {} as Record<NoiseKind, { summary: AnswerSummary; examples: NoiseResult['examples'][NoiseKind] }>;
  for (const kind of ['uniform', 'sparse'] as const) {
    const images = new Float32Array(o.count * size);
    for (let i = 0; i < o.count; i++) fillNoiseImage(kind, rng, images.subarray(i * size, (i + 1) * size), pixels);
    const answers = answersFor(net, images, o.count);
    const examples = [];
    for (let i = 0; i < Math.min(o.examples, o.count); i++) {
      examples.push({ image: toPlainArray(images.subarray(i * size, (i + 1) * size)), prediction: answers.predictions[i], confidence: answers.confidences[i] });
    }
    perKind[kind] = { summary: summarise(answers.predictions, answers.confidences, classes), examples };
  }
  const testCount = Math.min(o.testCount, test.count);
  const testAnswers = answersFor(net, bytesToUnit(test.images.subarray(0, testCount * size)), testCount);
  let right = 0;
  for (let i = 0; i < testCount; i++) if (testAnswers.predictions[i] === test.labels[i]) right++;
  return {
    experiment: 'noise',
    seed: o.seed,
    inkDensity: pixels.inkDensity,
    uniform: perKind.uniform.summary,
    sparse: perKind.sparse.summary,
    test: { ...summarise(testAnswers.predictions, testAnswers.confidences, classes), accuracy: right / testCount },
    examples: { uniform: perKind.uniform.examples, sparse: perKind.sparse.examples },
  };
}

/** Counts, mean, median and histogram of a set of answers. */
export function summarise(predictions: number[], confidences: number[], classes: number): AnswerSummary {
  const answerCounts = new Array<number>(classes).fill(0);
  for (const p of predictions) answerCounts[p]++;
  const sorted = [...confidences].sort((a, b) => a - b);
  const n = confidences.length;
  const median = n === 0 ? NaN : n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const histogram = new Array<number>(10).fill(0);
  for (const c of confidences) histogram[Math.min(9, Math.max(0, Math.floor(c * 10)))]++;
  return {
    count: n,
    predictions,
    confidences: confidences.map((c) => Math.round(c * 1e5) / 1e5),
    answerCounts,
    meanConfidence: n ? confidences.reduce((s, c) => s + c, 0) / n : NaN,
    medianConfidence: median,
    confidentHalf: n ? confidences.filter((c) => c >= 0.5).length / n : NaN,
    confident90: n ? confidences.filter((c) => c >= 0.9).length / n : NaN,
    confidenceHistogram: histogram,
  };
}
