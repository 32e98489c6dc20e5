import { el } from '../../../components/figure-parts.js';
import { OutputBars } from '../../../components/output-bars.js';
import type { Section } from '../chapter.js';
import { labWithDigit } from './controls.js';
import { brightest, everyFrame, forwardPixels } from './forward.js';

/** Ten outputs, the brightest is the answer: the pad and the pretrained network's ten output activations. */
export const outputs: Section = {
  id: 'outputs',
  deeper: labWithDigit,
  cli: 'npx digitlab predict my-digit.png',
  async mount(host, ctx) {
    const net = await ctx.model();
    const row = el('div', 'figure-row');
    const left = el('div', 'figure-cell');
    ctx.digit.mountPad(left);
    const right = el('div', 'figure-cell answer-cell');
    const answer = el('div', 'answer-digit', '–');
    answer.id = 'answer';
    const live = el('p', 'visually-hidden');
    live.setAttribute('aria-live', 'polite');
    const bars = el('div');
    bars.setAttribute('role', 'group');
    bars.setAttribute('aria-label', ctx.f('outputs'));
    right.append(el('h3', '', ctx.f('answer')), answer, live, bars);
    const view = new OutputBars(bars, answer, live);
    row.append(left, right);
    host.append(row);
    everyFrame(ctx.digit.watch, () => {
      const pixels = ctx.digit.pixels;
      if (pixels === null) {
        view.render(null, null, ctx.f('noAnswer'));
        return;
      }
      const out = forwardPixels(net, pixels).activations.at(-1) as Float64Array;
      const digit = brightest(out);
      view.render(Float32Array.from(out), digit, ctx.f('noAnswer'));
      bars.dataset.value = Array.from(out).join(',');
      live.textContent = ctx.f('announce', { digit });
      ctx.done();
    });
  },
};
