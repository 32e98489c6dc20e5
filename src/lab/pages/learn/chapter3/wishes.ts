import { imageNudges } from '../../../../explain/image-nudges.js';
import { networkAnswer } from '../../../shared/inference.js';
import { el } from '../../../components/figure-parts.js';
import { WishBars } from '../../../components/wish-bars.js';
import { fill } from '../../../shared/i18n.js';
import type { Section } from '../chapter.js';
import { everyFrame } from '../chapter1/forward.js';
import { COST, nudgesView, chosenNetwork, learnerExample, missingExample, networkOf, networkSwitch } from './backprop-input.js';
import { sig } from './format.js';

/** The computed answer: the ten outputs' activations and wishes for the learner's example. */
export interface WishesResult {
  readonly label: number;
  readonly activations: readonly number[];
  readonly wishes: readonly number[];
  /** The output with the largest |wish|. */
  readonly biggest: number;
}

/** Which output wishes most: the right digit's, the brightest wrong one's, or all about alike (within 5 %). */
export function judgeWishes(r: WishesResult): number {
  const sizes = r.wishes.map(Math.abs);
  const max = Math.max(...sizes);
  if (max - Math.min(...sizes) <= 0.05 * max) return 2;
  return r.biggest === r.label ? 0 : 1;
}

/**
 * What one image wants: the learner's drawing with the label they gave it, and for the
 * chosen network (untrained or trained) each output's activation a_j, target y_j and wished
 * change 2(y_j − a_j), from the nudges explorable's `imageNudges` (−∂C/∂a of the transparent
 * pass). The bars share one scale (a wish is at most 2), so the two networks compare. The
 * wishes are hidden until the learner has guessed which is biggest.
 */
export const wishes: Section<WishesResult> = {
  id: 'wishes',
  deeper: () => nudgesView(),
  cli: 'npx digitlab explain nudges',
  question: {
    judge: judgeWishes,
    values: (r, ctx) => ({
      digit: r.biggest,
      wish: sig(ctx, r.wishes[r.biggest]),
      activation: sig(ctx, r.activations[r.biggest]),
      target: r.biggest === r.label ? 1 : 0,
      why: fill(ctx.words[['whyRight', 'whyWrong', 'whySame'][judgeWishes(r)]], { label: r.label, digit: r.biggest }),
    }),
  },
  async mount(host, ctx) {
    const nets = { trained: await ctx.model(), untrained: await networkOf(ctx, 'untrained') };
    let choice = chosenNetwork();
    const row = el('div', 'figure-row');
    const padCell = el('div', 'figure-cell');
    ctx.digit.mountPad(padCell, { withLabel: true });
    const right = el('div', 'figure-cell wishes-cell');
    networkSwitch(right, ctx, (c) => {
      choice = c;
      draw();
    });
    right.append(el('h3', '', ctx.f('heading')));
    const status = el('p', 'muted wishes-status');
    const bars = new WishBars(right, {
      head: [ctx.f('colOutput'), ctx.f('colActivation'), ctx.f('colTarget'), ctx.f('colWish')],
      row: (j, a, y, w) => ctx.f('row', { j, a, y: y ?? '', w }),
      format: (v) => sig(ctx, v),
      formatActivation: (a) => ctx.num(a, 3),
    });
    bars.palette = ctx.palette;
    bars.element.classList.add('conceal');
    const cost = el('p', 'wishes-cost');
    right.append(status, cost);
    row.append(padCell, right);
    host.append(row);
    ctx.question.whenAnswered(() => bars.element.classList.remove('conceal'));
    const draw = (): void => {
      const example = learnerExample(ctx);
      if (example === null) {
        status.textContent = missingExample(ctx);
        bars.render([]);
        cost.textContent = '';
        ctx.question.report(null, ctx.needDigit(true) ?? undefined);
        return;
      }
      const image = imageNudges(nets[choice], COST, example.pixels, example.label);
      const out = image.layers[0];
      const biggest = out.wishes.reduce((best, w, j) => (Math.abs(w) > Math.abs(out.wishes[best]) ? j : best), 0);
      status.textContent = ctx.f(choice === 'trained' ? 'answersTrained' : 'answersUntrained', { answer: networkAnswer(nets[choice], example.bytes).answer, label: example.label });
      bars.render(
        out.wishes.map((w, j) => ({ neuron: j, activation: out.activations[j], target: j === example.label ? 1 : 0, wish: w, highlight: j === example.label })),
        2,
      );
      bars.element.dataset.network = choice;
      cost.textContent = ctx.f('cost', { cost: sig(ctx, image.cost), size: sig(ctx, out.wishes.reduce((s, w) => s + Math.abs(w), 0)) });
      cost.dataset.name = 'cost';
      cost.dataset.value = String(image.cost);
      ctx.question.report({ label: example.label, activations: out.activations, wishes: out.wishes, biggest });
    };
    everyFrame(ctx.digit.watch, draw);
  },
};
