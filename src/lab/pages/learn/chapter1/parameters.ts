import { parameterCount, SEED_ARCHITECTURE } from '../../../../core/network.js';
import { el } from '../../../components/figure-parts.js';
import { LayerSizeEditor } from '../../../components/layer-size-editor.js';
import type { Section, SectionContext } from '../chapter.js';

/** The computed answer: the parameters of the network the editor describes, against the source's 16-16 network. */
export interface ParametersResult {
  readonly sizes: readonly number[];
  readonly total: number;
  readonly base: number;
}

/** The ratios the three choices stand for ("about twice", "about four times", "about the same"). */
const CHOICE_RATIOS = [2, 4, 1];

/** "784 × 32 + 32 × 32 + 32 × 10" weights and "32 + 32 + 10" biases, for `sizes`. */
function formula(sizes: readonly number[]): { weights: string; biases: string } {
  const layers = sizes.slice(1).map((n, i) => ({ from: sizes[i], to: n }));
  return { weights: layers.map((l) => `${l.from} × ${l.to}`).join(' + '), biases: layers.map((l) => String(l.to)).join(' + ') };
}

/**
 * 13,002 knobs: a layer-size editor and the count written out layer by layer (weights
 * n_{l−1}·n_l and biases n_l, summed by `parameterCount`). The question doubles the width: the
 * result is the editor's network against the source's, judged by the nearest ratio (in
 * doublings) of the three offered, or none when it is more than half a doubling from all. The counts stay hidden until the guess.
 */
export const parameters: Section<ParametersResult> = {
  id: 'parameters',
  deeper: (ctx) => ({ view: 'lab', hash: `layers=${ctx.keep('hidden', () => [16, 16]).join(',')}` }),
  cli: 'npx digitlab info',
  textValues: (ctx) => ({ total: ctx.num(parameterCount(SEED_ARCHITECTURE.sizes)) }),
  question: {
    judge: (r) => {
      const doublings = Math.log2(r.total / r.base);
      const distances = CHOICE_RATIOS.map((c) => Math.abs(Math.log2(c) - doublings));
      const nearest = Math.min(...distances);
      // Within half a doubling of a choice, it is that choice; 8 times as many is none of them.
      return nearest <= 0.5 ? distances.indexOf(nearest) : -1;
    },
    values: (r, ctx) => {
      const f = formula(r.sizes);
      return { weights: f.weights, biases: f.biases, total: ctx.num(r.total), ratio: ctx.num(r.total / r.base, 2), base: ctx.num(r.base) };
    },
  },
  mount(host, ctx) {
    const hidden = ctx.keep('hidden', () => [...SEED_ARCHITECTURE.sizes.slice(1, -1)]);
    const base = parameterCount(SEED_ARCHITECTURE.sizes);
    const counts = el('div', 'parameter-counts');
    const editor = new LayerSizeEditor(
      host,
      { input: 784, output: 10 },
      hidden,
      { layer: (n) => ctx.f('hiddenLayer', { n }), add: ctx.f('addLayer'), remove: ctx.f('removeLayer'), input: ctx.f('inputLayer'), output: ctx.f('outputLayer') },
      (sizes) => {
        hidden.splice(0, hidden.length, ...sizes.slice(1, -1));
        show(sizes);
        ctx.done();
      },
    );
    host.append(counts);
    ctx.question.hideUntilAnswered(counts);
    const show = (sizes: number[]): void => {
      counts.replaceChildren(countTable(sizes, ctx));
      const total = parameterCount(sizes);
      counts.dataset.value = String(total);
      ctx.question.report({ sizes, total, base });
    };
    show(editor.layers);
    // The question asks about 32-wide hidden layers: a learner who guessed without editing sees that network.
    ctx.question.whenAnswered(() => {
      if (hidden.join(',') === SEED_ARCHITECTURE.sizes.slice(1, -1).join(',')) editor.setHidden(hidden.map(() => 32));
    });
  },
};

/** One row per layer of weights: n_{l−1} × n_l weights + n_l biases = its count; then the total. */
function countTable(sizes: readonly number[], ctx: SectionContext<ParametersResult>): HTMLElement {
  const table = el('table', 'numbers parameter-table');
  const head = el('tr');
  for (const h of [ctx.f('colLayer'), ctx.f('colWeights'), ctx.f('colBiases'), ctx.f('colTotal')]) head.append(el('th', '', h));
  table.createTHead().append(head);
  const body = table.createTBody();
  for (let l = 1; l < sizes.length; l++) {
    const r = el('tr');
    const name = l === sizes.length - 1 ? ctx.f('outputLayer') : ctx.f('hiddenLayer', { n: l });
    r.append(el('th', '', name), el('td', '', `${sizes[l - 1]} × ${sizes[l]} = ${ctx.num(sizes[l - 1] * sizes[l])}`), el('td', '', ctx.num(sizes[l])), el('td', '', ctx.num(parameterCount([sizes[l - 1], sizes[l]]))));
    body.append(r);
  }
  const sum = el('tr', 'total');
  const total = el('td', '', ctx.num(parameterCount(sizes)));
  total.dataset.name = 'total';
  total.dataset.value = String(parameterCount(sizes));
  sum.append(el('th', '', ctx.f('all')), el('td'), el('td'), total);
  body.append(sum);
  return table;
}
