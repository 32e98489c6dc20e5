import type { HiddenActivationName } from '../../core/activations.js';
import { type DatasetPair, takeFirst } from '../../data/dataset.js';
import { activationSettings, FAIR_ACTIVATION_SETTINGS } from '../../experiments/activations.js';
import { type SweepResult, sweepLearningRates } from '../../experiments/learning-rate-sweep.js';
import type { PartialSettings } from '../../model/training-settings.js';
import type { BackendFactory } from '../../train/trainer.js';
import { writeLineChart } from '../charts.js';
import { count, percent } from '../format.js';
import { type CommonExperimentOptions, outputFolder, progress, report, writeResult } from './context.js';

/** What `experiment activations --sweep` needs. */
export interface SweepRequest {
  readonly activations: readonly HiddenActivationName[];
  readonly rates: readonly number[];
  readonly seeds: readonly number[];
  /** Settings given on the command line (epochs, layers…, undefined = not given); the rest are the comparison's. */
  readonly settings: PartialSettings;
  readonly trainCount: number;
}

/**
 * `digitlab experiment activations --sweep`: the learning-rate sweep behind the comparison's
 * fair rates, on a validation split of the training set (the test set is not used).
 */
export async function runActivationSweep(o: CommonExperimentOptions, data: DatasetPair, request: SweepRequest, backend: BackendFactory | undefined): Promise<void> {
  const first = takeFirst(data.train, request.trainCount);
  const sweeps: SweepResult[] = request.activations.map((activation) =>
    sweepLearningRates(
      first,
      {
        activation,
        rates: request.rates,
        seeds: request.seeds,
        // The comparison's own settings for this activation (its init), with what the command line gave.
        settings: activationSettings(activation, request.settings, first.rows * first.cols, first.classNames.length),
      },
      { backend, onRun: (rate, seed, accuracy) => progress(`${activation.padEnd(8)} η ${String(rate).padEnd(5)} seed ${seed}: validation ${percent(accuracy, 1)}`) },
    ),
  );
  const result = { experiment: 'activations-sweep', sweeps };
  const out = await outputFolder('activations', o.out);
  const s = sweeps[0];
  await writeLineChart(out.file('sweep.png'), {
    title: `Validation accuracy after ${s.epochs} epochs (mean of seeds ${s.seeds.join(', ')}) by learning rate`,
    xLabel: 'learning rate η',
    yLabel: `accuracy on the last ${count(s.validationCount)} training images`,
    yPercent: true,
    xLog: true,
    series: sweeps.map((w) => ({ label: w.activation, x: w.points.map((p) => p.learningRate), y: w.points.map((p) => p.score) })),
  });
  await writeResult(out.file('sweep.json'), result);
  report(
    o,
    result,
    [
      `learning-rate sweep: ${count(s.trainCount)} training images, validation on the next ${count(s.validationCount)}, ${s.epochs} epochs, seeds ${s.seeds.join(', ')}`,
      `  η        ${sweeps.map((w) => w.activation.padStart(9)).join('')}`,
      ...request.rates.map((rate, i) => `  ${String(rate).padEnd(9)}${sweeps.map((w) => percent(w.points[i].score, 2).padStart(9)).join('')}`),
      `  best     ${sweeps.map((w) => String(w.best).padStart(9)).join('')}`,
      `  the comparison uses ${request.activations.map((a) => `η ${FAIR_ACTIVATION_SETTINGS[a].learningRate} for ${a}`).join(', ')}`,
    ],
    ['sweep.json', 'sweep.png'].map(out.file),
  );
}
