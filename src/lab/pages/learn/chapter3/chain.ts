import { type ChainResult, DEFAULT_CHAIN, explainChain } from '../../../../explain/chain.js';
import { ChainPanel, type ChainState } from '../../../components/explain/chain-panel.js';
import { EXPLAIN_MESSAGES } from '../../../components/explain/messages.js';
import { el } from '../../../components/figure-parts.js';
import { Translator } from '../../../shared/i18n.js';
import { Store } from '../../../shared/store.js';
import type { Section } from '../chapter.js';
import { sig, texSig } from './format.js';

/** The computed answer: ∂C0/∂w(1) now, and with the input a(0) at the chain's starting value. */
export interface ChainAnswer {
  readonly input: number;
  readonly derivative: number;
  readonly numeric: number;
  /** The starting input a(0) and ∂C0/∂w(1) with it (the same weights, biases and target). */
  readonly start: number;
  readonly reference: number;
}

/**
 * "Becomes 0" (0) when ∂C0/∂w(1) is 0; "doubles" (1) when it is twice the one at the starting
 * input, "nothing changes" (2) when it is the same (each within 5 %); −1 for any other value
 * (the learner moved a(0) somewhere the question did not ask about).
 */
export function judgeChain(r: ChainAnswer): number {
  if (r.derivative === 0) return 0;
  const ratio = r.derivative / r.reference;
  if (Math.abs(ratio - 2) <= 0.1) return 1;
  if (Math.abs(ratio - 1) <= 0.05) return 2;
  return -1;
}

function chainOf(s: Readonly<ChainState>, input = s.input): ChainResult {
  return explainChain({ weights: [s.weights[0], s.weights[1], s.weights[2]], biases: [s.biases[0], s.biases[1], s.biases[2]], input, target: s.target });
}

/**
 * The chain rule, one neuron per layer: How it learns' chain panel (`ChainPanel` on
 * `explainChain`, src/explain/chain.ts) — edit the three weights, biases, the input a(0) and
 * the target y, step through the forward pass and every derivative as a product of factors
 * with their numbers, each beside its finite difference. Under it the derivative the question
 * is about, ∂C0/∂w(1) = a(0) · (the rest of its chain), with its numbers. When the learner has
 * guessed, a(0) is set to 0 (unless they did so already).
 */
export const chain: Section<ChainAnswer> = {
  id: 'chain',
  deeper: { view: 'explain', hash: 'view=chain' },
  cli: 'npx digitlab explain chain',
  question: {
    judge: judgeChain,
    values: (r, ctx) => ({ derivative: sig(ctx, r.derivative), numeric: sig(ctx, r.numeric), reference: sig(ctx, r.reference), input: sig(ctx, r.input), start: sig(ctx, r.start) }),
  },
  async mount(host, ctx) {
    const kept = ctx.keep('chain', () => ({
      store: new Store<ChainState>({ weights: [...DEFAULT_CHAIN.weights], biases: [...DEFAULT_CHAIN.biases], input: DEFAULT_CHAIN.input, target: DEFAULT_CHAIN.target, chainStep: 0 }),
    }));
    const root = el('div', 'explorable chain-explorable');
    const readout = el('div', 'chain-question-readout');
    host.append(root, readout);
    const panel = new ChainPanel(root, kept.store, new Translator(EXPLAIN_MESSAGES, ctx.language));
    panel.setLanguage(new Translator(EXPLAIN_MESSAGES, ctx.language));
    const draw = (): void => {
      const s = kept.store.state;
      const r = chainOf(s);
      const w1 = r.derivatives.find((d) => d.parameter === 'w1');
      if (!w1) return;
      const rest = w1.factors.slice(1).reduce((p, f) => p * f.value, 1);
      const t = (v: number): string => texSig(ctx, v, 4);
      readout.replaceChildren(
        el('h4', '', ctx.f('heading')),
        ctx.tex(`\\frac{\\partial C_0}{\\partial w^{(1)}} = \\underbrace{${t(w1.factors[0].value)}}_{a^{(0)}} \\cdot \\underbrace{${t(rest)}}_{\\sigma'(z^{(1)})\\, \\partial C_0 / \\partial a^{(1)}} = ${t(w1.analytic)}`, true),
        el('p', 'muted', ctx.f('check', { numeric: sig(ctx, w1.numeric, 4), difference: sig(ctx, w1.difference, 2) })),
      );
      readout.dataset.name = 'dw1';
      readout.dataset.value = String(w1.analytic);
      readout.dataset.numeric = String(w1.numeric);
      ctx.question.report({ input: s.input, derivative: w1.analytic, numeric: w1.numeric, start: DEFAULT_CHAIN.input, reference: chainOf(s, DEFAULT_CHAIN.input).derivatives.find((d) => d.parameter === 'w1')?.analytic ?? NaN });
    };
    const stop = kept.store.watch(['weights', 'biases', 'input', 'target'], draw);
    ctx.signal.addEventListener('abort', stop);
    draw();
    // The question is about a(0) = 0: a learner who guessed without setting it sees that case.
    ctx.question.whenAnswered(() => {
      if (kept.store.state.input === 0) return;
      const input = root.querySelector<HTMLInputElement>('#chain-x');
      if (!input) return;
      input.value = '0';
      input.dispatchEvent(new Event('input'));
    });
  },
};
