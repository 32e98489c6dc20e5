import type { Network } from '../../../../core/network.js';
import { evaluateNetwork } from '../../../../train/predict.js';
import { el } from '../../../components/figure-parts.js';
import { answerPanel } from '../../../components/output-bars.js';
import type { Section, SectionContext } from '../chapter.js';
import { networkAnswer } from '../../../shared/inference.js';
import { everyFrame } from '../chapter1/forward.js';
import { lesson, untrainedNetwork } from './lesson.js';

/** What the untrained network does: its answer for the learner's digit and its test accuracy. */
export interface RandomResult {
  readonly seed: number;
  readonly answer: number;
  /** The brightest output's activation. */
  readonly confidence: number;
  readonly accuracy: number;
  /** Test images the accuracy is measured on. */
  readonly testCount: number;
}

/** A seed field with a "next seed" button; `onSeed` hears every valid seed. */
export function seedField<R>(ctx: SectionContext<R>, seed: number, onSeed: (seed: number) => void): HTMLElement {
  const wrap = el('div', 'seed-field');
  const label = el('label');
  const input = el('input');
  input.type = 'number';
  input.name = 'seed';
  input.min = '0';
  input.step = '1';
  input.value = String(seed);
  label.append(el('span', '', ctx.f('seed')), input);
  const next = el('button', '', ctx.f('nextSeed'));
  next.type = 'button';
  const take = (): void => {
    const n = Number(input.value);
    if (Number.isInteger(n) && n >= 0 && n <= 0xffffffff) onSeed(n);
  };
  input.addEventListener('change', take);
  next.addEventListener('click', () => {
    input.value = String(Number(input.value) + 1);
    take();
  });
  wrap.append(label, next);
  return wrap;
}

/**
 * A random start: the 784-16-16-10 network a training run with the seed starts from, before
 * any training, answers the learner's digit (ten output bars) — and its accuracy on the 10,000
 * test images, all shown after the guess. Another seed, another random network.
 */
export const random: Section<RandomResult> = {
  id: 'random',
  deeper: (ctx) => ({ view: 'lab', hash: lesson.seed === 1 ? undefined : `seed=${lesson.seed}` }),
  cli: 'npx digitlab train --epochs 0 --out untrained.json && npx digitlab eval --model untrained.json',
  question: {
    judge: (r) => (r.confidence < 0.2 ? 2 : r.accuracy > 0.5 ? 0 : 1),
    values: (r, ctx) => ({ testCount: ctx.num(r.testCount), seed: r.seed, answer: r.answer, confidence: ctx.pct(r.confidence, 0), accuracy: ctx.pct(r.accuracy, 1) }),
  },
  async mount(host, ctx) {
    const test = await ctx.testSet();
    const accuracies = ctx.keep('accuracy', () => new Map<number, number>());
    let net: Network = untrainedNetwork(lesson.seed);
    const accuracy = (): number => {
      if (!accuracies.has(lesson.seed)) accuracies.set(lesson.seed, evaluateNetwork(net, test).accuracy);
      return accuracies.get(lesson.seed) as number;
    };
    const row = el('div', 'figure-row');
    const padCell = el('div', 'figure-cell');
    ctx.digit.mountPad(padCell);
    const right = el('div', 'figure-cell answer-cell');
    right.append(seedField(ctx, lesson.seed, (seed) => {
      lesson.seed = seed;
      net = untrainedNetwork(seed);
      draw();
    }));
    const revealed = el('div', 'random-outputs');
    const { view, bars } = answerPanel(revealed, ctx.f('answer'), ctx.f('outputs'));
    view.format = (v) => ctx.num(v, 2);
    const score = el('p', 'random-accuracy');
    revealed.append(score);
    right.append(revealed);
    ctx.question.hideUntilAnswered(revealed);
    row.append(padCell, right);
    host.append(row);
    const draw = (): void => {
      const pixels = ctx.digit.pixels;
      if (pixels === null) {
        view.render(null, null, ctx.f('noDigit'));
        ctx.question.report(null, ctx.needDigit() ?? undefined);
        return;
      }
      const { outputs: out, answer: digit } = networkAnswer(net, pixels);
      view.render(out, digit, ctx.f('noDigit'));
      bars.dataset.value = Array.from(out).join(',');
      bars.dataset.seed = String(lesson.seed);
      const a = accuracy();
      score.textContent = ctx.f('accuracy', { seed: lesson.seed, accuracy: ctx.pct(a, 1) });
      score.dataset.value = String(a);
      ctx.question.report({ seed: lesson.seed, answer: digit, confidence: out[digit], accuracy: a, testCount: test.count });
    };
    everyFrame(ctx.digit.watch, draw);
  },
};
