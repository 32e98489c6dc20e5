import { DESCENT_MAX_STEPS } from '../../../components/explain/descent-panel.js';
import { el, table } from '../../../components/figure-parts.js';
import { parameterCount, SEED_ARCHITECTURE } from '../../../../core/network.js';
import type { DescentPath } from '../../../../explain/descent.js';
import type { Section, SectionContext } from '../chapter.js';
import { mountDescent } from './descent-figure.js';
import { counted, plain, word } from './words.js';

/** Steps to the bottom at η and at η / 2 (null: not within the steps the panel computes). */
export interface HalfStepResult {
  readonly eta: number;
  readonly steps: number | null;
  readonly halfSteps: number | null;
}

const toBottom = (path: DescentPath): number | null => (path.outcome === 'converged' ? path.points.length - 1 : null);

/** How many steps, or "not within the budget", in words. */
function stepsText(ctx: SectionContext<HalfStepResult>, steps: number | null): string {
  return steps === null ? word(ctx, 'neverSettles', { n: ctx.num(DESCENT_MAX_STEPS) }) : counted(ctx, 'toBottom', steps);
}

/**
 * Downhill in two dimensions: How it learns' descent panel on the surface with three dips; the
 * learner sets the step size η. The question: halve η — more steps to the bottom, or fewer?
 * Answered by running `descend` at η and η/2 from the same start (a too large η that zig-zags
 * can need more steps than half of it).
 */
export const descentSurface: Section<HalfStepResult> = {
  id: 'descent-surface',
  deeper: { view: 'explain', hash: 'view=descent' },
  cli: 'npx digitlab explain descent --landscape surface --lr 0.5,0.25',
  textValues: (ctx) => ({ parameters: ctx.num(parameterCount(SEED_ARCHITECTURE.sizes)) }),
  question: {
    judge: (r) => {
      // Neither step size reaches the bottom: no count to compare, the result fits no choice.
      if (r.steps === null && r.halfSteps === null) return -1;
      const [s, h] = [r.steps ?? Infinity, r.halfSteps ?? Infinity];
      return s === h ? 2 : h < s ? 0 : 1;
    },
    values: (r, ctx) => {
      const [s, h] = [r.steps ?? Infinity, r.halfSteps ?? Infinity];
      return { eta: plain(ctx, r.eta), halfEta: plain(ctx, r.eta / 2), steps: stepsText(ctx, r.steps), halfSteps: stepsText(ctx, r.halfSteps), why: word(ctx, r.steps === null && r.halfSteps === null ? 'whyNeither' : s === h ? 'whyEqual' : h > s ? 'whyMore' : 'whyFewer') };
    },
  },
  mount(host, ctx) {
    const figure = mountDescent(host, ctx, 'surface');
    const compare = el('div', 'half-step');
    const half = el('button', '', ctx.f('tryHalf'));
    half.type = 'button';
    half.addEventListener('click', () => {
      figure.setRate(figure.store.state.learningRate / 2);
      ctx.done();
    });
    const tableBox = el('div');
    compare.append(tableBox, half);
    figure.root.append(compare);
    ctx.question.hideUntilAnswered(compare);
    const report = (): void => {
      const s = figure.store.state;
      const full = figure.path(s);
      const halved = figure.path({ ...s, learningRate: s.learningRate / 2 });
      const result: HalfStepResult = { eta: s.learningRate, steps: toBottom(full), halfSteps: toBottom(halved) };
      const t = table([ctx.f('colEta'), ctx.f('colSteps')], [[plain(ctx, result.eta), stepsText(ctx, result.steps)], [plain(ctx, result.eta / 2), stepsText(ctx, result.halfSteps)]]);
      t.dataset.value = `${result.steps},${result.halfSteps}`;
      t.dataset.eta = String(result.eta);
      tableBox.replaceChildren(t);
      ctx.question.report(result);
    };
    figure.store.watch(['start', 'learningRate'], () => {
      report();
      if (ctx.question.answered) figure.roll();
    });
    report();
    // The guess made, the ball rolls at once (no need to find Play).
    ctx.question.whenAnswered(() => figure.roll());
  },
};
