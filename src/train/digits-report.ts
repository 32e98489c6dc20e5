import { forward } from '../core/forward.js';
import { argmaxRow } from '../core/metrics.js';
import type { Network } from '../core/network.js';
import { Workspace } from '../core/workspace.js';
import type { Dataset } from '../data/dataset.js';
import { gatherRange } from './batch.js';
import { EVAL_CHUNK } from './predict.js';

/** How the network reads one class of a labelled set. */
export interface ClassReading {
  /** The class's name ("3"). */
  readonly label: string;
  /** Images of this class in the set. */
  readonly count: number;
  /** How many of them the network answers right. */
  readonly correct: number;
  /** correct / count, or null when the set has none of this class. */
  readonly accuracy: number | null;
}

/** One image the network answers wrong. */
export interface Misreading {
  /** Its position in the set. */
  readonly index: number;
  /** The class it shows. */
  readonly label: number;
  /** The network's answer. */
  readonly prediction: number;
  /** The output activation of that answer (the network's confidence in it). */
  readonly confidence: number;
}

/** How well a network reads a labelled set of digits — a writer's own, say. */
export interface DigitsReport {
  /** Fraction answered right (NaN for an empty set). */
  readonly accuracy: number;
  readonly count: number;
  /** One entry per class of the network, in class order. */
  readonly perClass: readonly ClassReading[];
  /** Every image answered wrong, in set order. */
  readonly mistakes: readonly Misreading[];
  /** The network's answer for each image. */
  readonly predictions: Uint8Array;
}

/**
 * Runs the network over a labelled set and reports its accuracy, per class, and every
 * mistake with the answer given and its confidence: the numbers of "how well does it read
 * me?" in the command line (`digitlab eval --images`) and the Lab. Pure: no Node module, no DOM.
 */
export function readDigits(net: Network, data: Dataset): DigitsReport {
  const classes = net.sizes[net.layerCount];
  const ws = Workspace.for(net, Math.max(1, Math.min(EVAL_CHUNK, data.count)));
  const predictions = new Uint8Array(data.count);
  const counts = new Array<number>(classes).fill(0);
  const correct = new Array<number>(classes).fill(0);
  const mistakes: Misreading[] = [];
  for (let start = 0; start < data.count; start += ws.capacity) {
    const n = Math.min(ws.capacity, data.count - start);
    gatherRange(data, start, n, ws.input);
    const output = forward(net, ws, n);
    for (let r = 0; r < n; r++) {
      const index = start + r;
      const label = data.labels[index];
      const prediction = argmaxRow(output, r, classes);
      predictions[index] = prediction;
      counts[label]++;
      if (prediction === label) correct[label]++;
      else mistakes.push({ index, label, prediction, confidence: output[r * classes + prediction] });
    }
  }
  const right = correct.reduce((a, b) => a + b, 0);
  const names = (i: number): string => data.classNames[i] ?? String(i);
  return {
    accuracy: data.count === 0 ? NaN : right / data.count,
    count: data.count,
    perClass: counts.map((count, i) => ({ label: names(i), count, correct: correct[i], accuracy: count === 0 ? null : correct[i] / count })),
    mistakes,
    predictions,
  };
}
