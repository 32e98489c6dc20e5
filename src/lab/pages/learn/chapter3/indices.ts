import { traceForward } from '../../../../core/trace.js';
import { indexForm } from '../../../../explain/index-form.js';
import { el } from '../../../components/figure-parts.js';
import type { Section } from '../chapter.js';
import { everyFrame } from '../chapter1/forward.js';
import { COST, learnerExample, missingExample, mountExampleFigure } from './backprop-input.js';
import { showBulbs, showFormulas } from './index-formulas.js';

/** A number field named `name` from 0 to `max`. */
function indexField(name: string, max: number): HTMLInputElement {
  const input = el('input');
  input.type = 'number';
  input.name = name;
  input.min = '0';
  input.max = String(max);
  input.step = '1';
  return input;
}

/**
 * Many neurons, indices j and k: pick a weight w^(l)_jk of the real network — its layer,
 * the neuron j it leads to and the neuron (or pixel) k it comes from, by the fields or by
 * clicking a bulb — and the two index formulas fill with the learner's example's numbers from
 * the transparent pass (`indexForm`, src/explain/index-form.ts): ∂C0/∂w_jk as a product of
 * three factors, ∂C0/∂a_k as a sum over j (every term in a table). Each is set beside the same
 * number from the engine's batched backward. Done when the learner picks another weight.
 */
export const indices: Section = {
  id: 'indices',
  deeper: { view: 'lab' },
  cli: 'npx digitlab explain nudges',
  textValues: async (ctx) => ({ parameters: ctx.num((await ctx.model()).parameterCount) }),
  async mount(host, ctx) {
    const { nets, cell: right, controls, network } = await mountExampleFigure(host, ctx, 'indices-cell', () => draw());
    const L = nets.trained.layerCount;
    const sizes = nets.trained.sizes;
    const state = ctx.keep('weight', () => ({ layer: L, j: -1, k: -1 }));
    const layerLabel = el('label');
    const layer = el('select');
    layer.name = 'layer';
    for (let l = 1; l <= L; l++) layer.append(new Option(ctx.f(`layer${l}`), String(l)));
    layerLabel.append(el('span', '', ctx.f('layerLabel')), layer);
    const jLabel = el('label');
    const jField = indexField('j', sizes[state.layer] - 1);
    jLabel.append(el('span', '', ctx.f('jLabel')), jField);
    const kLabel = el('label');
    const kField = indexField('k', sizes[state.layer - 1] - 1);
    kLabel.append(el('span', '', ctx.f('kLabel')), kField);
    controls.append(layerLabel, jLabel, kLabel);
    const bulbs = el('div', 'indices-bulbs');
    const formulas = el('div', 'indices-formulas');
    const status = el('p', 'muted');
    right.append(controls, bulbs, status, formulas);
    const pick = (patch: Partial<typeof state>, byLearner = true): void => {
      if (Object.entries(patch).every(([key, v]) => state[key as keyof typeof state] === v)) return;
      Object.assign(state, patch);
      draw();
      if (byLearner) ctx.done();
    };
    layer.addEventListener('change', () => pick({ layer: Number(layer.value), j: -1, k: -1 }));
    jField.addEventListener('change', () => pick({ j: Math.trunc(Number(jField.value)) }));
    kField.addEventListener('change', () => pick({ k: Math.trunc(Number(kField.value)) }));
    const draw = (): void => {
      const net = network();
      const example = learnerExample(ctx);
      const l = state.layer;
      layer.value = String(l);
      jField.max = String(sizes[l] - 1);
      kField.max = String(sizes[l - 1] - 1);
      if (example === null) {
        status.textContent = missingExample(ctx);
        formulas.replaceChildren();
        bulbs.replaceChildren();
        return;
      }
      // By default: the right output (or neuron 0) and its brightest input neuron.
      const trace = traceForward(net, example.pixels);
      const before = trace.activations[l - 1];
      const j = state.j >= 0 && state.j < sizes[l] ? state.j : l === L ? example.label : 0;
      const k = state.k >= 0 && state.k < sizes[l - 1] ? state.k : before.reduce((best, a, i) => (a > before[best] ? i : best), 0);
      state.j = j;
      state.k = k;
      jField.value = String(j);
      kField.value = String(k);
      const form = indexForm(net, COST, example.pixels, example.label, l, j, k);
      status.replaceChildren(ctx.rich(ctx.f('picked', { l, j, k, from: ctx.f(`from${l}`, { j, k, x: k % 28, y: Math.floor(k / 28) }) })));
      showBulbs(bulbs, ctx, trace.activations, l, j, k, (patch) => pick(patch));
      showFormulas(formulas, ctx, form, L);
    };
    everyFrame(ctx.digit.watch, draw);
  },
};

