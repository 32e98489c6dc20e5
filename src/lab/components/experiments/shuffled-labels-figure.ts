import type { ShuffledLabelsResult } from '../../../experiments/shuffled-labels.js';
import type { TrainingCurves } from '../../../experiments/training-curves.js';
import { curvePairIn } from '../curve-pair.js';
import { table } from '../figure-parts.js';
import type { Figure } from './experiment-frame.js';

/** Memorised, not learned: real versus shuffled labels — cost and both accuracies drawn live per epoch, then the final numbers. */
export const shuffledLabelsFigure: Figure<ShuffledLabelsResult> = (output, tr) => {
  const { t, num, pct } = tr;
  // A linear step axis: the story is the slow, almost linear fall of the cost over the whole (planned) run.
  const { cost, accuracy, summary } = curvePairIn(output, { cost: t('costBySteps'), accuracy: t('accuracyBySteps'), axis: t('steps_') }, tr, { x: 'linear', cost: 'linear', initialMax: 1 });
  const name = (run: string): string => t(run === 'real' ? 'realLabels' : 'randomLabels');
  cost.reset([
    { id: 'real', label: name('real'), colour: '#56B4E9' },
    { id: 'random', label: name('random'), colour: '#E69F00' },
  ]);
  accuracy.reset([
    { id: 'real-train', label: `${name('real')}, ${t('trainSet')}`, colour: '#56B4E9' },
    { id: 'real-test', label: `${name('real')}, ${t('testSet')}`, colour: '#1f6f9f' },
    { id: 'random-train', label: `${name('random')}, ${t('trainSet')}`, colour: '#E69F00' },
    { id: 'random-test', label: `${name('random')}, ${t('testSet')}`, colour: '#CC79A7' },
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
  return {
    epoch: (run, epoch, c) => {
      plot(run as 'real' | 'random', c);
      const i = c.epochs.length - 1;
      return t('epochProgress', { run: name(run), epoch, train: pct(c.trainAccuracy[i]), test: pct(c.testAccuracy[i]) });
    },
    result: (r) => {
      plot('real', r.real);
      plot('random', r.random);
      summary.append(
        table(
          ['', t('finalTrain'), t('finalTest'), t('finalCost')],
          (['real', 'random'] as const).map((run) => {
            const c = r[run];
            return [name(run), pct(c.trainAccuracy.at(-1) ?? NaN), pct(c.testAccuracy.at(-1) ?? NaN), num(c.cost.at(-1) ?? NaN, 4)];
          }),
        ),
      );
    },
  };
};
