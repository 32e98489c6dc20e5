import { table } from './draw.js';
import { costAndAccuracyCharts, createPanel, finish, type PanelContext, stageText } from './panel.js';

const COLOUR = { sigmoid: '#56B4E9', relu: '#E69F00', tanh: '#009E73' } as const;

/** S12: sigmoid versus ReLU with everything else equal, trained in the Worker. */
export function activationsPanel(ctx: PanelContext): HTMLElement {
  const parts = createPanel(ctx, {
    id: 'activations',
    title: 'activationsTitle',
    intro: 'activationsIntro',
    fields: [
      { name: 'epochs', label: 'epochs', value: 10, min: 1, max: 1000 },
      { name: 'trainCount', label: 'trainCount', value: 60000, min: 100, max: 60000 },
      { name: 'seed', label: 'seed', value: 1, min: 0, max: 0xffffffff },
    ],
    onRun: (p) => {
      const v = p.values();
      const { cost, accuracy, summary } = costAndAccuracyCharts(ctx, p, { cost: ctx.t('costByEpoch'), accuracy: ctx.t('accuracyByEpoch'), axis: ctx.t('epochAxis') });
      const series = (['sigmoid', 'relu'] as const).map((id) => ({ id, label: id === 'sigmoid' ? 'sigmoid σ' : 'ReLU', colour: COLOUR[id] }));
      cost.reset(series);
      accuracy.reset(series);
      ctx.client.run('activations', { trainCount: v.trainCount, settings: { epochs: v.epochs, seed: v.seed } }, {
        onStatus: stageText(ctx, p),
        onError: (error) => finish(ctx, p, { error }),
        onEpoch: (run, epoch, c) => {
          const i = c.epochs.length - 1;
          cost.add(run, epoch, c.cost[i]);
          accuracy.add(run, epoch, c.testAccuracy[i]);
          p.status.textContent = ctx.t('epochProgress', { run, epoch, train: ctx.pct(c.trainAccuracy[i]), test: ctx.pct(c.testAccuracy[i]) });
        },
        onResult: (r, seconds, backend) => {
          summary.append(
            table(
              ['', ctx.t('afterEpoch1'), ctx.t('afterLast'), ctx.t('finalCost')],
              r.runs.map((run) => [run.activation, ctx.pct(run.curves.testAccuracy[0]), ctx.pct(run.curves.testAccuracy.at(-1) ?? NaN), ctx.num(run.curves.cost.at(-1) ?? NaN, 4)]),
            ),
          );
          finish(ctx, p, { seconds, backend });
        },
      });
    },
  });
  return parts.section;
}
