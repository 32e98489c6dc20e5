import type { Network } from '../../../../core/network.js';
import type { Dataset } from '../../../../data/dataset.js';
import { el } from '../../../components/figure-parts.js';
import { SigmoidCurve } from '../../../components/sigmoid-curve.js';
import type { Section } from '../chapter.js';
import { everyFrame } from './forward.js';
import { labelledSlider, neuronPicker } from './controls.js';

/** The computed answer: how often the neuron is on (a > 0.5) over the test set, at the chosen bias and at its trained one. */
export interface BiasResult {
  readonly bias: number;
  readonly share: number;
  readonly trainedBias: number;
  readonly trainedShare: number;
}

/** Σ_k w_jk a_k (without the bias) of neuron j of layer 1 for every test image. */
function sumsWithoutBias(net: Network, test: Dataset, j: number): Float64Array {
  const n = net.sizes[0];
  const w = net.weights[0].subarray(j * n, (j + 1) * n);
  const sums = new Float64Array(test.count);
  for (let i = 0; i < test.count; i++) {
    const offset = i * n;
    let s = 0;
    for (let k = 0; k < n; k++) {
      const v = test.images[offset + k];
      if (v !== 0) s += w[k] * (v / 255);
    }
    sums[i] = s;
  }
  return sums;
}

/** An axis range that holds most of the neuron's z's (98 % of them, at the trained bias), in steps of 6 from 12 to 48. */
function rangeFor(sums: Float64Array, bias: number): number {
  const sorted = Float64Array.from(sums, (s) => Math.abs(s + bias)).sort();
  const p = sorted[Math.floor(0.98 * (sorted.length - 1))] ?? 12;
  return Math.max(12, Math.min(48, 6 * Math.ceil(p / 6)));
}

/** The share of `sums` with σ(s + b) > 0.5, i.e. s + b > 0. */
function shareOn(sums: Float64Array, b: number): number {
  let on = 0;
  for (const s of sums) if (s + b > 0) on++;
  return on / sums.length;
}

/**
 * Squash it, shift it: a first-layer neuron's z for the learner's digit on the σ curve, a bias
 * slider that moves it, and — once the learner has guessed — the histogram of the neuron's z
 * over the 10,000 test images with the share that lights up (a > 0.5) at this bias and at the
 * trained one. The answer is the share nearest to "never", "half" or "always".
 */
export const sigmoidBias: Section<BiasResult> = {
  id: 'sigmoid-bias',
  deeper: { view: 'lab' },
  cli: 'npx digitlab info',
  question: {
    judge: (r) => (r.share < 0.25 ? 0 : r.share > 0.75 ? 2 : 1),
    values: (r, ctx) => ({ bias: ctx.num(r.bias, 1), share: ctx.pct(r.share), trainedBias: ctx.num(r.trainedBias, 2), trainedShare: ctx.pct(r.trainedShare) }),
  },
  async mount(host, ctx) {
    const [net, test] = await Promise.all([ctx.model(), ctx.testSet()]);
    const state = ctx.keep('state', () => ({ neuron: 0, bias: null as number | null }));
    const top = el('div', 'figure-row');
    const padCell = el('div', 'figure-cell');
    ctx.digit.mountPad(padCell);
    const right = el('div', 'figure-cell curve-cell');
    const { label: biasLabel, text: biasText, slider } = labelledSlider('bias', 'bias', { min: -20, max: 20, step: 0.1 });
    const reset = el('button', '', ctx.f('resetBias'));
    reset.type = 'button';
    const curve = new SigmoidCurve(right, { label: ctx.f('curveLabel'), point: (z, a) => ctx.f('point', { z, a }), histogram: ctx.f('histogram'), format: (v, d) => ctx.num(v, d) });
    const shares = el('p', 'bias-shares');
    let sums = sumsWithoutBias(net, test, state.neuron);
    const controls = el('div', 'curve-controls');
    controls.append(neuronPicker(ctx, net.sizes[1], state.neuron, (j) => {
      state.neuron = j;
      state.bias = null;
      sums = sumsWithoutBias(net, test, j);
      curve.setRange(rangeFor(sums, net.biases[0][j]));
      draw();
    }), biasLabel, reset);
    right.prepend(controls);
    curve.setRange(rangeFor(sums, net.biases[0][state.neuron]));
    right.append(shares);
    ctx.question.hideUntilAnswered(curve.histogramElement, shares);
    top.append(padCell, right);
    host.append(top);
    const n = net.sizes[0];
    const draw = (): void => {
      const j = state.neuron;
      const trained = net.biases[0][j];
      const b = state.bias ?? trained;
      slider.value = String(b);
      biasText.textContent = ctx.f('bias', { b: ctx.num(b, 1), trained: ctx.num(trained, 2) });
      const pixels = ctx.digit.pixels;
      if (pixels) {
        const w = net.weights[0].subarray(j * n, (j + 1) * n);
        let s = 0;
        for (let k = 0; k < n; k++) s += (w[k] * pixels[k]) / 255;
        curve.mark(s + b);
      } else curve.mark(null);
      curve.histogram(sums.map((s) => s + b));
      const share = shareOn(sums, b);
      const trainedShare = shareOn(sums, trained);
      shares.textContent = ctx.f('shares', { share: ctx.pct(share), bias: ctx.num(b, 1), trainedShare: ctx.pct(trainedShare), trained: ctx.num(trained, 2) });
      shares.dataset.value = String(share);
      ctx.question.report({ bias: b, share, trainedBias: trained, trainedShare });
    };
    slider.addEventListener('input', () => {
      state.bias = Number(slider.value);
      draw();
      ctx.done();
    });
    reset.addEventListener('click', () => {
      state.bias = null;
      draw();
    });
    everyFrame(ctx.digit.watch, draw);
    // The question is about a bias of −10: a learner who guessed without moving the slider sees that case.
    ctx.question.whenAnswered(() => {
      if (state.bias === null) {
        state.bias = -10;
        draw();
      }
    });
  },
};
