import { Rng } from '../core/rng.js';
import { DigitlabError } from '../errors.js';
import type { Dataset } from './dataset.js';
import { selectExamples } from './image-set.js';

/** A writer's digits split into the part that trains and the part that is held out to judge it. */
export interface HeldOutSplit {
  /** The digits trained on. */
  readonly train: Dataset;
  /** The digits never trained on, or null when none are held out. */
  readonly heldOut: Dataset | null;
  /** Positions in the original set of `train`'s examples, ascending. */
  readonly trainIndices: Uint32Array;
  /** Positions in the original set of `heldOut`'s examples, ascending (empty when none). */
  readonly heldOutIndices: Uint32Array;
}

/**
 * Holds out a `fraction` of a small labelled set, class by class (stratified), chosen by
 * `seed`: each class of n examples gives round(n × fraction) of them, drawn by shuffling its
 * examples with `Rng(seed)` (classes in label order) — but at least one when n ≥ 2 and the
 * fraction is above 0, and never all of them, so every class that has examples is trained on
 * and, where it has two or more, also judged. A class with a single example is only trained on.
 * Both parts keep the original order. The same set, fraction and seed give the same split, in
 * Node and the browser.
 */
export function splitHeldOut(data: Dataset, fraction: number, seed: number): HeldOutSplit {
  if (!(fraction >= 0 && fraction < 1)) throw new DigitlabError(`holdout: must be a fraction from 0 to below 1, got ${fraction}`);
  const rng = new Rng(seed);
  const held = new Uint8Array(data.count);
  const classes = data.classNames.length;
  const members: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < data.count; i++) members[data.labels[i]].push(i);
  for (const list of members) {
    const n = list.length;
    if (n < 2 || fraction === 0) continue;
    const count = Math.min(n - 1, Math.max(1, Math.round(n * fraction)));
    const order = Uint32Array.from(list);
    rng.shuffle(order);
    for (let k = 0; k < count; k++) held[order[k]] = 1;
  }
  const trainIndices: number[] = [];
  const heldOutIndices: number[] = [];
  for (let i = 0; i < data.count; i++) (held[i] ? heldOutIndices : trainIndices).push(i);
  if (trainIndices.length === 0) throw new DigitlabError('holdout: the set has no images to train on');
  return {
    train: selectExamples(data, trainIndices),
    heldOut: heldOutIndices.length > 0 ? selectExamples(data, heldOutIndices) : null,
    trainIndices: Uint32Array.from(trainIndices),
    heldOutIndices: Uint32Array.from(heldOutIndices),
  };
}
