import { el } from '../../../components/figure-parts.js';
import type { Section } from '../chapter.js';
import { mountDescent } from './descent-figure.js';
import { counted, word } from './words.js';

/** Where the ball ended, for the question. */
export interface ValleyResult {
  readonly start: number;
  readonly end: number;
  readonly steps: number;
  /** The path settled in a valley (else it was still moving or flew off). */
  readonly settled: boolean;
  /** The valley reached is the lowest of the curve. */
  readonly deepest: boolean;
  /** Where the lowest valley is. */
  readonly deepestAt: number;
}

/**
 * Rolling downhill: How it learns' descent panel on the 1-D curve C(w) = w²/10 + 2 sin w + 3,
 * which has three valleys. The learner drops the ball (a click), guesses which way it ends,
 * then it rolls: the path from `descend`, the valley named from `findMinima`.
 */
export const descentCurve: Section<ValleyResult> = {
  id: 'descent-curve',
  deeper: { view: 'explain', hash: 'view=descent' },
  cli: 'npx digitlab explain descent --landscape curve --start 7.5',
  question: {
    // A ball still moving (or flown off) is in no valley: the result fits neither choice.
    judge: (r) => (!r.settled ? -1 : r.end < r.start ? 0 : 1),
    values: (r, ctx) => ({
      end: ctx.num(r.end, 2),
      steps: counted(ctx, 'steps', r.steps),
      side: word(ctx, r.end < r.start ? 'left' : 'right'),
      deepest: !r.settled ? word(ctx, 'notSettled') : r.deepest ? word(ctx, 'deepest') : word(ctx, 'notDeepest', { w: ctx.num(r.deepestAt, 2) }),
    }),
  },
  mount(host, ctx) {
    const figure = mountDescent(host, ctx, 'curve');
    const where = el('p', 'descent-start');
    figure.root.prepend(where);
    ctx.question.hideUntilAnswered(figure.parts.step, figure.parts.play, figure.parts.outcome);
    const report = (): void => {
      const path = figure.path();
      const end = path.points[path.points.length - 1].point[0];
      const start = figure.store.state.start[0];
      where.textContent = ctx.f('start', { w: ctx.num(start, 2) });
      where.dataset.start = String(start);
      where.dataset.end = String(end);
      where.dataset.steps = String(path.points.length - 1);
      ctx.question.report({ start, end, steps: path.points.length - 1, settled: path.outcome === 'converged', deepest: path.minimum === 0, deepestAt: figure.minima[0][0] });
    };
    figure.store.watch(['start', 'learningRate'], () => {
      report();
      if (ctx.question.answered) figure.roll();
    });
    report();
    ctx.question.whenAnswered(() => figure.roll());
  },
};
