import { type Command, InvalidArgumentError } from 'commander';
import { type HiddenActivationName, HIDDEN_ACTIVATIONS } from '../../core/activations.js';
import { type InitName, INITS } from '../../core/init.js';
import { ACTIVATIONS_DEFAULTS, activationSettings, FAIR_ACTIVATION_SETTINGS, planActivations } from '../../experiments/activations.js';
import { SWEEP_RATES, SWEEP_SEEDS } from '../../experiments/learning-rate-sweep.js';
import { DigitlabError } from '../../errors.js';
import { BACKEND_NAMES, type BackendChoice, backendFactory } from '../backend-choice.js';
import { writeLineChart } from '../charts.js';
import { count, percent } from '../format.js';
import { choiceOption, integerOption, layersOption, numberOption } from '../options.js';
import { runActivationSweep } from './activation-sweep.js';
import { trainRuns } from './parallel-runs.js';
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
  sweep?: boolean;
  rates?: number[];
  seeds?: number[];
}

/** `digitlab experiment activations` (sigmoid versus ReLU). */
export function registerActivations(parent: Command): Command {
  const d = ACTIVATIONS_DEFAULTS;
  const s = d.settings;
  const fair = (Object.keys(FAIR_ACTIVATION_SETTINGS) as HiddenActivationName[]).map((a) => `${a} η ${FAIR_ACTIVATION_SETTINGS[a].learningRate}`).join(', ');
  return parent
    .command('activations')
    .description(`sigmoid versus ReLU, each at the learning rate fair to it (${fair}): cost and test accuracy per epoch, and which learns faster; --sweep measures those rates`)
    .option('--compare <names>', `hidden activations, comma-separated (${HIDDEN_ACTIVATIONS.join(', ')})`, d.activations.join(','))
    .option('--layers <sizes>', `layer sizes (default ${s.sizes?.join(',')})`, layersOption)
    .option('--init <name>', `initial weights of every run: ${INITS.join(', ')} (default: each activation's own, xavier for sigmoid and tanh, he for relu)`, choiceOption(INITS))
    .option('--lr <number>', 'one learning rate for every run (default: each activation\'s fair rate)', numberOption(0, 1e6))
    .option('--epochs <n>', `epochs of each run (default ${s.epochs})`, integerOption(1, 100_000))
    .option('--seed <n>', `seed (default ${s.seed})`, integerOption(0, 0xffffffff))
    .option('--train-count <n>', 'training images used (the first n)', integerOption(1, 60_000), d.trainCount)
    .option('--sweep', 'instead: try each learning rate of --rates on a validation split (the last sixth of the training images) and report the best per activation')
    .option('--rates <list>', `learning rates of --sweep (default ${SWEEP_RATES.join(',')})`, ratesOption)
    .option('--seeds <list>', `seeds of every --sweep rate (default ${SWEEP_SEEDS.join(',')})`, seedsOption)
    .option('--backend <name>', `implementation: ${BACKEND_NAMES.join(', ')}`, choiceOption(BACKEND_NAMES), 'auto')
    .action(async (o: ActivationsCliOptions) => {
      const activations = o.compare.split(',').map((a) => a.trim());
      for (const a of activations) {
        if (!(HIDDEN_ACTIVATIONS as readonly string[]).includes(a)) throw new DigitlabError(`--compare: "${a}" is not one of ${HIDDEN_ACTIVATIONS.join(', ')}`);
      }
      const chosen = activations as HiddenActivationName[];
      const data = await loadExperimentData(o.data);
      const settings = { sizes: o.layers, learningRate: o.lr, init: o.init, epochs: o.epochs, seed: o.seed };
      const imageSize = data.train.rows * data.train.cols;
      if (o.sweep) {
        const backend = await backendFactory(o.backend, activationSettings(chosen[0], settings, imageSize, data.train.classNames.length));
        const sweepSettings = { sizes: o.layers, init: o.init, epochs: o.epochs };
        await runActivationSweep(o, data, { activations: chosen, rates: o.rates ?? SWEEP_RATES, seeds: o.seeds ?? SWEEP_SEEDS, settings: sweepSettings, trainCount: o.trainCount }, backend);
        return;
      }
      const result = await trainRuns(planActivations(data, { activations: chosen, trainCount: o.trainCount, settings }), o.backend, epochProgress);
      const out = await outputFolder('activations', o.out);
      const first = result.runs[0].settings;
      const rates = result.summary.map((r) => `${r.activation} η=${r.learningRate} ${r.init}`).join(', ');
      const what = `${first.sizes.join('-')}, ${first.cost} cost, ${first.optimizer}, batch ${first.batchSize}, seed ${first.seed}`;
      await writeLineChart(out.file('cost.png'), {
        title: `Training cost per epoch (${what}; ${rates})`,
        xLabel: 'epoch',
        yLabel: 'cost',
        series: result.runs.map((r) => ({ label: `${r.activation} (η ${r.settings.learningRate})`, y: r.curves.cost })),
      });
      await writeLineChart(out.file('accuracy.png'), {
        title: 'Test accuracy per epoch',
        xLabel: 'epoch',
        yLabel: 'test accuracy',
        yPercent: true,
        series: result.runs.map((r) => ({ label: `${r.activation} (η ${r.settings.learningRate})`, y: r.curves.testAccuracy })),
      });
      await writeResult(out.file('result.json'), result);
      const best = result.summary.find((r) => r.activation === result.faster)!;
      report(
        o,
        result,
        [
          `${what}, ${count(result.trainCount)} training images [${result.runs[0].curves.backend}]:`,
          ...result.summary.map(
            (r, i) =>
              `${r.activation.padEnd(8)} η ${String(r.learningRate).padEnd(5)} ${r.init.padEnd(7)} test accuracy after epoch 1 ${percent(r.firstEpochAccuracy, 1)}, ` +
              `after epoch ${result.runs[i].curves.epochs.length} ${percent(r.finalAccuracy, 1)}, mean over the epochs ${percent(r.meanAccuracy, 1)}; ` +
              `final cost ${(result.runs[i].curves.cost.at(-1) ?? NaN).toFixed(4)} (${result.runs[i].curves.seconds.toFixed(1)} s)`,
          ),
          `learns faster: ${result.faster} (η ${best.learningRate}), by test accuracy averaged over the epochs`,
        ],
        ['result.json', 'cost.png', 'accuracy.png'].map(out.file),
      );
    });
}

/** "0.1,0.3,1": numbers > 0 separated by commas. */
function ratesOption(value: string): number[] {
  const rates = value.split(',').map((p) => Number(p.trim()));
  if (rates.some((x) => !(Number.isFinite(x) && x > 0))) throw new InvalidArgumentError('Expected numbers > 0 separated by commas, e.g. 0.1,0.3,1.');
  return rates;
}

/** "1,2,3": whole numbers ≥ 0 separated by commas. */
function seedsOption(value: string): number[] {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.some((p) => !/^\d+$/.test(p) || Number(p) > 0xffffffff)) throw new InvalidArgumentError('Expected whole numbers separated by commas, e.g. 1,2,3.');
  return parts.map(Number);
}
