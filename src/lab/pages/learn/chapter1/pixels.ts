import { ActivationGrid } from '../../../components/activation-grid.js';
import { el } from '../../../components/figure-parts.js';
import type { Section } from '../chapter.js';
import { everyFrame } from './forward.js';

/** A picture is 784 numbers: the draw pad, and the 28×28 input layer with each pixel's activation on demand. */
export const pixels: Section = {
  id: 'pixels',
  deeper: { view: 'lab' },
  cli: 'npx digitlab predict my-digit.png',
  mount(host, ctx) {
    const row = el('div', 'figure-row');
    const left = el('div', 'figure-cell');
    left.append(el('h3', '', ctx.f('padHeading')));
    ctx.digit.mountPad(left, { withLabel: true });
    const right = el('div', 'figure-cell');
    right.append(el('h3', '', ctx.f('gridHeading')));
    const grid = new ActivationGrid(right, {
      label: ctx.f('gridLabel'),
      idle: ctx.f('idle'),
      pixel: (x, y, a) => ctx.f('pixel', { x, y, a }),
      format: (a) => ctx.num(a, 2),
    });
    row.append(left, right);
    host.append(row);
    everyFrame(ctx.digit.watch, () => {
      grid.render(ctx.digit.pixels);
      if (ctx.digit.pixels !== null) ctx.done();
    });
  },
};
