import { type Levers, type LeverName, pullLevers } from '../../../../explain/levers.js';
import { el } from '../../../components/figure-parts.js';
import { WishBars } from '../../../components/wish-bars.js';
import type { Section, SectionContext } from '../chapter.js';
import { everyFrame } from '../chapter1/forward.js';
import { COST, learnerExample, missingExample, mountExampleFigure, nudgesView } from './backprop-input.js';
import { sig, texSig } from './format.js';

const LEVERS: readonly LeverName[] = ['bias', 'weights', 'activations'];
/** The sizes of the change ε offered (a step of this length in each lever's own numbers). */
const EPSILONS = [0.01, 0.05, 0.1, 0.2, 0.5];

/**
 * Three ways to raise an output: the right digit's output for the learner's example,
 * and its three levers — the bias, the weights in proportion to the last hidden layer's
 * activations, those activations in proportion to the weights — each pulled by the same ε
 * through the engine (`pullLevers`, src/explain/levers.ts, on `waysToRaise` of the nudges
 * explorable). A lever's card shows what it changes (for the weights and the activations, the
 * change of each of the 16 as bars beside the neuron's brightness) and, once pulled, how far
 * the output rose beside the first-order prediction. Done when all three have been pulled.
 */
export const threeWays: Section = {
  id: 'three-ways',
  deeper: () => nudgesView(),
  cli: 'npx digitlab explain nudges',
  textValues: async (ctx) => {
    const net = await ctx.model();
    return { n: net.sizes[net.layerCount - 1] };
  },
  async mount(host, ctx) {
    const { cell: right, controls, network } = await mountExampleFigure(host, ctx, 'levers-cell', () => draw());
    const state = ctx.keep('state', () => ({ epsilon: 0.1, pulled: new Set<LeverName>() }));
    const epsilonLabel = el('label');
    const epsilon = el('select');
    epsilon.name = 'epsilon';
    for (const e of EPSILONS) epsilon.append(new Option(ctx.num(e, 2), String(e)));
    epsilon.value = String(state.epsilon);
    epsilonLabel.append(el('span', '', ctx.f('epsilon')), epsilon);
    controls.append(epsilonLabel);
    const status = el('p', 'levers-status');
    const compare = el('div', 'lever-compare');
    const cards = el('div', 'lever-cards');
    right.append(controls, status, compare, cards);
    const cardOf = new Map(LEVERS.map((lever) => [lever, leverCard(cards, lever, ctx, () => {
      state.pulled.add(lever);
      draw();
      if (state.pulled.size === LEVERS.length) ctx.done();
    })]));
    epsilon.addEventListener('change', () => {
      state.epsilon = Number(epsilon.value);
      draw();
    });
    const draw = (): void => {
      const example = learnerExample(ctx);
      cards.hidden = example === null;
      if (example === null) {
        status.textContent = missingExample(ctx);
        return;
      }
      const levers = pullLevers(network(), COST, example.pixels, example.label, example.label, state.epsilon);
      status.replaceChildren(ctx.rich(ctx.f('output', { digit: example.label, a: texSig(ctx, levers.before), wish: sig(ctx, levers.ways.wish), epsilon: ctx.num(state.epsilon, 2) })));
      status.dataset.value = String(levers.before);
      for (const lever of LEVERS) cardOf.get(lever)?.(levers, state.pulled.has(lever));
      showComparison(compare, ctx, levers, state.pulled);
    };
    everyFrame(ctx.digit.watch, draw);
  },
};

/** How far each lever pulled so far raised the output, as bars on one scale. */
function showComparison(host: HTMLElement, ctx: SectionContext, levers: Levers, pulled: ReadonlySet<LeverName>): void {
  const done = levers.pulled.filter((p) => pulled.has(p.lever));
  host.hidden = done.length === 0;
  const max = Math.max(1e-300, ...done.map((p) => Math.abs(p.rise)));
  host.replaceChildren(
    el('h4', '', ctx.f('compare', { epsilon: ctx.num(levers.epsilon, 2) })),
    ...done.map((p) => {
      const row = el('div', 'lever-compare-row');
      row.dataset.lever = p.lever;
      row.dataset.value = String(p.rise);
      const track = el('span', 'lever-compare-track');
      const fill = el('span', 'lever-compare-fill');
      fill.style.width = `${(100 * Math.abs(p.rise)) / max}%`;
      fill.classList.toggle('negative', p.rise < 0);
      track.append(fill);
      row.append(el('span', '', ctx.f(`${p.lever}Short`)), track, el('span', 'wish-number wish-value', sig(ctx, p.rise)));
      return row;
    }),
  );
}

/** One lever's card in `host`; returns its renderer. */
function leverCard(host: HTMLElement, lever: LeverName, ctx: SectionContext, pull: () => void): (levers: Levers, pulled: boolean) => void {
  const card = el('section', 'lever-card');
  card.dataset.lever = lever;
  const title = el('h4', '', ctx.f(`${lever}Title`));
  const what = el('p', 'lever-what');
  const button = el('button', 'lever-pull', ctx.f('pull'));
  button.type = 'button';
  button.addEventListener('click', pull);
  const changes = el('div', 'lever-changes');
  const bars = lever === 'bias' ? null : new WishBars(changes, {
    head: [ctx.f('colNeuron'), ctx.f('colActivation'), '', ctx.f(lever === 'weights' ? 'colWeightChange' : 'colActivationChange')],
    row: (k, a, _y, d) => ctx.f('changeRow', { k, a, d }),
    format: (v) => sig(ctx, v),
    formatActivation: (a) => ctx.num(a, 3),
  });
  if (bars) bars.palette = ctx.palette;
  const result = el('p', 'lever-result');
  card.append(title, what, button, result, changes);
  host.append(card);
  return (levers, pulled) => {
    const p = levers.pulled.find((x) => x.lever === lever);
    if (!p) return;
    what.replaceChildren(ctx.rich(ctx.f(`${lever}What`, { epsilon: ctx.num(levers.epsilon, 2) })));
    bars?.render(p.changes.map((d, k) => ({ neuron: k, activation: levers.previous[k], wish: d })));
    button.textContent = ctx.f(pulled ? 'pullAgain' : 'pull');
    result.hidden = !pulled;
    card.classList.toggle('pulled', pulled);
    const t = (v: number): string => texSig(ctx, v, 3);
    result.replaceChildren(
      ctx.tex(`a = ${t(levers.before)} \\to ${t(p.after)}, \\quad \\Delta a = ${t(p.rise)}`),
      el('br'),
      el('span', 'muted', ctx.f('predicted', { predicted: sig(ctx, p.predicted) })),
    );
    result.dataset.name = `rise-${lever}`;
    result.dataset.value = String(p.rise);
    result.dataset.after = String(p.after);
  };
}
