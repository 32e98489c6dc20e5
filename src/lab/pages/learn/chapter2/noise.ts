import { NOISE_DEFAULTS, type NoiseResult } from '../../../../experiments/noise.js';
import { DrawPad } from '../../../components/draw-pad.js';
import { EX_MESSAGES } from '../../../components/experiments/messages.js';
import { noiseFigure } from '../../../components/experiments/noise-figure.js';
import { FIGURE_MESSAGES } from '../../../components/figure-messages.js';
import { el } from '../../../components/figure-parts.js';
import { answerPanel } from '../../../components/output-bars.js';
import { Translator } from '../../../shared/i18n.js';
import type { Section } from '../chapter.js';
import { networkAnswer } from '../../../shared/inference.js';
import { runJob } from './lesson-jobs.js';

/** Noise images of each kind the course feeds the network (the experiment's default). */
export const NOISE_COUNT = NOISE_DEFAULTS.count;

/** The digit the network answered most often for `counts` (per digit). */
export function favourite(counts: readonly number[]): number {
  return counts.indexOf(Math.max(...counts));
}

/**
 * Noise in, a confident answer out: after the guess, the noise experiment (`runNoise`, as
 * `digitlab experiment noise` runs it) in a Worker — uniform and sparse noise through the
 * pretrained network beside the real test images, drawn by the Experiments page's figure.
 * "More noise" runs it again with the next seed; a scribble pad shows the answer for anything
 * the learner draws.
 */
export const noise: Section<NoiseResult> = {
  id: 'noise',
  deeper: { view: 'experiments', anchor: 'noise' },
  cli: 'npx digitlab experiment noise',
  question: {
    judge: (r) => (r.uniform.meanConfidence > 0.5 ? 2 : r.uniform.meanConfidence < 0.2 ? 0 : 1),
    values: (r, ctx) => ({ count: ctx.num(r.uniform.count), meanConfidence: ctx.pct(r.uniform.meanConfidence, 0), confidentShare: ctx.pct(r.uniform.confident90, 0), favourite: favourite(r.uniform.answerCounts) }),
  },
  async mount(host, ctx) {
    const net = await ctx.model();
    const kept = ctx.keep('noise', () => ({ seed: NOISE_DEFAULTS.seed, results: new Map<number, NoiseResult>() }));
    const status = el('p', 'muted', ctx.f('afterGuess'));
    status.setAttribute('role', 'status');
    const again = el('button', '', ctx.f('more'));
    again.type = 'button';
    again.hidden = true;
    const output = el('div', 'noise-output');
    const scribble = el('div', 'figure-row scribble');
    const padCell = el('div', 'figure-cell small-stage');
    const canvas = el('canvas', 'draw-pad-canvas scribble-pad');
    canvas.width = 280;
    canvas.height = 280;
    canvas.setAttribute('aria-label', ctx.f('scribble'));
    const clear = el('button', '', ctx.f('clear'));
    clear.type = 'button';
    padCell.append(el('h3', '', ctx.f('scribble')), canvas, clear);
    const answerCell = el('div', 'figure-cell answer-cell');
    const { view: outputs, bars } = answerPanel(answerCell, ctx.f('answer'), ctx.f('answer'));
    outputs.format = (v) => ctx.num(v, 2);
    scribble.append(padCell, answerCell);
    host.append(status, output, again, scribble);
    outputs.render(null, null, '');
    const pad = new DrawPad(canvas, (pixels) => {
      if (pixels === null) {
        outputs.render(null, null, '');
        return;
      }
      const { outputs: out, answer } = networkAnswer(net, pixels);
      outputs.render(out, answer, '');
      bars.dataset.value = Array.from(out).join(',');
    });
    pad.setHint(new Translator(FIGURE_MESSAGES, ctx.language).t('drawPadKeys'));
    clear.addEventListener('click', () => pad.clear());
    const tr = new Translator(EX_MESSAGES, ctx.language);
    const show = (r: NoiseResult): void => {
      output.replaceChildren();
      noiseFigure(output, tr).result(r);
      output.dataset.seed = String(r.seed);
      output.dataset.value = `${r.uniform.meanConfidence},${r.uniform.confident90},${favourite(r.uniform.answerCounts)}`;
      status.textContent = ctx.f('done', { count: ctx.num(r.uniform.count), seed: r.seed });
      again.hidden = false;
      again.disabled = false;
      ctx.question.report(r);
    };
    const run = (): void => {
      const seed = kept.seed;
      const done = kept.results.get(seed);
      if (done) {
        show(done);
        return;
      }
      again.disabled = true;
      ctx.question.report(null);
      status.textContent = ctx.f('loading', { percent: ctx.pct(0, 0) });
      runJob(ctx, { job: 'noise', count: NOISE_COUNT, seed }, {
        loading: (f) => (status.textContent = ctx.f('loading', { percent: ctx.pct(f, 0) })),
        running: () => (status.textContent = ctx.f('running', { count: ctx.num(NOISE_COUNT) })),
        result: (r) => {
          kept.results.set(seed, r);
          if (kept.seed === seed) show(r);
        },
        error: (message) => (status.textContent = ctx.f('failed', { message })),
      });
    };
    again.addEventListener('click', () => {
      kept.seed++;
      run();
    });
    ctx.question.whenAnswered(run);
  },
};
