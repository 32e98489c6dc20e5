import type { Command } from 'commander';
import { HIDDEN_ACTIVATIONS } from '../../core/activations.js';
import { OPTIMIZERS } from '../../core/optimizers.js';
import { planShuffledLabels, SHUFFLED_LABELS_DEFAULTS } from '../../experiments/shuffled-labels.js';
import type { PartialSettings } from '../../model/training-settings.js';
import { BACKEND_NAMES, type BackendChoice } from '../backend-choice.js';
import { SERIES_COLORS, writeLineChart } from '../charts.js';
import { count, percent } from '../format.js';
import { choiceOption, integerOption, layersOption, numberOption } from '../options.js';
import { trainRuns } from './parallel-runs.js';
import { type CommonExperimentOptions, loadExperimentData, outputFolder, report, writeResult } from './context.js';
import { epochProgress } from './training-progress.js';

interface ShuffledCliOptions extends CommonExperimentOptions {
  trainCount: number;
  testCount: number;
  layers?: number[];
  activation?: PartialSettings['activation'];
  optimizer?: PartialSettings['optimizer'];
  lr?: number;
  batch?: number;
  epochs?: number;
  seed?: number;
  backend: BackendChoice;
}

/** `digitlab experiment shuffled-labels` (memorised, not learned). */
export function registerShuffledLabels(parent: Command): Command {
  const d = SHUFFLED_LABELS_DEFAULTS;
  const s = d.settings;
  return parent
    .command('shuffled-labels')
    .description('train on real and on randomly permuted labels: memorisation without learning')
    .option('--train-count <n>', 'training images used (the first n)', integerOption(10, 60_000), d.trainCount)
    .option('--test-count <n>', 'test images measured after each epoch', integerOption(1, 10_000), d.testCount)
    .option('--layers <sizes>', `layer sizes (default ${s.sizes?.join(',')})`, layersOption)
    .option('--activation <name>', `hidden activation (default ${s.activation})`, choiceOption(HIDDEN_ACTIVATIONS))
    .option('--optimizer <name>', `optimizer (default ${s.optimizer})`, choiceOption(OPTIMIZERS))
    .option('--lr <number>', `learning rate (default ${s.learningRate})`, numberOption(0, 1e6))
    .option('--batch <n>', `mini-batch size (default ${s.batchSize})`, integerOption(1, 100_000))
    .option('--epochs <n>', `epochs of each run (default ${s.epochs})`, integerOption(1, 100_000))
    .option('--seed <n>', `seed of the weights, batches and the label shuffle (default ${s.seed})`, integerOption(0, 0xffffffff))
    .option('--backend <name>', `implementation: ${BACKEND_NAMES.join(', ')}`, choiceOption(BACKEND_NAMES), 'auto')
    .action(async (o: ShuffledCliOptions) => {
      const data = await loadExperimentData(o.data);
      const settings: PartialSettings = { ...s };
      if (o.layers) settings.sizes = o.layers;
      if (o.activation) settings.activation = o.activation;
      if (o.optimizer) settings.optimizer = o.optimizer;
      if (o.lr !== undefined) settings.learningRate = o.lr;
      if (o.batch !== undefined) settings.batchSize = o.batch;
      if (o.epochs !== undefined) settings.epochs = o.epochs;
      if (o.seed !== undefined) settings.seed = o.seed;
      // Both runs at once, one per core.
      const result = await trainRuns(planShuffledLabels(data, { trainCount: o.trainCount, testCount: o.testCount, settings }), o.backend, epochProgress);
      const out = await outputFolder('shuffled-labels', o.out);
      const { real, random } = result;
      await writeLineChart(out.file('cost.png'), {
        title: `Cost while training ${result.settings.sizes.join('-')} on ${count(result.trainCount)} images`,
        xLabel: 'mini-batch steps',
        yLabel: `cost (${result.settings.cost})`,
        series: [
          { label: 'real labels', x: real.stepCostAt, y: real.stepCost },
          { label: 'shuffled labels', x: random.stepCostAt, y: random.stepCost },
        ],
      });
      await writeLineChart(out.file('accuracy.png'), {
        title: 'Accuracy: memorising random labels does not generalise',
        xLabel: 'mini-batch steps',
        yLabel: 'accuracy',
        yMin: 0,
        yMax: 1,
        yPercent: true,
        series: [
          // One hue per labelling; solid = training set, dashed = test set.
          { label: 'real labels, training set', x: real.stepsAtEpoch, y: real.trainAccuracy, color: SERIES_COLORS[0] },
          { label: 'real labels, test set', x: real.stepsAtEpoch, y: real.testAccuracy, dashed: true, color: SERIES_COLORS[0] },
          { label: 'shuffled labels, training set', x: random.stepsAtEpoch, y: random.trainAccuracy, color: SERIES_COLORS[1] },
          { label: 'shuffled labels, test set', x: random.stepsAtEpoch, y: random.testAccuracy, dashed: true, color: SERIES_COLORS[1] },
          { label: 'chance (1 in 10)', x: [0, real.stepsAtEpoch.at(-1) ?? 1], y: [0.1, 0.1], dashed: true, color: '#999999' },
        ],
      });
      await writeResult(out.file('result.json'), result);
      const last = (c: typeof real): string =>
        `training accuracy ${percent(c.trainAccuracy.at(-1) ?? NaN, 1)}, test accuracy ${percent(c.testAccuracy.at(-1) ?? NaN, 1)}, final cost ${(c.cost.at(-1) ?? NaN).toFixed(4)} (${c.seconds.toFixed(0)} s)`;
      const halfCost = (c: typeof real): number => c.epochs[c.cost.findIndex((x) => x <= c.cost[0] / 2)] ?? NaN;
      report(
        o,
        result,
        [
          `${result.settings.sizes.join('-')} (${count(result.parameters)} parameters), ${count(result.trainCount)} training images, ` +
            `${result.settings.epochs} epochs, seed ${result.settings.seed} [${real.backend}]:`,
          `real labels:     ${last(real)}`,
          `shuffled labels: ${last(random)}`,
          `cost halved after epoch ${halfCost(real)} on real labels, epoch ${halfCost(random)} on shuffled ones.`,
          `Memorised, not learned: random labels are fitted, test accuracy stays near chance (10 %).`,
        ],
        ['result.json', 'cost.png', 'accuracy.png'].map(out.file),
      );
    });
}
