import { quadratic } from '../../../../core/costs.js';
import type { Network } from '../../../../core/network.js';
import { type CostTerm, CostBars } from '../../../components/cost-bars.js';
import { el } from '../../../components/figure-parts.js';
import type { Section, SectionContext } from '../chapter.js';
import { networkAnswer } from '../../../shared/inference.js';
import { everyFrame } from '../chapter1/forward.js';
import { splitCounts } from './data.js';
import { type AverageCostResult, runJob } from './lesson-jobs.js';
import { lesson, untrainedNetwork } from './lesson.js';
import { compact, counted } from './words.js';

/** The ten terms (a_j − y_j)² and the engine's cost C₀ of `pixels` labelled `label` through `net`: the outputs and answer every page shows (`networkAnswer`). */
export function exampleCost(net: Network, pixels: Uint8Array, label: number): { terms: CostTerm[]; cost: number; answer: number } {
  const { outputs: a, answer } = networkAnswer(net, pixels);
  const terms = Array.from(a, (activation, j) => {
    const wanted = j === label ? 1 : 0;
    return { activation, wanted, term: (activation - wanted) ** 2 };
  });
  return { terms, cost: quadratic.value(a, 0, a.length, label, null), answer };
}

/**
 * The cost of one answer: the learner's digit and the label they say it is; for the untrained
 * network (the seed of "a random start") and for the trained one, the ten outputs, the wanted
 * ones and each (a − y)² as a bar, and their sum C₀ — the engine's quadratic cost. Then, on
 * demand, the average cost over all 60,000 training images for both networks, in a Worker.
 */
export const cost: Section = {
  id: 'cost',
  deeper: { view: 'explain', hash: 'view=nudges' },
  cli: 'npx digitlab eval',
  textValues: (ctx) => splitCounts(ctx),
  async mount(host, ctx) {
    const trained = await ctx.model();
    const untrained = untrainedNetwork(lesson.seed);
    const row = el('div', 'figure-row');
    const padCell = el('div', 'figure-cell');
    ctx.digit.mountPad(padCell, { withLabel: true });
    const prompt = el('p', 'muted cost-prompt');
    const columns = el('div', 'figure-cell cost-columns');
    const make = (title: string, name: string): { bars: CostBars; answer: HTMLElement } => {
      const box = el('section', 'cost-column');
      box.dataset.network = name;
      box.dataset.seed = String(lesson.seed);
      const answer = el('p', 'cost-answer');
      box.append(el('h3', '', title), answer);
      const bars = new CostBars(box, { columns: [ctx.f('colOutput'), 'a', 'y', '(a − y)²'], total: ctx.f('colTotal'), format: (v) => compact(ctx, v) });
      columns.append(box);
      return { bars, answer };
    };
    const views = { untrained: make(ctx.f('untrained', { seed: lesson.seed }), 'untrained'), trained: make(ctx.f('trained'), 'trained') };
    row.append(padCell, el('div', 'figure-cell cost-right'));
    (row.lastChild as HTMLElement).append(prompt, columns);
    host.append(row, averageBox(ctx));
    const draw = (): void => {
      const pixels = ctx.digit.pixels;
      const label = ctx.digit.label;
      prompt.textContent = pixels === null ? ctx.f('drawFirst') : label === null ? ctx.f('pickLabel') : ctx.f('labelIs', { label });
      for (const [name, net] of [['untrained', untrained], ['trained', trained]] as const) {
        const v = views[name];
        if (pixels === null || label === null) {
          v.bars.render(null, null);
          v.answer.textContent = '';
          continue;
        }
        const c = exampleCost(net, pixels, label);
        v.bars.render(c.terms, c.cost);
        v.answer.textContent = ctx.f('answers', { answer: c.answer });
      }
      if (pixels !== null && label !== null) ctx.done();
    };
    everyFrame(ctx.digit.watch, draw);
  },
};

/** The average cost over the training set, computed in the Worker when asked for. */
function averageBox(ctx: SectionContext): HTMLElement {
  const box = el('section', 'average-cost');
  const button = el('button', 'primary', ctx.f('averageButton'));
  button.type = 'button';
  const status = el('p', 'muted');
  status.setAttribute('role', 'status');
  const out = el('div', 'average-result');
  box.append(el('h3', '', ctx.f('averageHeading')), button, status, out);
  const kept = ctx.keep('average', () => new Map<number, AverageCostResult>());
  const show = (r: AverageCostResult): void => {
    status.textContent = '';
    const line = (key: string, value: number, name: string): HTMLElement => {
      const p = el('p', 'average-line', ctx.f(key, { seed: r.seed, cost: ctx.num(value, 4), count: ctx.num(r.count) }));
      p.dataset.name = name;
      p.dataset.value = String(value);
      return p;
    };
    out.replaceChildren(line('averageUntrained', r.untrained, 'untrained'), line('averageTrained', r.trained, 'trained'), el('p', '', ctx.f('averageRatio', { times: counted(ctx, 'times', Math.round(r.untrained / r.trained)) })));
    button.hidden = true;
  };
  const seed = lesson.seed;
  if (kept.has(seed)) show(kept.get(seed) as AverageCostResult);
  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = ctx.f('loadingTrain', { percent: ctx.pct(0, 0) });
    runJob(ctx, { job: 'average-cost', seed }, {
      loading: (f) => (status.textContent = ctx.f('loadingTrain', { percent: ctx.pct(f, 0) })),
      running: () => (status.textContent = ctx.f('computing')),
      result: (r) => {
        kept.set(seed, r);
        show(r);
      },
      error: (message) => {
        button.disabled = false;
        status.textContent = ctx.f('failed', { message });
      },
    });
  });
  return box;
}
