import type { IndexForm } from '../../../../explain/index-form.js';
import { el, table } from '../../../components/figure-parts.js';
import { LayerBulbs } from '../../../components/layer-bulbs.js';
import type { SectionContext } from '../chapter.js';
import { sig, texSig } from './format.js';

/**
 * What the "indices" section draws: the two layers the picked weight joins as bulbs (k and
 * j ringed; a click picks another), and the two index formulas with the example's numbers,
 * each beside the engine's batched backward, the sum's terms in a table.
 */

/** Layers l − 1 and l as bulbs (the pixels are too many: for l = 1 only layer 1), k and j ringed; a click picks. */
export function showBulbs(host: HTMLElement, ctx: SectionContext, activations: readonly Float64Array[], l: number, j: number, k: number, pick: (patch: { j?: number; k?: number }) => void): void {
  host.replaceChildren();
  const layers: [number, number, 'j' | 'k'][] = l > 1 ? [[l - 1, k, 'k'], [l, j, 'j']] : [[l, j, 'j']];
  for (const [layer, marked, index] of layers) {
    const cell = el('div', 'indices-layer');
    cell.append(el('h4', '', ctx.f('bulbsHeading', { layer: ctx.f(`name${layer}`), index })));
    const bulbs = new LayerBulbs(cell, activations[layer].length, { neuron: (n, a) => ctx.f('bulb', { n, a }), format: (a) => ctx.num(a, 3) });
    bulbs.render(activations[layer], new Set([marked]));
    bulbs.element.dataset.layer = String(layer);
    // On press, not click: a field left by this press redraws the bulbs on its change, which would lose the click.
    bulbs.element.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      const item = (e.target as Element).closest<HTMLElement>('.bulb');
      if (item?.dataset.neuron !== undefined) pick({ [index]: Number(item.dataset.neuron) });
    });
    bulbs.element.addEventListener('keydown', (e) => {
      const item = (e.target as Element).closest<HTMLElement>('.bulb');
      if ((e.key === 'Enter' || e.key === ' ') && item?.dataset.neuron !== undefined) {
        e.preventDefault();
        pick({ [index]: Number(item.dataset.neuron) });
      }
    });
    host.append(cell);
  }
}

/** The two formulas of `form` with their numbers, each checked against the engine; the sum's terms as a table. */
export function showFormulas(host: HTMLElement, ctx: SectionContext, form: IndexForm, L: number): void {
  const t = (v: number): string => texSig(ctx, v, 4);
  const { layer: l, j, k } = form;
  const up = `^{(${l})}`;
  const down = `^{(${l - 1})}`;
  const weight = el('div', 'index-formula');
  weight.dataset.name = 'weightGradient';
  weight.dataset.value = String(form.weightGradient);
  weight.dataset.engine = String(form.engineWeightGradient);
  const outputNote = l === L ? ` = 2(a${up}_{${j}} - y_{${j}})` : '';
  weight.append(
    el('h4', '', ctx.f('weightHeading')),
    ctx.tex(
      `\\frac{\\partial C_0}{\\partial w${up}_{${j},${k}}} = a${down}_{${k}}\\, \\sigma'(z${up}_{${j}})\\, \\frac{\\partial C_0}{\\partial a${up}_{${j}}} = \\underbrace{${t(form.activation)}}_{a${down}_{${k}}} \\cdot \\underbrace{${t(form.slope)}}_{\\sigma'(${t(form.weightedInput)})} \\cdot \\underbrace{${t(form.activationGradient)}}_{\\partial C_0 / \\partial a${up}_{${j}}${outputNote}} = ${t(form.weightGradient)}`,
      true,
    ),
    engineLine(ctx, form.weightGradient, form.engineWeightGradient),
  );
  const sum = el('div', 'index-formula');
  sum.dataset.name = 'previousGradient';
  sum.dataset.value = String(form.previousGradient);
  sum.dataset.engine = String(form.enginePreviousGradient);
  const largest = [...form.terms].sort((a, b) => Math.abs(b.value) - Math.abs(a.value)).slice(0, 3);
  const shown = largest.map((term) => `\\underbrace{${t(term.value)}}_{j = ${term.j}}`).join(' + ').replace(/\+ \\underbrace\{-/g, '- \\underbrace{');
  sum.append(
    el('h4', '', ctx.f('sumHeading', { count: form.terms.length })),
    ctx.tex(`\\frac{\\partial C_0}{\\partial a${down}_{${k}}} = \\sum_{j} w${up}_{j,${k}}\\, \\sigma'(z${up}_{j})\\, \\frac{\\partial C_0}{\\partial a${up}_{j}} = ${shown} + \\dots = ${t(form.previousGradient)}`, true),
    el('p', 'muted', ctx.f('largestTerms', { count: form.terms.length })),
    engineLine(ctx, form.previousGradient, form.enginePreviousGradient),
    termsTable(ctx, form),
  );
  host.replaceChildren(weight, sum);
}

function engineLine(ctx: SectionContext, value: number, engine: number): HTMLElement {
  const line = el('p', 'index-check', ctx.f('engine', { engine: sig(ctx, engine, 6), difference: sig(ctx, Math.abs(value - engine), 2) }));
  line.dataset.value = String(engine);
  return line;
}

function termsTable(ctx: SectionContext, form: IndexForm): HTMLElement {
  const f = (v: number): string => sig(ctx, v, 4);
  const rows = form.terms.map((term) => [String(term.j), f(term.weight), f(term.slope), f(term.activationGradient), f(term.value)]);
  rows.push([ctx.f('total'), '', '', '', f(form.previousGradient)]);
  const details = el('details', 'index-terms');
  details.append(el('summary', '', ctx.f('termsSummary', { count: form.terms.length })));
  const t = table(['j', `w_j${form.k}`, 'σ′(z_j)', '∂C₀/∂a_j', ctx.f('colTerm')], rows);
  t.rows[t.rows.length - 1]?.classList.add('total');
  details.append(t);
  return details;
}
