import { FIGURE_MESSAGES } from '../../../components/figure-messages.js';
import { el } from '../../../components/figure-parts.js';
import { NetworkView } from '../../../components/network-view.js';
import { networkViewText } from '../../../components/neuron-tooltip.js';
import { DIGIT_CLASS_NAMES } from '../../../../data/dataset.js';
import { Translator } from '../../../shared/i18n.js';
import { infer } from '../../../shared/inference.js';
import type { Section } from '../chapter.js';
import { labWithDigit } from './controls.js';
import { everyFrame } from './forward.js';

/** Layers in between: the pad and the Lab's network view, 784 → 16 → 16 → 10, with every neuron's numbers on hover or focus. */
export const layers: Section = {
  id: 'layers',
  deeper: labWithDigit,
  cli: 'npx digitlab info',
  async mount(host, ctx) {
    const net = await ctx.model();
    const t = new Translator(FIGURE_MESSAGES, ctx.language);
    const row = el('div', 'figure-row');
    const left = el('div', 'figure-cell');
    ctx.digit.mountPad(left);
    const right = el('div', 'figure-cell network-cell');
    const viewHost = el('div');
    viewHost.setAttribute('role', 'group');
    viewHost.setAttribute('aria-label', t.t('networkLabel'));
    right.append(viewHost);
    row.append(left, right);
    host.append(row);
    // A neuron named as the text names it: "hidden layer 2, neuron 6", "output 6" (the Lab says "layer 3, neuron 6").
    const words: typeof t.t = (key, values) =>
      key !== 'neuron' ? t.t(key, values) : Number(values?.layer) === net.layerCount ? ctx.f('outputNeuron', { neuron: values?.neuron ?? '' }) : ctx.f('hiddenNeuron', { layer: values?.layer ?? '', neuron: values?.neuron ?? '' });
    const view = new NetworkView(viewHost, networkViewText(words, DIGIT_CLASS_NAMES, () => net, () => view.refreshTooltip(), ctx.num), () => {});
    view.palette = ctx.palette;
    everyFrame(ctx.digit.watch, () => {
      const pixels = ctx.digit.pixels ?? new Uint8Array(784);
      // The light travels layer by layer (a short stagger in CSS, none under reduced motion).
      view.render(net, infer(net, pixels), true);
      ctx.done();
    });
  },
};
