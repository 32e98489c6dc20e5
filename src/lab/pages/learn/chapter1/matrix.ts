import { sigmoid } from '../../../../core/activations.js';
import { el } from '../../../components/figure-parts.js';
import { MatrixStrip } from '../../../components/matrix-strip.js';
import type { Section } from '../chapter.js';
import { compact } from '../chapter2/words.js';
import { everyFrame, forwardPixels, texNumber } from './forward.js';

/**
 * The same thing as a matrix: the first layer of the pretrained network as W (16 × 784), the
 * learner's digit as the column a, then Wa, + b and σ, entry by entry — computed here as one
 * matrix product, and set beside the engine's own forward pass (`traceForward`), which gives
 * the same 16 activations.
 */
export const matrix: Section = {
  id: 'matrix',
  deeper: { view: 'lab' },
  cli: null,
  async mount(host, ctx) {
    const net = await ctx.model();
    const rows = net.sizes[1];
    const columns = net.sizes[0];
    const W = net.weights[0];
    const b = net.biases[0];
    const top = el('div', 'figure-row');
    const padCell = el('div', 'figure-cell');
    ctx.digit.mountPad(padCell);
    const right = el('div', 'figure-cell matrix-cell');
    let row: number | null = null;
    const strip = new MatrixStrip(right, rows, columns, { matrix: ctx.f('matrix'), column: ctx.f('column'), row: (j) => ctx.f('row', { j }), idle: ctx.f('idle') }, (j) => {
      row = j;
      draw();
    });
    strip.palette = ctx.palette;
    const formula = el('div', 'matrix-formula');
    right.append(formula);
    top.append(padCell, right);
    const table = el('table', 'numbers matrix-table');
    const head = el('tr');
    for (const h of ['j', '(Wa)_j', 'b_j', 'z_j = (Wa)_j + b_j', "a'_j = \\sigma(z_j)"]) {
      const th = el('th');
      th.append(ctx.tex(h));
      head.append(th);
    }
    table.createTHead().append(head);
    const body = table.createTBody();
    const check = el('p', 'matrix-check');
    host.append(top, table, check);
    const draw = (): void => {
      const pixels = ctx.digit.pixels ?? new Uint8Array(columns);
      const a = Float64Array.from(pixels, (v) => v / 255);
      strip.render(W, a);
      // One matrix product: (Wa)_j = Σ_k W_jk a_k for every row j.
      const Wa = new Float64Array(rows);
      for (let j = 0; j < rows; j++) {
        let s = 0;
        for (let k = 0; k < columns; k++) s += W[j * columns + k] * a[k];
        Wa[j] = s;
      }
      const engine = forwardPixels(net, pixels).activations[1];
      body.replaceChildren();
      let largest = 0;
      for (let j = 0; j < rows; j++) {
        const z = Wa[j] + b[j];
        const out = sigmoid.f(z);
        largest = Math.max(largest, Math.abs(out - engine[j]));
        const r = el('tr');
        if (j === row) r.className = 'chosen';
        r.dataset.neuron = String(j);
        const cell = el('td', '', ctx.num(out, 4));
        cell.dataset.name = 'activation';
        cell.dataset.value = String(out);
        r.append(el('th', '', String(j)), el('td', '', ctx.num(Wa[j], 3)), el('td', '', ctx.num(b[j], 3)), el('td', '', ctx.num(z, 3)), cell);
        body.append(r);
      }
      check.textContent = ctx.f('check', { difference: largest === 0 ? '0' : compact(ctx, largest) });
      check.dataset.value = String(largest);
      const j = row ?? 0;
      const t = (v: number): string => texNumber(ctx.num, v, 3);
      const z = Wa[j] + b[j];
      formula.replaceChildren(ctx.tex(`a'_{${j}} = \\sigma\\Big(\\sum_{k} W_{${j}k}\\, a_k + b_{${j}}\\Big) = \\sigma(${t(Wa[j])} ${b[j] < 0 ? '-' : '+'} ${t(Math.abs(b[j]))}) = \\sigma(${t(z)}) = ${texNumber(ctx.num, sigmoid.f(z), 4)}`, true));
      strip.say(ctx.f('row', { j }));
      if (ctx.digit.pixels !== null) ctx.done();
    };
    everyFrame(ctx.digit.watch, draw);
  },
};
