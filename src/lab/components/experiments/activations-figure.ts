import type { ActivationsResult } from '../../../experiments/activations.js';
import { curvePairIn } from '../curve-pair.js';
import { el, table } from '../figure-parts.js';
import type { Figure } from './experiment-frame.js';

const COLOUR = { sigmoid: '#56B4E9', relu: '#E69F00', tanh: '#009E73' } as const;

/** Sigmoid versus ReLU with everything else equal — cost and test accuracy per epoch, then a table. */
export const activationsFigure: Figure<ActivationsResult> = (output, tr) => {
  const { t, num, pct } = tr;
  const { cost, accuracy, summary } = curvePairIn(output, { cost: t('costByEpoch'), accuracy: t('accuracyByEpoch'), axis: t('epochAxis') }, tr, { x: 'linear', cost: 'linear', initialMax: 1 });
  const series = (['sigmoid', 'relu'] as const).map((id) => ({ id, label: id === 'sigmoid' ? 'sigmoid σ' : 'ReLU', colour: COLOUR[id] }));
  cost.reset(series);
  accuracy.reset(series);
  return {
    epoch: (run, epoch, c) => {
      const i = c.epochs.length - 1;
      cost.add(run, epoch, c.cost[i]);
      accuracy.add(run, epoch, c.testAccuracy[i]);
      return t('epochProgress', { run, epoch, train: pct(c.trainAccuracy[i]), test: pct(c.testAccuracy[i]) });
    },
    result: (r) => {
      const name = (activation: string): string => (activation === 'sigmoid' ? 'sigmoid σ' : activation === 'relu' ? 'ReLU' : activation);
      summary.append(
        table(
          ['', t('rateColumn'), t('initColumn'), t('afterEpoch1'), t('afterLast'), t('meanColumn'), t('finalCost')],
          r.runs.map((run, i) => {
            const s = r.summary[i];
            return [name(run.activation), tr.plain(s.learningRate), t(s.init === 'he' ? 'initHe' : s.init === 'xavier' ? 'initXavier' : 'initNormal'), pct(s.firstEpochAccuracy), pct(s.finalAccuracy), pct(s.meanAccuracy), num(run.curves.cost.at(-1) ?? NaN, 4)];
          }),
        ),
        el('p', 'summary', t('fasterSummary', { faster: name(r.faster), margin: num(r.margin * 100, 1) })),
      );
    },
  };
};
