import { el } from '../../../components/figure-parts.js';
import type { Section, SectionContext } from '../chapter.js';
import { counted, plain } from '../chapter2/words.js';
import { type NetworkRace, RACE_DEFAULTS, RACE_NETWORKS, type RaceResult, raceWinner } from './race.js';
import { raceVerdict, type VerdictWords } from './race-verdict.js';
import type { RaceMessage } from './race-worker.js';
import { siteRoot } from '../../../site/site-root.js';

/** Colours of the two activations (the Lab's compare colours). */
const COLOURS = { sigmoid: '#7fd4ff', relu: '#ff9fd0', tanh: '#b8e986' } as const;

/** The section's words and number formats for the verdict. */
function verdictWords(ctx: SectionContext<RaceResult>): VerdictWords {
  return { f: ctx.f, num: ctx.num, pct: ctx.pct, count: (key, n) => counted(ctx, key, n) };
}

/** The layer sizes as the text writes them: 784-16-16-10. */
const sizesText = (sizes: readonly number[]): string => sizes.join('-');

/**
 * Sigmoid or ReLU: the question first; then two races in a Worker (src/lab/pages/learn/
 * chapter1/race.ts), each between two networks that differ only in the hidden activation —
 * on a deeper network with four hidden layers, where the source's point (ReLU trains deep
 * networks more easily) shows, and on the course's own 784-16-16-10, where two layers are too
 * few for it to show. The question is about the deeper race: the answer is the activation that
 * needed fewer training images to reach 90 % test accuracy; a seed where neither got there
 * decides nothing, and no guess is marked wrong.
 */
export const relu: Section<RaceResult> = {
  id: 'relu',
  deeper: { view: 'experiments', hash: 'at=activations' },
  cli: 'npx digitlab experiment activations --layers 784,16,16,16,16,10',
  textValues: () => ({ deepSizes: sizesText(RACE_NETWORKS[0].sizes), courseSizes: sizesText(RACE_NETWORKS[1].sizes) }),
  question: {
    judge: (r) => {
      const deep = r.races.find((race) => race.network === 'deep');
      const winner = deep ? raceWinner(deep) : 'none';
      return winner === 'sigmoid' ? 0 : winner === 'relu' ? 1 : winner === 'tie' ? 2 : -1;
    },
    undecided: (r) => r.races.some((race) => race.network === 'deep' && raceWinner(race) === 'none'),
    values: (r, ctx) => raceVerdict(r, verdictWords(ctx)),
  },
  async mount(host, ctx) {
    const status = el('p', 'muted race-status', ctx.f('waiting'));
    const panels = RACE_NETWORKS.map((network) => {
      const box = el('section', 'race-network');
      box.dataset.network = network.id;
      const chartHost = el('div', 'chart race-chart');
      const summary = el('div', 'race-summary');
      box.append(el('h3', '', ctx.f(network.id === 'deep' ? 'deepHeading' : 'courseHeading', { sizes: sizesText(network.sizes) })), chartHost, summary);
      return { network, box, chartHost, summary };
    });
    const grid = el('div', 'race-grid');
    grid.append(...panels.map((p) => p.box));
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
    host.append(status, grid, again);
    // The chart library loads with this section only, not with the chapter.
    const { CurveChart, SharedExtent } = await import('../../../components/curve-chart.js');
    const extent = new SharedExtent(RACE_DEFAULTS.maxEpochs * 60_000);
    const charts = new Map(
      panels.map((p) => {
        const chart = new CurveChart(p.chartHost, ctx.f('chartTitle', { target: ctx.pct(RACE_DEFAULTS.target, 0) }), ctx.f('axis'), (v) => ctx.pct(v, 0), [0, 1], extent);
        return [p.network.id, chart] as const;
      }),
    );
    const series = (network: (typeof RACE_NETWORKS)[number]) =>
      RACE_DEFAULTS.activations.map((a) => ({ id: a, label: ctx.f(a === 'sigmoid' ? 'sigmoidLegend' : 'reluLegend', { rate: plain(ctx, network.rates[a]) }), colour: COLOURS[a] }));
    const resetCharts = (): void => {
      for (const p of panels) charts.get(p.network.id)?.reset(series(p.network));
    };
    resetCharts();
    const kept = ctx.keep('race', () => ({ seed: RACE_DEFAULTS.seed, result: null as RaceResult | null, points: [] as [string, string, number, number][] }));
    seed.value = String(kept.seed);
    for (const [network, id, x, y] of kept.points) charts.get(network as 'deep')?.add(id, x, y);
    const show = (result: RaceResult): void => {
      ctx.question.report(result);
      for (const p of panels) {
        const race = result.races.find((r) => r.network === p.network.id);
        p.summary.replaceChildren(...(race ? [summaryTable(race, ctx)] : []));
      }
      status.textContent = ctx.f('finished', { max: counted(ctx, 'raceImages', result.maxExamples) });
      again.hidden = false;
    };
    const start = (): void => {
      kept.points = [];
      kept.result = null;
      resetCharts();
      for (const p of panels) p.summary.replaceChildren();
      again.hidden = true;
      ctx.question.report(null);
      const worker = ctx.worker(() => new Worker(new URL('./race-worker.ts', import.meta.url), { type: 'module', name: 'digitlab-race' }));
      worker.onmessage = (event: MessageEvent<RaceMessage>) => {
        const m = event.data;
        if (m.type === 'loading') status.textContent = ctx.f('loading', { percent: ctx.pct(m.fraction, 0) });
        else if (m.type === 'point') {
          status.textContent = ctx.f('training');
          kept.points.push([m.point.network, m.point.activation, m.point.examples, m.point.accuracy]);
          charts.get(m.point.network)?.add(m.point.activation, m.point.examples, m.point.accuracy);
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

function summaryTable(race: NetworkRace, ctx: SectionContext<RaceResult>): HTMLElement {
  const table = el('table', 'numbers race-table');
  const head = el('tr');
  for (const h of [ctx.f('colRun'), ctx.f('colRate'), ctx.f('colImages'), ctx.f('colFinal')]) head.append(el('th', '', h));
  table.createTHead().append(head);
  const body = table.createTBody();
  for (const run of race.runs) {
    const r = el('tr');
    r.dataset.activation = run.activation;
    const images = el('td', '', run.examplesToTarget === null ? ctx.f('never') : ctx.num(run.examplesToTarget));
    images.dataset.name = 'examplesToTarget';
    images.dataset.value = String(run.examplesToTarget);
    const name = run.activation === 'sigmoid' ? 'σ' : 'ReLU';
    r.append(el('th', '', name), el('td', '', plain(ctx, run.learningRate)), images, el('td', '', ctx.pct(run.finalAccuracy, 1)));
    body.append(r);
  }
  return table;
}
