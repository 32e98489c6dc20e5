import type { Command } from 'commander';
import { type HiddenActivationName, HIDDEN_ACTIVATIONS } from '../../core/activations.js';
import { type InitName, INITS } from '../../core/init.js';
import { ACTIVATIONS_DEFAULTS, runActivations } from '../../experiments/activations.js';
import { DigitlabError } from '../../errors.js';
import { resolveSettings } from '../../train/settings.js';
import { BACKEND_NAMES, type BackendChoice, backendFactory } from '../backend-choice.js';
import { writeLineChart } from '../charts.js';
import { count, percent } from '../format.js';
import { choiceOption, integerOption, layersOption, numberOption } from '../options.js';
import { type CommonExperimentOptions, loadExperimentData, outputFolder, report, writeResult } from './context.js';
import { epochProgress } from './training-progress.js';

interface ActivationsCliOptions extends CommonExperimentOptions {
  compare: string;
  layers?: number[];
  lr?: number;
  init?: InitName;
  epochs?: number;
  seed?: number;
  trainCount: number;
  backend: BackendChoice;
}

/** `digitlab experiment activations` (S12). */
export function registerActivations(parent: Command): Command {
  const d = ACTIVATIONS_DEFAULTS;
  const s = d.settings;
  return parent
    .command('activations')
    .description('sigmoid versus ReLU: the same network and seed, cost and test accuracy per epoch (S12)')
    .option('--compare <names>', `hidden activations, comma-separated (${HIDDEN_ACTIVATIONS.join(', ')})`, d.activations.join(','))
    .option('--layers <sizes>', `layer sizes (default ${s.sizes?.join(',')})`, layersOption)
    .option('--init <name>', `initial weights, the same draw for every run: ${INITS.join(', ')} (default ${s.init})`, choiceOption(INITS))
    .option('--lr <number>', `learning rate shared by the runs (default ${s.learningRate})`, numberOption(0, 1e6))
    .option('--epochs <n>', `epochs of each run (default ${s.epochs})`, integerOption(1, 100_000))
    .option('--seed <n>', `seed (default ${s.seed})`, integerOption(0, 0xffffffff))
    .option('--train-count <n>', 'training images used (the first n)', integerOption(1, 60_000), d.trainCount)
    .option('--backend <name>', `implementation: ${BACKEND_NAMES.join(', ')}`, choiceOption(BACKEND_NAMES), 'auto')
    .action(async (o: ActivationsCliOptions) => {
      const activations = o.compare.split(',').map((a) => a.trim());
      for (const a of activations) {
        if (!(HIDDEN_ACTIVATIONS as readonly string[]).includes(a)) throw new DigitlabError(`--compare: "${a}" is not one of ${HIDDEN_ACTIVATIONS.join(', ')}`);
      }
      const data = await loadExperimentData(o.data);
      const settings = { ...s, sizes: o.layers ?? s.sizes, learningRate: o.lr ?? s.learningRate, init: o.init ?? s.init, epochs: o.epochs ?? s.epochs, seed: o.seed ?? s.seed };
      const backend = await backendFactory(o.backend, resolveSettings(settings, data.train.rows * data.train.cols, data.train.classNames.length));
      const result = runActivations(
        data,
        { activations: activations as HiddenActivationName[], trainCount: o.trainCount, settings },
        { backend, onEpoch: epochProgress },
      );
      const out = await outputFolder('activations', o.out);
      const first = result.runs[0].settings;
      const what = `${first.sizes.join('-')}, ${first.cost} cost, ${first.optimizer} η=${first.learningRate}, batch ${first.batchSize}, seed ${first.seed}`;
      await writeLineChart(out.file('cost.png'), {
        title: `Training cost per epoch (${what})`,
        xLabel: 'epoch',
        yLabel: 'cost',
        series: result.runs.map((r) => ({ label: r.activation, y: r.curves.cost })),
      });
      await writeLineChart(out.file('accuracy.png'), {
        title: 'Test accuracy per epoch',
        xLabel: 'epoch',
        yLabel: 'test accuracy',
        yPercent: true,
        series: result.runs.map((r) => ({ label: r.activation, y: r.curves.testAccuracy })),
      });
      await writeResult(out.file('result.json'), result);
      report(
        o,
        result,
        [
          `${what}, ${count(result.trainCount)} training images [${result.runs[0].curves.backend}]:`,
          ...result.runs.map(
            (r) =>
              `${r.activation.padEnd(8)} test accuracy after epoch 1 ${percent(r.curves.testAccuracy[0], 1)}, after epoch ${r.curves.epochs.length} ` +
              `${percent(r.curves.testAccuracy.at(-1) ?? NaN, 1)}; final cost ${(r.curves.cost.at(-1) ?? NaN).toFixed(4)} (${r.curves.seconds.toFixed(1)} s)`,
          ),
        ],
        ['result.json', 'cost.png', 'accuracy.png'].map(out.file),
      );
    });
}
