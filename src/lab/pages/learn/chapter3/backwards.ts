import type { ImageNudges } from '../../../../explain/image-nudges.js';
import { imageNudges } from '../../../../explain/image-nudges.js';
import { networkAnswer } from '../../../shared/inference.js';
import { el } from '../../../components/figure-parts.js';
import { SignedTiles } from '../../../components/signed-tiles.js';
import { WishBars, type WishRow } from '../../../components/wish-bars.js';
import { WishMatrix } from '../../../components/wish-matrix.js';
import type { Section, SectionContext } from '../chapter.js';
import { everyFrame } from '../chapter1/forward.js';
import { COST, learnerExample, missingExample, mountExampleFigure, nudgesView } from './backprop-input.js';
import { sig } from './format.js';

/**
 * Wishes flow backwards, one layer per step, for the learner's example: step 0 shows
 * the outputs' wishes; step s passes the wishes of one layer to the one before it
 * (`image.backward[s − 1]` of the nudges explorable): the layer's wishes, the matrix of every
 * neuron's share w_jk · σ′(z_j) · wish_j of each earlier neuron's wish, and the column sums —
 * the earlier layer's wishes. The last step reaches the pixels (`image.inputWishes`): the 16
 * first-layer neurons' shares as 28×28 maps and their sum. Done when the pixels are reached.
 */
export const backwards: Section = {
  id: 'backwards',
  deeper: () => nudgesView(),
  cli: 'npx digitlab explain nudges',
  textValues: async (ctx) => {
    const net = await ctx.model();
    return { hidden: net.sizes[net.layerCount - 1], outputs: net.sizes[net.layerCount] };
  },
  async mount(host, ctx) {
    const { nets, cell: right, controls, network } = await mountExampleFigure(host, ctx, 'backwards-cell', () => draw());
    const L = nets.trained.layerCount;
    const state = ctx.keep('state', () => ({ step: 0 }));
    const buttons = el('div', 'buttons');
    const restart = button(ctx.f('restart'));
    const previous = button(ctx.f('previous'));
    const next = button(ctx.f('next'), 'primary');
    buttons.append(restart, previous, next);
    const strip = layerStrip(ctx, L);
    const title = el('h3', 'backwards-title');
    const status = el('p', 'muted');
    const stage = el('div', 'backwards-stage');
    right.append(controls, buttons, strip.element, title, status, stage);
    const go = (step: number): void => {
      state.step = Math.max(0, Math.min(L, step));
      draw();
      if (state.step === L) ctx.done();
    };
    restart.addEventListener('click', () => go(0));
    previous.addEventListener('click', () => go(state.step - 1));
    next.addEventListener('click', () => go(state.step + 1));
    const draw = (): void => {
      const example = learnerExample(ctx);
      previous.disabled = state.step === 0;
      next.disabled = state.step === L || example === null;
      strip.show(state.step);
      title.textContent = ctx.f(`step${state.step}`);
      stage.dataset.step = String(state.step);
      if (example === null) {
        status.textContent = missingExample(ctx);
        stage.replaceChildren();
        return;
      }
      const image = imageNudges(network(), COST, example.pixels, example.label);
      status.textContent = ctx.f('example', { label: example.label, answer: networkAnswer(network(), example.bytes).answer, cost: sig(ctx, image.cost) });
      stage.replaceChildren();
      if (state.step === 0) wishColumn(stage, ctx, ctx.f('outputsHeading'), outputRows(image));
      else showStep(stage, ctx, image, state.step);
    };
    everyFrame(ctx.digit.watch, draw);
  },
};

function button(text: string, className = ''): HTMLButtonElement {
  const b = el('button', className, text);
  b.type = 'button';
  return b;
}

/** The layers from the pixels to the outputs, those the wishes have reached lit. */
function layerStrip(ctx: SectionContext, L: number): { element: HTMLElement; show: (step: number) => void } {
  const list = el('ol', 'layer-strip');
  const items = Array.from({ length: L + 1 }, (_, l) => {
    const item = el('li', '', ctx.f(`layer${l}`));
    item.dataset.layer = String(l);
    list.append(item);
    return item;
  });
  return {
    element: list,
    show: (step) => items.forEach((item, l) => {
      item.classList.toggle('reached', l >= L - step);
      item.classList.toggle('current', l === L - step);
    }),
  };
}

function outputRows(image: ImageNudges): WishRow[] {
  const out = image.layers[0];
  return out.wishes.map((w, j) => ({ neuron: j, activation: out.activations[j], target: j === image.label ? 1 : 0, wish: w, highlight: j === image.label }));
}

/** One layer's wishes as bars under a heading; returns the column. */
function wishColumn(host: HTMLElement, ctx: SectionContext, heading: string, rows: readonly WishRow[]): HTMLElement {
  const column = el('div', 'wish-column');
  column.append(el('h4', '', heading));
  const bars = new WishBars(column, {
    head: [ctx.f('colNeuron'), ctx.f('colActivation'), ctx.f('colTarget'), ctx.f('colWish')],
    row: (j, a, y, w) => ctx.f(y === null ? 'hiddenRow' : 'outputRow', { j, a, y: y ?? '', w }),
    format: (v) => sig(ctx, v),
    formatActivation: (a) => ctx.num(a, 3),
  });
  bars.palette = ctx.palette;
  bars.render(rows);
  host.append(column);
  return column;
}

/** Step `s`: layer L − s + 1's wishes passed back to layer L − s. */
function showStep(stage: HTMLElement, ctx: SectionContext, image: ImageNudges, s: number): void {
  const step = image.backward[s - 1];
  const from = image.layers[s - 1];
  const fromRows: WishRow[] = from.wishes.map((w, j) => ({ neuron: j, activation: from.activations[j], wish: w, ...(s === 1 ? { target: j === image.label ? 1 : 0, highlight: j === image.label } : {}) }));
  wishColumn(stage, ctx, ctx.f(`wishesOf${step.from}`), fromRows).dataset.role = 'from';
  const middle = el('div', 'wish-column share-column');
  middle.append(el('h4', '', ctx.f(step.to > 0 ? 'sharesHeading' : 'pixelSharesHeading')));
  stage.append(middle);
  const f = (v: number): string => sig(ctx, v);
  if (step.to > 0) {
    const matrix = new WishMatrix(middle, {
      label: ctx.f('matrixLabel'),
      cell: (j, k) => ctx.f('cell', { j, k, share: f(step.contributions[j][k]), wish: f(from.wishes[j]) }),
      idle: ctx.f('matrixIdle'),
    });
    matrix.palette = ctx.palette;
    matrix.render(step.contributions);
    const to = image.layers[s];
    wishColumn(stage, ctx, ctx.f('summed', { wishes: ctx.f(`wishesOf${step.to}`) }), to.wishes.map((w, k) => ({ neuron: k, activation: to.activations[k], wish: w }))).dataset.role = 'to';
    return;
  }
  // Into the pixels: each first-layer neuron's share as a 28×28 map, and their sum.
  const shares = new SignedTiles(middle, step.contributions.length, {
    caption: (t) => ctx.f('neuronTile', { j: t }),
    pixel: (t, p) => ctx.f('pixelShare', { j: t, x: p % 28, y: Math.floor(p / 28), share: f(step.contributions[t][p]) }),
    idle: ctx.f('tilesIdle'),
  }, 56);
  shares.palette = ctx.palette;
  shares.render(step.contributions);
  const sum = el('div', 'wish-column');
  sum.dataset.role = 'to';
  sum.append(el('h4', '', ctx.f('pixelsHeading', { count: step.contributions.length })));
  const pixels = new SignedTiles(sum, 1, {
    caption: () => ctx.f('pixelsTile'),
    pixel: (_t, p) => ctx.f('pixelWish', { x: p % 28, y: Math.floor(p / 28), wish: f(image.inputWishes[p]) }),
    idle: ctx.f('tilesIdle'),
  }, 224);
  pixels.palette = ctx.palette;
  pixels.render([image.inputWishes]);
  sum.append(el('p', 'muted', ctx.f('pixelsNote')));
  stage.append(sum);
}
