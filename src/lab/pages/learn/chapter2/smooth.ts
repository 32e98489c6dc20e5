import { takeFirst } from '../../../../data/dataset.js';
import { trainingSetAverage } from '../../../../explain/training-set-nudges.js';
import { evenly, type WeightChoice, WeightSweep } from '../../../../explain/step-cost.js';
import { el } from '../../../components/figure-parts.js';
import { LinePlot } from '../../../components/line-plot.js';
import type { Section } from '../chapter.js';
import { largestMagnitude, significant } from './nudges.js';

/** Images in the batch whose cost is drawn: one mini-batch, the first of the training set. */
export const SMOOTH_BATCH = 100;
/** How far either side of its trained value the weight moves, and how many points are drawn. */
export const SMOOTH_RANGE = 6;
const POINTS = 161;
const COLOURS = { smooth: '#7fd4ff', step: '#ff9f43' } as const;

/**
 * Why the cost must be smooth: one weight of the pretrained network moves (the learner picks
 * its layer, neuron and input; by default the steepest one of the layer); the cost of the first
 * mini-batch of training images is drawn for the real sigmoid network and for the same network
 * of on/off neurons (`WeightSweep`, src/explain/step-cost.ts), with each one's value and slope
 * where the slider holds the weight.
 */
export const smooth: Section = {
  id: 'smooth',
  deeper: { view: 'explain', hash: 'view=descent' },
  cli: null,
  async mount(host, ctx) {
    const [net, train] = await Promise.all([ctx.model(), ctx.trainingSet()]);
    const batch = takeFirst(train, SMOOTH_BATCH);
    const gradient = trainingSetAverage(net, 'quadratic', batch, SMOOTH_BATCH).weightNudges;
    const steepest = (layer: number): WeightChoice => {
      const i = largestMagnitude(gradient[layer - 1]);
      return { layer, neuron: Math.floor(i / net.sizes[layer - 1]), from: i % net.sizes[layer - 1] };
    };
    const state = ctx.keep('weight', () => ({ weight: steepest(3), value: null as number | null }));
    const controls = el('div', 'smooth-controls');
    const field = (name: string, label: string, input: HTMLInputElement | HTMLSelectElement): typeof input => {
      const wrap = el('label');
      input.name = name;
      wrap.append(el('span', '', label), input);
      controls.append(wrap);
      return input;
    };
    const layer = field('layer', ctx.f('layer'), el('select')) as HTMLSelectElement;
    for (let l = 1; l <= net.layerCount; l++) layer.append(Object.assign(el('option', '', ctx.f(`layer${l}`)), { value: String(l) }));
    const number = (): HTMLInputElement => Object.assign(el('input'), { type: 'number', min: '0', step: '1' });
    const neuron = field('neuron', ctx.f('neuron'), number()) as HTMLInputElement;
    const from = field('from', ctx.f('from'), number()) as HTMLInputElement;
    const slider = Object.assign(el('input', 'smooth-slider'), { type: 'range', step: '0.01', name: 'value' });
    const sliderLabel = el('label', 'smooth-value');
    const sliderText = el('span');
    sliderLabel.append(sliderText, slider);
    const plotHost = el('div', 'smooth-plot');
    const readout = el('div', 'smooth-readout');
    host.append(controls, sliderLabel, plotHost, readout);
    const plot = new LinePlot(plotHost, { label: ctx.f('plotLabel', { count: SMOOTH_BATCH }), xAxis: 'w', yAxis: 'C', tick: (v, decimals) => ctx.num(v, decimals) });
    let sweep = new WeightSweep(net, 'quadratic', batch, state.weight, SMOOTH_BATCH);
    let values: number[] = [];

    const build = (): void => {
      const { weight } = state;
      layer.value = String(weight.layer);
      neuron.max = String(net.sizes[weight.layer] - 1);
      from.max = String(net.sizes[weight.layer - 1] - 1);
      neuron.value = String(weight.neuron);
      from.value = String(weight.from);
      sweep = new WeightSweep(net, 'quadratic', batch, weight, SMOOTH_BATCH);
      values = evenly(sweep.original - SMOOTH_RANGE, sweep.original + SMOOTH_RANGE, POINTS);
      slider.min = String(values[0]);
      slider.max = String(values[values.length - 1]);
      const curves = sweep.curve(values);
      plot.render(values, [
        { id: 'smooth', label: ctx.f('smoothLine'), colour: COLOURS.smooth, values: curves.smooth },
        { id: 'step', label: ctx.f('stepLine'), colour: COLOURS.step, values: curves.step },
      ], null);
      show();
    };
    const show = (): void => {
      const w = state.value ?? sweep.original;
      slider.value = String(w);
      const { layer: l, neuron: j, from: k } = state.weight;
      sliderText.replaceChildren(ctx.tex(`w^{${l}}_{${j},${k}}`), ' ', ctx.f('value', { w: ctx.num(w, 2), trained: ctx.num(sweep.original, 2) }));
      plot.mark(w);
      readout.replaceChildren();
      for (const kind of ['smooth', 'step'] as const) {
        const c = sweep.at(w, kind);
        const slope = sweep.slope(w, kind);
        const p = el('p', `smooth-line-${kind}`, ctx.f(kind === 'smooth' ? 'smoothReadout' : 'stepReadout', { cost: ctx.num(c, 4), slope: slope === 0 ? ctx.num(0) : significant(ctx, slope) }));
        p.style.setProperty('--swatch', COLOURS[kind]);
        p.dataset.name = kind;
        p.dataset.value = String(c);
        p.dataset.slope = String(slope);
        p.dataset.w = String(w);
        p.dataset.weight = `${l},${j},${k}`;
        readout.append(p);
      }
    };
    const pick = (weight: WeightChoice): void => {
      state.weight = weight;
      state.value = null;
      build();
    };
    layer.addEventListener('change', () => pick(steepest(Number(layer.value))));
    for (const input of [neuron, from]) {
      input.addEventListener('change', () => {
        const l = state.weight.layer;
        const j = Math.max(0, Math.min(net.sizes[l] - 1, Math.round(Number(neuron.value) || 0)));
        const k = Math.max(0, Math.min(net.sizes[l - 1] - 1, Math.round(Number(from.value) || 0)));
        pick({ layer: l, neuron: j, from: k });
      });
    }
    slider.addEventListener('input', () => {
      state.value = Number(slider.value);
      show();
      ctx.done();
    });
    build();
  },
};
