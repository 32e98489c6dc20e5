import type { ShuffledLabelsResult } from '../../../../experiments/shuffled-labels.js';
import { parameterCount } from '../../../../core/network.js';
import { EX_MESSAGES } from '../../../components/experiments/messages.js';
import { shuffledLabelsFigure } from '../../../components/experiments/shuffled-labels-figure.js';
import { el } from '../../../components/figure-parts.js';
import { Translator } from '../../../shared/i18n.js';
import type { Section } from '../chapter.js';
import { runJob } from './lesson-jobs.js';
import { seedField } from './random.js';
import { shuffledRun } from './shuffled-run.js';

/**
 * Memorised, not learned: after the guess, a quick run of the shuffled-labels experiment
 * (`runShuffledLabels`, `shuffledRun`) in a Worker — the same network trained on the true
 * labels and on the labels shuffled at random — drawn live, epoch by epoch, by the Experiments
 * page's figure (cost, training and test accuracy of both). Another seed shuffles otherwise.
 */
export const shuffled: Section<ShuffledLabelsResult> = {
  id: 'shuffled',
  deeper: { view: 'experiments', anchor: 'shuffled-labels' },
  cli: 'npx digitlab experiment shuffled-labels --train-count 500 --test-count 1000 --layers 784,128,128,10',
  textValues: (ctx) => {
    const run = shuffledRun(1);
    const sizes = run.settings?.sizes ?? [];
    return { sizes: sizes.join('-'), parameters: ctx.num(parameterCount(sizes)), images: ctx.num(run.trainCount ?? 0), epochs: run.settings?.epochs ?? 0, tests: ctx.num(run.testCount ?? 0) };
  },
  question: {
    judge: (r) => {
      const train = r.random.trainAccuracy.at(-1) ?? 0;
      // Chance is 10 %: up to 20 % is "chance", 35–65 % "about half", from 85 % "nearly all"; between them, none of the three.
      return train <= 0.2 ? 0 : train >= 0.35 && train <= 0.65 ? 1 : train >= 0.85 ? 2 : -1;
    },
    values: (r, ctx) => ({ trainAccuracy: ctx.pct(r.random.trainAccuracy.at(-1) ?? NaN, 1), testAccuracy: ctx.pct(r.random.testAccuracy.at(-1) ?? NaN, 1) }),
  },
  mount(host, ctx) {
    const kept = ctx.keep('shuffled', () => ({ seed: 1, results: new Map<number, ShuffledLabelsResult>() }));
    const status = el('p', 'muted', ctx.f('afterGuess'));
    status.setAttribute('role', 'status');
    const output = el('div', 'shuffled-output');
    const again = seedField(ctx, kept.seed, (seed) => {
      kept.seed = seed;
      run();
    });
    again.hidden = true;
    host.append(status, output, again);
    const tr = new Translator(EX_MESSAGES, ctx.language);
    const finish = (r: ShuffledLabelsResult): void => {
      output.dataset.seed = String(r.settings.seed);
      output.dataset.value = `${r.random.trainAccuracy.at(-1)},${r.random.testAccuracy.at(-1)},${r.real.testAccuracy.at(-1)}`;
      status.textContent = ctx.f('done', { images: ctx.num(r.trainCount), parameters: ctx.num(r.parameters), epochs: r.random.epochs.length, seed: r.settings.seed });
      again.hidden = false;
      ctx.question.report(r);
    };
    const run = (): void => {
      const seed = kept.seed;
      output.replaceChildren();
      delete output.dataset.value;
      const figure = shuffledLabelsFigure(output, tr);
      const done = kept.results.get(seed);
      if (done) {
        figure.result(done);
        finish(done);
        return;
      }
      again.hidden = true;
      ctx.question.report(null);
      status.textContent = ctx.f('loading', { percent: ctx.pct(0, 0) });
      runJob(ctx, { job: 'shuffled', options: shuffledRun(seed) }, {
        loading: (f) => (status.textContent = ctx.f('loading', { percent: ctx.pct(f, 0) })),
        running: () => (status.textContent = ctx.f('training')),
        epoch: (run, epoch, curves) => (status.textContent = figure.epoch?.(run, epoch, curves) ?? ''),
        result: (r) => {
          kept.results.set(seed, r);
          if (kept.seed !== seed) return;
          figure.result(r);
          finish(r);
        },
        error: (message) => (status.textContent = ctx.f('failed', { message })),
      });
    };
    ctx.question.whenAnswered(run);
  },
};
