import { parameterCount } from '../../../../core/network.js';
import { el } from '../../../components/figure-parts.js';
import { OutputBars } from '../../../components/output-bars.js';
import type { Section } from '../chapter.js';
import { labelledSlider } from './controls.js';
import { networkAnswer } from '../../../shared/inference.js';
import { everyFrame, texNumber } from './forward.js';

/** Which parameter the learner holds: a weight w^l_jk or a bias b^l_j of layer l (1–3). */
interface Held {
  layer: number;
  kind: 'weight' | 'bias';
  neuron: number;
  input: number;
}

/**
 * The network is one function: pick any of the 13,002 parameters (layer, weight or bias,
 * neuron j, input k) and drag its value; the ten outputs for the learner's digit follow —
 * the engine's forward pass (`traceForward`) through a copy of the pretrained network with
 * that one number changed.
 */
export const fn: Section = {
  id: 'function',
  deeper: { view: 'lab' },
  cli: 'npx digitlab predict my-digit.png',
  textValues: async (ctx) => ({ count: ctx.num(parameterCount((await ctx.model()).sizes)) }),
  async mount(host, ctx) {
    const original = await ctx.model();
    const net = original.clone();
    const held = ctx.keep<Held>('held', () => ({ layer: 3, kind: 'bias', neuron: 0, input: 0 }));
    const values = ctx.keep('values', () => new Map<string, number>());
    for (const [key, v] of values) {
      const [l, kind, j, k] = key.split(':');
      if (kind === 'bias') net.biases[Number(l) - 1][Number(j)] = v;
      else net.weights[Number(l) - 1][Number(j) * net.sizes[Number(l) - 1] + Number(k)] = v;
    }
    const top = el('div', 'figure-row');
    const padCell = el('div', 'figure-cell');
    ctx.digit.mountPad(padCell);
    const controls = el('div', 'figure-cell function-cell');
    const field = (name: string, label: string, make: () => HTMLInputElement | HTMLSelectElement): HTMLInputElement | HTMLSelectElement => {
      const wrap = el('label');
      const input = make();
      input.name = name;
      wrap.append(el('span', '', label), input);
      controls.append(wrap);
      return input;
    };
    const layer = field('layer', ctx.f('layer'), () => el('select')) as HTMLSelectElement;
    for (let l = 1; l < net.sizes.length; l++) layer.append(Object.assign(el('option', '', ctx.f(l === net.sizes.length - 1 ? 'outputLayer' : 'hiddenLayer', { n: l })), { value: String(l) }));
    const kind = field('kind', ctx.f('kind'), () => el('select')) as HTMLSelectElement;
    kind.append(Object.assign(el('option', '', ctx.f('weight')), { value: 'weight' }), Object.assign(el('option', '', ctx.f('bias')), { value: 'bias' }));
    const number = (): HTMLInputElement => Object.assign(el('input'), { type: 'number', min: '0', step: '1' });
    const neuron = field('neuron', ctx.f('neuron'), number) as HTMLInputElement;
    const input = field('input', ctx.f('input'), number) as HTMLInputElement;
    const { label: valueLabel, text: valueText, slider } = labelledSlider('value', 'parameter', { min: -10, max: 10, step: 0.01 });
    const reset = el('button', '', ctx.f('reset'));
    reset.type = 'button';
    controls.append(valueLabel, reset);
    const outCell = el('div', 'figure-cell answer-cell');
    const answer = el('div', 'answer-digit', '–');
    const live = el('p', 'visually-hidden');
    const bars = el('div');
    outCell.append(el('h3', '', ctx.f('outputs')), answer, live, bars);
    const view = new OutputBars(bars, answer, live);
    view.format = (v) => ctx.num(v, 2);
    top.append(padCell, controls, outCell);
    const signature = el('p', 'function-signature');
    host.append(top, signature);
    signature.append(ctx.tex(ctx.f('signature', { count: texNumber(ctx.num, parameterCount(net.sizes), 0) }), true));

    const key = (): string => `${held.layer}:${held.kind}:${held.neuron}:${held.kind === 'bias' ? 0 : held.input}`;
    const get = (source = net): number => (held.kind === 'bias' ? source.biases[held.layer - 1][held.neuron] : source.weights[held.layer - 1][held.neuron * source.sizes[held.layer - 1] + held.input]);
    const set = (v: number): void => {
      if (held.kind === 'bias') net.biases[held.layer - 1][held.neuron] = v;
      else net.weights[held.layer - 1][held.neuron * net.sizes[held.layer - 1] + held.input] = v;
    };
    const sync = (): void => {
      layer.value = String(held.layer);
      kind.value = held.kind;
      neuron.max = String(net.sizes[held.layer] - 1);
      input.max = String(net.sizes[held.layer - 1] - 1);
      held.neuron = Math.min(held.neuron, net.sizes[held.layer] - 1);
      held.input = Math.min(held.input, net.sizes[held.layer - 1] - 1);
      neuron.value = String(held.neuron);
      input.value = String(held.input);
      input.disabled = held.kind === 'bias';
      slider.value = String(get());
    };
    const draw = (): void => {
      const v = get();
      const name = held.kind === 'bias' ? `b^{${held.layer}}_{${held.neuron}}` : `w^{${held.layer}}_{${held.neuron},${held.input}}`;
      valueText.replaceChildren(ctx.tex(name), ctx.f('value', { v: ctx.num(v, 3), trained: ctx.num(get(original), 3) }));
      valueText.dataset.value = String(v);
      const pixels = ctx.digit.pixels;
      if (pixels === null) {
        view.render(null, null, ctx.f('noDigit'));
        return;
      }
      const { outputs, answer } = networkAnswer(net, pixels);
      view.render(outputs, answer, '');
      bars.dataset.value = Array.from(outputs).join(',');
    };
    const onPick = (): void => {
      held.layer = Number(layer.value);
      held.kind = kind.value === 'bias' ? 'bias' : 'weight';
      held.neuron = Math.max(0, Number(neuron.value) || 0);
      held.input = Math.max(0, Number(input.value) || 0);
      sync();
      draw();
    };
    for (const c of [layer, kind, neuron, input]) c.addEventListener('change', onPick);
    slider.addEventListener('input', () => {
      set(Number(slider.value));
      values.set(key(), Number(slider.value));
      draw();
      ctx.done();
    });
    // Reset puts back every parameter the learner moved.
    reset.addEventListener('click', () => {
      net.weights.forEach((w, l) => w.set(original.weights[l]));
      net.biases.forEach((b, l) => b.set(original.biases[l]));
      values.clear();
      sync();
      draw();
    });
    sync();
    everyFrame(ctx.digit.watch, draw);
  },
};
