import type { TrainingCurves } from '../../experiments/training-curves.js';
import { table } from './draw.js';
import { costAndAccuracyCharts, createPanel, finish, type PanelContext, stageText } from './panel.js';

/** S23: real versus shuffled labels, trained in the Worker, curves drawn live per epoch. */
export function shuffledLabelsPanel(ctx: PanelContext): HTMLElement {
  const parts = createPanel(ctx, {
    id: 'shuffled-labels',
    title: 'shuffledTitle',
    intro: 'shuffledIntro',
    fields: [
      { name: 'trainCount', label: 'trainCount', value: 3000, min: 10, max: 60000 },
      { name: 'width', label: 'width', value: 256, min: 1, max: 2048 },
      { name: 'epochs', label: 'epochs', value: 40, min: 1, max: 1000 },
      { name: 'seed', label: 'seed', value: 1, min: 0, max: 0xffffffff },
    ],
    onRun: (p) => {
      const v = p.values();
      const { cost, accuracy, summary } = costAndAccuracyCharts(ctx, p, { cost: ctx.t('costBySteps'), accuracy: ctx.t('accuracyBySteps'), axis: ctx.t('steps_') });
      const name = (run: string): string => ctx.t(run === 'real' ? 'realLabels' : 'randomLabels');
      cost.reset([
        { id: 'real', label: name('real'), colour: '#56B4E9' },
        { id: 'random', label: name('random'), colour: '#E69F00' },
      ]);
      accuracy.reset([
        { id: 'real-train', label: `${name('real')}, ${ctx.t('trainSet')}`, colour: '#56B4E9' },
        { id: 'real-test', label: `${name('real')}, ${ctx.t('testSet')}`, colour: '#1f6f9f' },
        { id: 'random-train', label: `${name('random')}, ${ctx.t('trainSet')}`, colour: '#E69F00' },
        { id: 'random-test', label: `${name('random')}, ${ctx.t('testSet')}`, colour: '#CC79A7' },
      ]);
      const plotted = { real: 0, random: 0 };
      const plot = (run: 'real' | 'random', c: TrainingCurves): void => {
        for (; plotted[run] < c.epochs.length; plotted[run]++) {
          const i = plotted[run];
          const steps = c.stepsAtEpoch[i];
          cost.add(run, steps, c.cost[i]);
          accuracy.add(`${run}-train`, steps, c.trainAccuracy[i]);
          accuracy.add(`${run}-test`, steps, c.testAccuracy[i]);
        }
      };
      const settings = { sizes: [784, v.width, v.width, 10], epochs: v.epochs, seed: v.seed };
      ctx.client.run('shuffled-labels', { trainCount: v.trainCount, settings }, {
        onStatus: stageText(ctx, p),
        onError: (error) => finish(ctx, p, { error }),
        onEpoch: (run, epoch, c) => {
          plot(run as 'real' | 'random', c);
          const i = c.epochs.length - 1;
          p.status.textContent = ctx.t('epochProgress', { run: name(run), epoch, train: ctx.pct(c.trainAccuracy[i]), test: ctx.pct(c.testAccuracy[i]) });
        },
        onResult: (r, seconds, backend) => {
          plot('real', r.real);
          plot('random', r.random);
          summary.append(
            table(
              ['', ctx.t('finalTrain'), ctx.t('finalTest'), ctx.t('finalCost')],
              (['real', 'random'] as const).map((run) => {
                const c = r[run];
                return [name(run), ctx.pct(c.trainAccuracy.at(-1) ?? NaN), ctx.pct(c.testAccuracy.at(-1) ?? NaN), ctx.num(c.cost.at(-1) ?? NaN, 4)];
              }),
            ),
          );
          finish(ctx, p, { seconds, backend });
        },
      });
    },
  });
  return parts.section;
}
