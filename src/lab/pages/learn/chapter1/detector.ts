import type { Dataset } from '../../../../data/dataset.js';
import { el } from '../../../components/figure-parts.js';
import { WeightPainter } from '../../../components/weight-painter.js';
import type { Section } from '../chapter.js';
import { everyFrame } from './forward.js';

/** The detector's computed answer: the mean weighted sum of the test set's sevens and ones for the painted weights. */
export interface DetectorResult {
  readonly sevens: number;
  readonly ones: number;
  readonly sevenSum: number;
  readonly oneSum: number;
}

/** Means closer than this share of the larger one count as "about the same". */
const SAME = 0.1;

/** Σ_k w_k a_k of test image i (pixels scaled to [0, 1]), over the painted weights only. */
function weightedSum(test: Dataset, i: number, painted: readonly number[], weights: Float32Array): number {
  const offset = i * 784;
  let sum = 0;
  for (const k of painted) sum += (weights[k] * test.images[offset + k]) / 255;
  return sum;
}

/** The mean weighted sum of every test image labelled `digit`, and how many there are. */
function meanSum(test: Dataset, digit: number, weights: Float32Array): { count: number; mean: number } {
  const painted = [...weights.keys()].filter((k) => weights[k] !== 0);
  let count = 0;
  let total = 0;
  for (let i = 0; i < test.count; i++) {
    if (test.labels[i] !== digit) continue;
    count++;
    total += weightedSum(test, i, painted, weights);
  }
  return { count, mean: count === 0 ? 0 : total / count };
}

/** A green bar across the top of the grid (rows 5–8, columns 6–21): the question's suggestion, for the keyboard and the impatient. */
function topBar(): Float32Array {
  const w = new Float32Array(784);
  for (let y = 5; y <= 8; y++) for (let x = 6; x <= 21; x++) w[y * 28 + x] = 1;
  return w;
}

/** The source's edge detector: + on a horizontal band, − just above and below it. */
function edge(): Float32Array {
  const w = new Float32Array(784);
  for (let y = 8; y <= 19; y++) for (let x = 6; x <= 21; x++) w[y * 28 + x] = y >= 12 && y <= 15 ? 1 : -1;
  return w;
}

/**
 * Paint a detector: the learner paints a neuron's weights (+1 / −1) and draws; the weighted
 * sum Σ w·a of their digit answers at once. The question: for a bar across the top, do the
 * test set's sevens or ones give the larger sum? Judged from the mean sums over all of them.
 */
export const detector: Section<DetectorResult> = {
  id: 'detector',
  deeper: { view: 'experiments', hash: 'at=detector' },
  cli: null,
  question: {
    judge: (r) => {
      const scale = Math.max(Math.abs(r.sevenSum), Math.abs(r.oneSum));
      if (scale === 0 || Math.abs(r.sevenSum - r.oneSum) <= SAME * scale) return 2;
      return r.sevenSum > r.oneSum ? 0 : 1;
    },
    values: (r, ctx) => ({ sevens: ctx.num(r.sevens), ones: ctx.num(r.ones), sevenSum: ctx.num(r.sevenSum, 1), oneSum: ctx.num(r.oneSum, 1) }),
  },
  async mount(host, ctx) {
    const test = await ctx.testSet();
    const kept = ctx.keep('weights', () => new Float32Array(784));
    const row = el('div', 'figure-row');
    const left = el('div', 'figure-cell');
    left.append(el('h3', '', ctx.f('weightsHeading')));
    const sum = el('p', 'detector-sum');
    const painter = new WeightPainter(
      left,
      {
        label: ctx.f('weightsHeading'),
        positive: ctx.f('positive'),
        negative: ctx.f('negative'),
        erase: ctx.f('erase'),
        clear: ctx.f('clearWeights'),
        presets: [
          { name: ctx.f('presetTop'), weights: topBar },
          { name: ctx.f('presetEdge'), weights: edge },
        ],
      },
      ctx.palette,
      (w) => {
        kept.set(w);
        schedule();
      },
    );
    left.append(el('p', 'muted', ctx.f('paintHint')));
    const right = el('div', 'figure-cell');
    right.append(el('h3', '', ctx.f('inputHeading')));
    ctx.digit.mountPad(right, { testImages: true });
    right.append(sum);
    row.append(left, right);
    const means = el('p', 'detector-means');
    ctx.question.hideUntilAnswered(means);
    host.append(row, means);
    let pending = false;
    const update = (): void => {
      const pixels = ctx.digit.pixels;
      let z = 0;
      if (pixels) for (let k = 0; k < 784; k++) z += (kept[k] * pixels[k]) / 255;
      sum.replaceChildren(ctx.tex(`\\sum_k w_k a_k = ${ctx.num(z, 2).replace(',', '{,}')}`));
      sum.dataset.name = 'sum';
      sum.dataset.value = String(z);
      const seven = meanSum(test, 7, kept);
      const one = meanSum(test, 1, kept);
      means.textContent = ctx.f('means', { sevens: ctx.num(seven.count), ones: ctx.num(one.count), sevenSum: ctx.num(seven.mean, 1), oneSum: ctx.num(one.mean, 1) });
      means.dataset.value = `${seven.mean},${one.mean}`;
      ctx.question.report({ sevens: seven.count, ones: one.count, sevenSum: seven.mean, oneSum: one.mean });
    };
    const schedule = (): void => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        update();
      });
    };
    painter.set(kept);
    everyFrame(ctx.digit.watch, update);
  },
};
