import { flatParameter, type GradientAverage } from '../../../../explain/gradient-average.js';
import { splitParameters } from '../../../../explain/parameter-vector.js';
import { el, table } from '../../../components/figure-parts.js';
import { Segmented } from '../../../components/segmented.js';
import { SignedTiles } from '../../../components/signed-tiles.js';
import { WishBars } from '../../../components/wish-bars.js';
import type { Section, SectionContext } from '../chapter.js';
import type { AverageMessage, AverageRequest } from './average-worker.js';
import { COST, nudgesView, chosenNetwork, type NetworkChoice, networkOf, networkSwitch } from './backprop-input.js';
import { counted } from '../chapter2/words.js';
import { sig } from './format.js';
import { siteRoot } from '../../../site/site-root.js';

/** How many of the first training images are averaged; 'all' = the whole training set. */
type Count = number | 'all';
const COUNTS: readonly Count[] = [1, 10, 100, 1000, 'all'];
/** The number of images shown first. */
const FIRST_COUNT = 100;

/** The cosine of two vectors. */
function cosine(u: Float64Array, v: Float64Array): number {
  let dot = 0;
  let uu = 0;
  let vv = 0;
  for (let i = 0; i < u.length; i++) {
    dot += u[i] * v[i];
    uu += u[i] * u[i];
    vv += v[i] * v[i];
  }
  return uu > 0 && vv > 0 ? dot / Math.sqrt(uu * vv) : 0;
}

/**
 * Average over all examples: −∇C. A Worker averages the per-image nudges of the chosen
 * network over the first N training images (N = 1, 10, 100, 1,000 at once; the whole
 * training set when asked) and sets the engine's batched backward over the same images beside
 * it (`gradientAverage`). The figure shows, for the chosen N, the output layer's averaged bias
 * nudges and the 16 first-layer neurons' averaged weight nudges, the largest difference
 * between the two averages against the largest component, and a table of every N computed:
 * its cost, that difference, and how close its direction is to that of the most images
 * averaged so far. Done once the learner has looked at another N than the first.
 */
export const average: Section = {
  id: 'average',
  deeper: () => nudgesView(),
  cli: 'npx digitlab explain nudges --untrained 1',
  async mount(host, ctx) {
    const nets = { trained: await ctx.model(), untrained: await networkOf(ctx, 'untrained') };
    const kept = ctx.keep('averages', () => ({ results: new Map<string, GradientAverage>(), count: FIRST_COUNT as Count, trainCount: 0 }));
    let choice = chosenNetwork();
    const controls = el('div', 'figure-controls');
    networkSwitch(controls, ctx, (c) => {
      choice = c;
      request();
      draw();
    });
    const label = (n: Count): string => (n === 'all' ? (kept.trainCount > 0 ? ctx.f('allCount', { n: ctx.num(kept.trainCount) }) : ctx.f('all')) : ctx.num(n));
    const counts = new Segmented<Count>(controls, ctx.f('countLabel'), COUNTS.map((n) => ({ value: n, text: label(n) })), kept.count, (n) => {
      kept.count = n;
      request();
      draw();
    });
    const status = el('p', 'muted average-status');
    status.setAttribute('role', 'status');
    const summary = el('p', 'average-summary');
    const body = el('div', 'figure-row average-body');
    const biasCell = el('div', 'figure-cell');
    biasCell.append(el('h4', '', ctx.f('biasHeading')));
    const bars = new WishBars(biasCell, { head: [ctx.f('colOutput'), '', '', ctx.f('colNudge')], row: (j, _a, _y, w) => ctx.f('biasRow', { j, w }), format: (v) => sig(ctx, v) });
    bars.palette = ctx.palette;
    const mapCell = el('div', 'figure-cell');
    mapCell.append(el('h4', '', ctx.f('mapsHeading', { side: Math.sqrt(nets.trained.sizes[0]) })));
    let shown: GradientAverage | null = null;
    const maps = new SignedTiles(mapCell, nets.trained.sizes[1], {
      caption: (t) => ctx.f('neuronTile', { j: t }),
      pixel: (t, p) => {
        const q = t * nets.trained.sizes[0] + p;
        return ctx.f('weightNudge', { j: t, x: p % 28, y: Math.floor(p / 28), average: sig(ctx, shown?.averageNudges[q] ?? NaN, 4), gradient: sig(ctx, shown?.negativeGradient[q] ?? NaN, 4) });
      },
      idle: ctx.f('mapsIdle'),
    }, 56);
    maps.palette = ctx.palette;
    body.append(biasCell, mapCell);
    const tableHost = el('div', 'average-table');
    host.append(controls, status, summary, body, tableHost);

    const key = (c: NetworkChoice, n: Count): string => `${c}:${n}`;
    const pending = new Set<string>();
    const worker = ctx.worker(() => new Worker(new URL('./average-worker.ts', import.meta.url), { type: 'module', name: 'digitlab-average' }));
    const ask = (c: NetworkChoice, n: Count): void => {
      if (kept.results.has(key(c, n)) || pending.has(key(c, n))) return;
      pending.add(key(c, n));
      const net = nets[c];
      const message: AverageRequest = { origin: siteRoot(), network: c, architecture: { sizes: net.sizes, activation: net.activation, outputActivation: net.outputActivation }, cost: COST, weights: net.weights, biases: net.biases, count: n };
      worker.postMessage(message);
    };
    // The small averages at once (the chosen one first); the whole training set only when chosen.
    const request = (): void => {
      ask(choice, kept.count);
      for (const n of COUNTS) if (n !== 'all') ask(choice, n);
    };
    worker.onmessage = (event: MessageEvent<AverageMessage>) => {
      const m = event.data;
      if (m.type === 'loading') status.textContent = ctx.f('loading', { percent: ctx.pct(m.fraction, 0) });
      else if (m.type === 'progress') status.textContent = ctx.f('computing', { n: m.count !== 'all' ? counted(ctx, 'images', m.count) : kept.trainCount > 0 ? counted(ctx, 'images', kept.trainCount) : label('all'), percent: ctx.pct(m.done, 0) });
      else if (m.type === 'result') {
        kept.trainCount = m.trainCount;
        pending.delete(key(m.network as NetworkChoice, m.count));
        kept.results.set(key(m.network as NetworkChoice, m.count), m.average);
        draw();
      } else status.textContent = ctx.f('failed', { message: m.message });
    };
    const draw = (): void => {
      const result = kept.results.get(key(choice, kept.count)) ?? null;
      shown = result;
      body.hidden = result === null;
      counts.element.querySelectorAll<HTMLButtonElement>('button').forEach((b, i) => (b.textContent = label(COUNTS[i])));
      if (pending.size === 0) status.textContent = '';
      if (result === null) {
        summary.textContent = ctx.f('waiting');
        return;
      }
      const net = nets[choice];
      const parts = splitParameters(net.sizes, result.averageNudges);
      const L = net.layerCount;
      const where = flatParameter(net.sizes, result.maxDifferenceAt);
      summary.textContent = ctx.f('summary', {
        n: counted(ctx, 'images', result.count),
        cost: sig(ctx, result.cost, 4),
        max: sig(ctx, result.maxComponent),
        difference: sig(ctx, result.maxDifference, 2),
        where: ctx.f(where.kind === 'weight' ? 'whereWeight' : 'whereBias', { layer: where.layer, index: where.index }),
      });
      summary.dataset.name = 'maxDifference';
      summary.dataset.value = String(result.maxDifference);
      summary.dataset.max = String(result.maxComponent);
      summary.dataset.count = String(result.count);
      // Done once the learner has averaged over another number of images than the first shown.
      if (kept.count !== FIRST_COUNT) ctx.done();
      bars.render(Array.from(parts.biases[L - 1], (w, j) => ({ neuron: j, wish: w })));
      maps.render(Array.from({ length: net.sizes[1] }, (_, j) => parts.weights[0].subarray(j * net.sizes[0], (j + 1) * net.sizes[0])));
      tableHost.replaceChildren(summaryTable(ctx, choice, kept.results, label));
    };
    request();
    draw();
  },
};

/** One row per N computed for the network: cost, largest component, difference, agreement with the most images averaged. */
function summaryTable(ctx: SectionContext, choice: NetworkChoice, results: ReadonlyMap<string, GradientAverage>, label: (n: Count) => string): HTMLElement {
  const done = COUNTS.filter((n) => results.has(`${choice}:${n}`));
  const most = results.get(`${choice}:${done[done.length - 1]}`);
  const rows = done.map((n) => {
    const r = results.get(`${choice}:${n}`) as GradientAverage;
    return [label(n), sig(ctx, r.cost, 4), sig(ctx, r.maxComponent), sig(ctx, r.maxDifference, 2), most ? ctx.num(cosine(r.negativeGradient, most.negativeGradient), 3) : '–'];
  });
  const wrap = el('div');
  const head = [ctx.f('colCount'), ctx.f('colCost'), ctx.f('colMax'), ctx.f('colDifference'), ctx.f('colCosine', { n: label(done[done.length - 1] ?? 1) })];
  const t = table(head, rows, 'numbers stack-narrow');
  // On a phone each row becomes a small card of "column: value" lines (learn.css): each cell carries its column's name.
  for (const row of t.tBodies[0]?.rows ?? []) [...row.cells].forEach((cell, i) => (cell.dataset.label = head[i]));
  wrap.append(t);
  wrap.append(el('p', 'muted', ctx.f('tableNote')));
  return wrap;
}
