import { DrawPad } from '../../../components/draw-pad.js';
import { FIGURE_MESSAGES } from '../../../components/figure-messages.js';
import { Translator } from '../../../shared/i18n.js';
import { el } from '../../../components/figure-parts.js';
import { LayerBulbs } from '../../../components/layer-bulbs.js';
import { paintGray } from '../../../components/pixel-canvas.js';
import { imageAt } from '../../../shared/data-loader.js';
import type { Section, SectionContext } from '../chapter.js';
import { counted } from '../chapter2/words.js';
import { forwardPixels } from './forward.js';

/** A neuron counts as lit above this activation. */
const LIT = 0.5;

/**
 * The hope: two pads (a 9, an 8) and, under each, the pretrained network's second hidden
 * layer for that picture; the neurons lit (a > 0.5) in both are ringed and counted — a shared
 * "loop on top" neuron would be one of them — and the count is set beside what two random sets
 * of those sizes would share on average, which says whether it supports the hope. "Use test images" puts the test set's first 9 and
 * first 8 in the pads.
 */
export const hope: Section = {
  id: 'hope',
  deeper: { view: 'lab' },
  cli: null,
  async mount(host, ctx) {
    const net = await ctx.model();
    const pictures: (Uint8Array | null)[] = ctx.keep('pictures', () => [null, null]);
    const row = el('div', 'figure-row');
    const bulbs: LayerBulbs[] = [];
    const seen: HTMLCanvasElement[] = [];
    const pads: DrawPad[] = [];
    const overlap = el('p', 'overlap');
    const draw = (): void => {
      const lit = pictures.map((p) => {
        if (p === null) return null;
        const a2 = forwardPixels(net, p).activations[2];
        return { a2, lit: new Set([...a2.keys()].filter((j) => a2[j] > LIT)) };
      });
      const both = lit[0] && lit[1] ? new Set([...lit[0].lit].filter((j) => lit[1]?.lit.has(j))) : new Set<number>();
      lit.forEach((l, i) => {
        bulbs[i].render(l?.a2 ?? null, both);
        // A test image shows on its pad until the learner draws there.
        seen[i].hidden = !(pads[i]?.isEmpty ?? true) || pictures[i] === null;
        paintGray(seen[i], pictures[i] ?? new Uint8Array(784), 255);
      });
      if (lit[0] && lit[1]) {
        const [first, second] = [lit[0].lit.size, lit[1].lit.size];
        // Two sets of these sizes drawn at random from the layer's neurons share first · second / n on average.
        const chance = (first * second) / net.sizes[2];
        const neurons = (n: number, digits = 0): string => counted(ctx, 'neurons', n, digits);
        overlap.textContent = `${ctx.f('overlap', { both: neurons(both.size), first: neurons(first), second: neurons(second), threshold: ctx.num(LIT, 1) })} ${ctx.f(both.size >= chance + 1 ? 'overlapMore' : 'overlapNot', { chance: neurons(chance, 1) })}`;
        overlap.dataset.value = String(both.size);
        overlap.dataset.chance = String(chance);
        ctx.done();
      } else overlap.textContent = ctx.f('drawBoth');
    };
    for (const i of [0, 1]) {
      const cell = el('div', 'figure-cell hope-cell');
      const canvas = el('canvas', 'draw-pad-canvas small-pad');
      canvas.width = 280;
      canvas.height = 280;
      canvas.dataset.pad = String(i);
      canvas.setAttribute('aria-label', ctx.f(i === 0 ? 'padNine' : 'padEight'));
      const pad = new DrawPad(canvas, (pixels) => {
        pictures[i] = pixels;
        draw();
      });
      pad.setHint(new Translator(FIGURE_MESSAGES, ctx.language).t('drawPadKeys'));
      pads.push(pad);
      const clear = el('button', '', ctx.f('clear'));
      clear.type = 'button';
      clear.addEventListener('click', () => pad.clear());
      const stage = el('div', 'pad-stage small-stage');
      const small = el('canvas', 'kept-digit');
      small.width = 28;
      small.height = 28;
      small.setAttribute('aria-hidden', 'true');
      seen.push(small);
      stage.append(canvas, small);
      const buttons = el('div', 'buttons');
      buttons.append(clear);
      cell.append(el('h3', '', ctx.f(i === 0 ? 'padNine' : 'padEight')), stage, buttons, el('h4', '', ctx.f('layer2')));
      bulbs.push(new LayerBulbs(cell, net.sizes[2], { neuron: (j, a) => ctx.f('neuron', { j, a }), format: (a) => ctx.num(a, 2) }));
      row.append(cell);
    }
    const testButton = el('button', '', ctx.f('useTest'));
    testButton.type = 'button';
    testButton.addEventListener('click', () => void useTestImages(ctx, pictures, pads).then(draw));
    host.append(row, overlap, testButton);
    draw();
  },
};

async function useTestImages(ctx: SectionContext, pictures: (Uint8Array | null)[], pads: readonly DrawPad[]): Promise<void> {
  const test = await ctx.testSet();
  const first = (digit: number): Uint8Array => imageAt(test, test.labels.indexOf(digit));
  for (const pad of pads) if (!pad.isEmpty) pad.clear();
  pictures[0] = first(9);
  pictures[1] = first(8);
}
