import { el } from '../../../components/figure-parts.js';
import { ProductGrids } from '../../../components/product-grids.js';
import type { Section } from '../chapter.js';
import { everyFrame, texNumber } from './forward.js';
import { neuronPicker } from './controls.js';

/**
 * One neuron, a weighted sum: a first-layer neuron of the pretrained network, its weights, the
 * learner's digit and their products, and the sum Σ w·a (the bias is added two sections later).
 */
export const weightedSum: Section = {
  id: 'weighted-sum',
  deeper: { view: 'lab' },
  cli: 'npx digitlab experiment neuron-inputs',
  async mount(host, ctx) {
    const net = await ctx.model();
    const state = ctx.keep('neuron', () => ({ neuron: 0 }));
    const top = el('div', 'figure-row');
    const padCell = el('div', 'figure-cell');
    ctx.digit.mountPad(padCell);
    const right = el('div', 'figure-cell');
    right.append(neuronPicker(ctx, net.sizes[1], state.neuron, (j) => {
      state.neuron = j;
      draw();
    }));
    const grids = new ProductGrids(right, {
      weights: ctx.f('weights'),
      input: ctx.f('input'),
      product: ctx.f('product'),
      pixel: (x, y, w, a, wa) => ctx.f('pixel', { x, y, w, a, wa }),
      idle: ctx.f('idle'),
      format: (v) => ctx.num(v, 3),
    });
    grids.palette = ctx.palette;
    const sum = el('div', 'weighted-sum-line');
    right.append(sum);
    top.append(padCell, right);
    host.append(top);
    const n = net.sizes[0];
    const draw = (): void => {
      const j = state.neuron;
      const pixels = ctx.digit.pixels ?? new Uint8Array(n);
      const a = Float64Array.from(pixels, (v) => v / 255);
      const w = net.weights[0].subarray(j * n, (j + 1) * n);
      grids.render(w, a);
      let total = 0;
      for (let k = 0; k < n; k++) total += w[k] * a[k];
      const t = (v: number): string => texNumber(ctx.num, v, 3);
      // The sum alone: the bias comes two sections later ("Squash it, shift it").
      sum.replaceChildren(ctx.tex(`w_1 a_1 + w_2 a_2 + \\dots + w_{${n}} a_{${n}} = \\sum_k w_k a_k = ${t(total)}`, true));
      sum.dataset.name = 'weightedSum';
      sum.dataset.value = String(total);
      sum.dataset.neuron = String(j);
      ctx.done();
    };
    everyFrame(ctx.digit.watch, draw);
  },
};
