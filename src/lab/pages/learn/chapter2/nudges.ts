import { parameterCount, SEED_ARCHITECTURE } from '../../../../core/network.js';
import { imageNudges } from '../../../../explain/image-nudges.js';
import { topNudges } from '../../../../explain/nudge-summary.js';
import { el, table } from '../../../components/figure-parts.js';
import { paintGray } from '../../../components/pixel-canvas.js';
import { SignedMaps } from '../../../components/signed-maps.js';
import type { Section, SectionContext } from '../chapter.js';
import { everyFrame } from '../chapter1/forward.js';
import { lesson, untrainedNetwork } from './lesson.js';
import { word } from './words.js';

/** The weight the question asks about and its nudge. */
export interface NudgeResult {
  /** −∂C₀/∂w of the weight from `pixel` to first-layer neuron `neuron`. */
  readonly nudge: number;
  readonly neuron: number;
  readonly pixel: number;
  /** The pixel's activation (its ink, 0–1). */
  readonly ink: number;
  /** The nudge of the neuron's bias, −∂C₀/∂b: up or down. */
  readonly biasNudge: number;
  readonly label: number;
}

/** The pixel of `pixels` with the most ink (the first of them). */
export function mostInked(pixels: Uint8Array): number {
  let best = 0;
  for (let k = 1; k < pixels.length; k++) if (pixels[k] > pixels[best]) best = k;
  return best;
}

/** The index of the largest |v| (the first of them). */
export function largestMagnitude(values: ArrayLike<number>): number {
  let best = 0;
  for (let j = 1; j < values.length; j++) if (Math.abs(values[j]) > Math.abs(values[best])) best = j;
  return best;
}

/** `v` with three significant digits in the learner's language. */
export function significant(ctx: Pick<SectionContext, 'num'>, v: number, digits = 3): string {
  if (v === 0 || !Number.isFinite(v)) return ctx.num(v, 0);
  return ctx.num(v, Math.max(0, Math.min(12, digits - 1 - Math.floor(Math.log10(Math.abs(v))))));
}

/**
 * 13,002 nudges: −∇C₀ of the learner's digit and the label they give it, at the start of
 * training — for the untrained network of "A random start" (its seed; `imageNudges`,
 * src/explain: the transparent pass and backpropagation), the first
 * layer's 16 × 784 weight nudges as 16 maps on one scale, and the largest nudges of all 13,002.
 * The question: the weight from the digit's most inked pixel to the first-layer neuron whose
 * bias wants the largest nudge — up or down? Its sign is that bias nudge's (the pixel's ink is
 * > 0); a nudge of exactly zero would decide nothing.
 */
export const nudges: Section<NudgeResult> = {
  id: 'nudges',
  deeper: { view: 'explain', hash: 'view=nudges' },
  cli: 'npx digitlab train --epochs 0 --out untrained.json && npx digitlab explain nudges --model untrained.json',
  textValues: (ctx) => ({ parameters: ctx.num(parameterCount(SEED_ARCHITECTURE.sizes)), seed: lesson.seed }),
  question: {
    // The sign is the answer; a nudge of exactly zero says neither.
    judge: (r) => (r.nudge === 0 ? -1 : r.nudge > 0 ? 0 : 1),
    undecided: (r) => r.nudge === 0,
    values: (r, ctx) => ({
      nudge: significant(ctx, r.nudge),
      direction: word(ctx, r.nudge === 0 ? 'stay' : r.nudge > 0 ? 'up' : 'down'),
      why: r.nudge === 0 ? word(ctx, 'whyZero') : word(ctx, r.biasNudge > 0 ? 'whyUp' : 'whyDown', { neuron: r.neuron, label: r.label, ink: ctx.num(r.ink, 2), bias: significant(ctx, r.biasNudge) }),
    }),
  },
  async mount(host, ctx) {
    // At the start of training: the untrained network of "A random start" (its seed), whose nudges are large.
    const net = untrainedNetwork(lesson.seed);
    const row = el('div', 'figure-row');
    const padCell = el('div', 'figure-cell');
    ctx.digit.mountPad(padCell, { withLabel: true });
    const right = el('div', 'figure-cell nudges-cell');
    const asked = el('div', 'asked-weight');
    const thumb = el('canvas', 'digit-thumb');
    thumb.width = 28;
    thumb.height = 28;
    const thumbStage = el('div', 'signed-map-stage asked-stage');
    const ring = el('span', 'signed-map-ring');
    thumbStage.append(thumb, ring);
    const askedText = el('p', 'asked-text');
    asked.append(thumbStage, askedText);
    const revealed = el('div', 'nudges-revealed');
    revealed.append(el('h3', '', ctx.f('mapsHeading')));
    const maps = new SignedMaps(revealed, {
      name: (j) => ctx.f('neuron', { j }),
      readout: (j, x, y, v) => ctx.f('readout', { j, x, y, v }),
      idle: ctx.f('idle'),
      format: (v) => significant(ctx, v),
    });
    maps.palette = ctx.palette;
    const top = el('div', 'top-nudges');
    revealed.append(top);
    ctx.question.hideUntilAnswered(revealed);
    right.append(asked, revealed);
    row.append(padCell, right);
    host.append(row);
    const n = net.sizes[0];
    const draw = (): void => {
      const pixels = ctx.digit.pixels;
      const label = ctx.digit.label;
      if (pixels === null || label === null || !pixels.some((v) => v > 0)) {
        askedText.textContent = pixels === null ? ctx.f('drawFirst') : ctx.f('pickLabel');
        ring.hidden = true;
        ctx.question.report(null, ctx.needDigit(true) ?? ctx.f('drawFirst'));
        return;
      }
      const image = imageNudges(net, 'quadratic', Float64Array.from(pixels, (v) => v / 255), label);
      const w = image.weightNudges[0];
      const neuron = largestMagnitude(image.biasNudges[0]);
      const pixel = mostInked(pixels);
      const nudge = w[neuron * n + pixel];
      paintGray(thumb, pixels, 255);
      ring.hidden = false;
      ring.style.left = `${(100 * (pixel % 28)) / 28}%`;
      ring.style.top = `${(100 * Math.floor(pixel / 28)) / 28}%`;
      askedText.textContent = ctx.f('asked', { x: pixel % 28, y: Math.floor(pixel / 28), neuron, label });
      askedText.dataset.neuron = String(neuron);
      askedText.dataset.pixel = String(pixel);
      askedText.dataset.value = String(nudge);
      askedText.dataset.seed = String(lesson.seed);
      maps.render(w, net.sizes[1], { map: neuron, pixel });
      top.replaceChildren(topTable(ctx, image.weightNudges, image.biasNudges, net));
      ctx.question.report({ nudge, neuron, pixel, ink: pixels[pixel] / 255, biasNudge: image.biasNudges[0][neuron], label });
    };
    everyFrame(ctx.digit.watch, draw);
  },
};

/** The largest nudges of all parameters, with their names. */
function topTable(ctx: SectionContext<NudgeResult>, weights: readonly Float64Array[], biases: readonly Float64Array[], net: Parameters<typeof topNudges>[0]): HTMLElement {
  const largest = topNudges(net, weights, biases, 8);
  // Neurons named as the text names them: hidden layer 1 or 2, or an output.
  const neuron = (layer: number, j: number): string => ctx.f(layer === net.sizes.length - 1 ? 'outputNeuron' : 'hiddenNeuron', { l: layer, j });
  const name = (t: (typeof largest)[number]): string =>
    t.kind === 'bias'
      ? ctx.f('biasName', { neuron: neuron(t.layer, t.neuron) })
      : t.layer === 1
        ? ctx.f('pixelWeightName', { to: neuron(1, t.neuron), x: (t.from ?? 0) % 28, y: Math.floor((t.from ?? 0) / 28) })
        : ctx.f('weightName', { from: neuron(t.layer - 1, t.from ?? 0), to: neuron(t.layer, t.neuron) });
  const t = table([ctx.f('colParameter'), ctx.f('colNudge')], largest.map((x) => [name(x), significant(ctx, x.nudge)]));
  t.dataset.value = largest.map((x) => x.nudge).join(',');
  const wrap = el('div');
  wrap.append(el('h3', '', ctx.f('topHeading')), t);
  return wrap;
}
