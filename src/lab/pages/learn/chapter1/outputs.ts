import { el } from '../../../components/figure-parts.js';
import { answerPanel } from '../../../components/output-bars.js';
import type { Section } from '../chapter.js';
import { labWithDigit } from './controls.js';
import { networkAnswer } from '../../../shared/inference.js';
import { everyFrame } from './forward.js';

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
    const { view, bars } = answerPanel(right, ctx.f('answer'), ctx.f('outputs'));
    view.format = (v) => ctx.num(v, 2);
    row.append(left, right);
    host.append(row);
    everyFrame(ctx.digit.watch, () => {
      const pixels = ctx.digit.pixels;
      if (pixels === null) {
        view.render(null, null, ctx.f('noAnswer'));
        return;
      }
      const { outputs, answer } = networkAnswer(net, pixels);
      view.render(outputs, answer, ctx.f('noAnswer'));
      bars.dataset.value = Array.from(outputs).join(',');
      ctx.done();
    });
    // The live region speaks once the answer settles (a stroke ends, an image is chosen), as the Lab's does — not on every frame of a stroke.
    ctx.digit.watchSettled(() => {
      const pixels = ctx.digit.pixels;
      if (pixels !== null) view.announce(ctx.f('announce', { digit: networkAnswer(net, pixels).answer }));
    });
  },
};
