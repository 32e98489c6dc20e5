import { el } from '../../../components/figure-parts.js';
import type { Section, SectionContext } from '../chapter.js';
import { RACE_DEFAULTS, type RaceResult } from './race.js';
import type { RaceMessage } from './race-worker.js';
import { siteRoot } from '../../../site/site-root.js';

/** Colours of the two runs (the Lab's compare colours). */
const COLOURS = { sigmoid: '#7fd4ff', relu: '#ff9fd0', tanh: '#b8e986' } as const;

/**
 * Sigmoid or ReLU: the question first; then two networks that differ only in the hidden
 * activation, each at the settings fair to it (src/experiments/activations.ts), train from
 * seed 1 in a Worker, the test set scored every 20 mini-batches, until both reach 90 % (another seed: another start and order, and another race). The
 * answer is the one that needed fewer training images (the same number, within one scoring:
 * both at once).
 */
export const relu: Section<RaceResult> = {
  id: 'relu',
  deeper: { view: 'experiments', hash: 'at=activations' },
  cli: 'npx digitlab experiment activations',
  question: {
    judge: (r) => {
      const [s, q] = ['sigmoid', 'relu'].map((a) => r.runs.find((run) => run.activation === a)?.examplesToTarget ?? Infinity);
      return s === q ? 2 : s < q ? 0 : 1;
    },
    values: (r, ctx) => {
      const ranked = [...r.runs].sort((p, q) => (p.examplesToTarget ?? Infinity) - (q.examplesToTarget ?? Infinity));
      const name = (a: string): string => ctx.f(a === 'sigmoid' ? 'sigmoidName' : 'reluName');
      const count = (n: number | null): string => (n === null ? ctx.f('never') : ctx.num(n));
      return { first: name(ranked[0].activation), second: name(ranked[1].activation), firstExamples: count(ranked[0].examplesToTarget), secondExamples: count(ranked[1].examplesToTarget) };
    },
  },
  async mount(host, ctx) {
    const chartHost = el('div', 'chart race-chart');
    const status = el('p', 'muted race-status', ctx.f('waiting'));
    const summary = el('div', 'race-summary');
    const again = el('div', 'buttons race-again');
    const seedLabel = el('label');
    const seed = el('input');
    seed.type = 'number';
    seed.name = 'seed';
    seed.min = '0';
    seed.step = '1';
    const run = el('button', '', ctx.f('again'));
    run.type = 'button';
    seedLabel.append(el('span', '', ctx.f('seed')), seed);
    again.append(seedLabel, run);
    again.hidden = true;
    host.append(status, chartHost, summary, again);
    // The chart library loads with this section only, not with the chapter.
    const { CurveChart } = await import('../../../components/curve-chart.js');
    const chart = new CurveChart(chartHost, ctx.f('chartTitle', { target: ctx.pct(RACE_DEFAULTS.target, 0) }), ctx.f('axis'), (v) => ctx.pct(v, 0), [0, 1]);
    const series = RACE_DEFAULTS.activations.map((a) => ({ id: a, label: ctx.f(a === 'sigmoid' ? 'sigmoidLegend' : 'reluLegend'), colour: COLOURS[a] }));
    chart.reset(series);
    const kept = ctx.keep('race', () => ({ seed: RACE_DEFAULTS.seed, result: null as RaceResult | null, points: [] as [string, number, number][] }));
    seed.value = String(kept.seed);
    for (const [id, x, y] of kept.points) chart.add(id, x, y);
    const show = (result: RaceResult): void => {
      ctx.question.report(result);
      summary.replaceChildren(summaryTable(result, ctx));
      status.textContent = ctx.f('finished');
      again.hidden = false;
      ctx.done();
    };
    const start = (): void => {
      kept.points = [];
      kept.result = null;
      chart.reset(series);
      summary.replaceChildren();
      again.hidden = true;
      ctx.question.report(null);
      const worker = ctx.worker(() => new Worker(new URL('./race-worker.ts', import.meta.url), { type: 'module', name: 'digitlab-race' }));
      worker.onmessage = (event: MessageEvent<RaceMessage>) => {
        const m = event.data;
        if (m.type === 'loading') status.textContent = ctx.f('loading', { percent: ctx.pct(m.fraction, 0) });
        else if (m.type === 'point') {
          status.textContent = ctx.f('training');
          kept.points.push([m.point.activation, m.point.examples, m.point.accuracy]);
          chart.add(m.point.activation, m.point.examples, m.point.accuracy);
        } else if (m.type === 'result') {
          kept.result = m.result;
          show(m.result);
          worker.terminate();
        } else status.textContent = ctx.f('failed', { message: m.message });
      };
      worker.postMessage({ origin: siteRoot(), seed: kept.seed });
    };
    run.addEventListener('click', () => {
      const n = Number(seed.value);
      if (Number.isInteger(n) && n >= 0) kept.seed = n;
      start();
    });
    // The race starts once the learner has guessed (or shows the one already run this visit).
    ctx.question.whenAnswered(() => {
      if (kept.result) show(kept.result);
      else start();
    });
  },
};

function summaryTable(result: RaceResult, ctx: SectionContext<RaceResult>): HTMLElement {
  const table = el('table', 'numbers');
  const head = el('tr');
  for (const h of [ctx.f('colRun'), ctx.f('colRate'), ctx.f('colImages'), ctx.f('colFinal')]) head.append(el('th', '', h));
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const run of result.runs) {
    const r = el('tr');
    r.dataset.activation = run.activation;
    const images = el('td', '', run.examplesToTarget === null ? ctx.f('never') : ctx.num(run.examplesToTarget));
    images.dataset.name = 'examplesToTarget';
    images.dataset.value = String(run.examplesToTarget);
    r.append(el('th', '', ctx.f(run.activation === 'sigmoid' ? 'sigmoidLegend' : 'reluLegend')), el('td', '', ctx.num(run.learningRate, 1)), images, el('td', '', ctx.pct(run.finalAccuracy, 1)));
    body.append(r);
  }
  return table;
}
