import { confusionMatrix } from '../core/metrics.js';
import type { Network } from '../core/network.js';
import type { Dataset } from '../data/dataset.js';
import { answersFor, bytesToUnit, toPlainArray } from './answers.js';

/** Options of the mistakes experiment. */
export interface MistakesOptions {
  /** Most confident mistakes listed with their images (default 24). */
  readonly show: number;
  /** Test images examined (default: all). */
  readonly testCount: number;
}

/** Defaults of `runMistakes`. */
export const MISTAKES_DEFAULTS: MistakesOptions = { show: 24, testCount: 10000 };

/** One test image the model gets wrong. */
export interface Mistake {
  /** Index in the test set. */
  readonly index: number;
  readonly label: number;
  readonly answer: number;
  /** The (wrong) answer's output activation. */
  readonly confidence: number;
  /** The true class's output activation. */
  readonly labelConfidence: number;
  /** 784 values in [0, 1]. */
  readonly image: number[];
}

/** The result of the mistakes experiment. */
export interface MistakesResult {
  readonly experiment: 'mistakes';
  readonly examined: number;
  readonly accuracy: number;
  readonly mistakeCount: number;
  /** confusion[true][answer]. */
  readonly confusion: number[][];
  readonly classNames: string[];
  /** The most confident mistakes, most confident first. */
  readonly mistakes: Mistake[];
}

/**
 * The confusion matrix over the test set and the test images the model gets wrong with
 * the highest confidence — often badly written digits, sometimes mislabelled ones, sometimes
 * plain failures of a network with 13,002 parameters.
 */
export function runMistakes(net: Network, test: Dataset, options: Partial<MistakesOptions> = {}): MistakesResult {
  const o = { ...MISTAKES_DEFAULTS, ...options };
  const size = net.sizes[0];
  const classes = net.sizes[net.layerCount];
  const count = Math.min(o.testCount, test.count);
  const pixels = bytesToUnit(test.images.subarray(0, count * size));
  const { predictions, confidences, outputs } = answersFor(net, pixels, count);
  const labels = test.labels.subarray(0, count);
  const wrong: number[] = [];
  for (let i = 0; i < count; i++) if (predictions[i] !== labels[i]) wrong.push(i);
  // Most confident first; ties broken by index so the order is reproducible.
  wrong.sort((a, b) => confidences[b] - confidences[a] || a - b);
  const mistakes = wrong.slice(0, o.show).map((i) => ({
    index: i,
    label: labels[i],
    answer: predictions[i],
    confidence: confidences[i],
    labelConfidence: outputs[i * classes + labels[i]],
    image: toPlainArray(pixels.subarray(i * size, (i + 1) * size)),
  }));
  return {
    experiment: 'mistakes',
    examined: count,
    accuracy: (count - wrong.length) / count,
    mistakeCount: wrong.length,
    confusion: confusionMatrix(predictions, labels, classes),
    classNames: [...test.classNames],
    mistakes,
  };
}
