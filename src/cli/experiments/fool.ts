import type { Command } from 'commander';
import { FOOL_DEFAULTS, runFool } from '../../experiments/fool.js';
import { writeBarChart } from '../charts.js';
import { count, percent } from '../format.js';
import { writeImageGrid } from '../image-grid.js';
import { integerOption, numberOption } from '../options.js';
import { type CommonExperimentOptions, loadExperimentData, loadExperimentModel, outputFolder, report, writeResult } from './context.js';

interface FoolCliOptions extends CommonExperimentOptions {
  model?: string;
  index?: number;
  digit: number;
  target: number;
  maxEpsilon: number;
}

/** `digitlab experiment fool` (fooling the network). */
export function registerFool(parent: Command): Command {
  const d = FOOL_DEFAULTS;
  return parent
    .command('fool')
    .description('the smallest change along the sign of the input gradient that turns a 3 into an 8')
    .option('--model <file>', 'model file (default models/pretrained.json)')
    .option('--index <n>', 'test image to change (default: the first one of --digit the model gets right)', integerOption(0, 1e9))
    .option('--digit <d>', 'digit of the default image', integerOption(0, 255), d.sourceDigit)
    .option('--target <d>', 'answer to force', integerOption(0, 255), d.target)
    .option('--max-epsilon <x>', 'largest pixel change tried (pixels in [0, 1])', numberOption(0.004, 1), d.maxEpsilon)
    .action(async (o: FoolCliOptions) => {
      const { model, file } = await loadExperimentModel(o.model);
      const data = await loadExperimentData(o.data, model, file);
      const result = runFool(model.network, model.cost, data.test, { index: o.index, sourceDigit: o.digit, target: o.target, maxEpsilon: o.maxEpsilon });
      const out = await outputFolder('fool', o.out);
      const names = model.classNames;
      const conf = (outputs: number[], answer: number): string => `${names[answer]} (${percent(outputs[answer], 0)})`;
      await writeImageGrid(out.file('fool.png'), {
        title: result.succeeded ? `ε = ${result.epsilon.toFixed(3)}: ${names[result.label]} becomes ${names[result.target]}` : `no ε up to ${o.maxEpsilon} fools it`,
        zoom: 6,
        tiles: [
          { values: result.original, kind: 'gray', caption: `original → ${conf(result.originalOutputs, result.originalAnswer)}` },
          { values: result.perturbation, kind: 'signed', scale: Math.max(result.maxChange, 1e-6), caption: `change (max ${result.maxChange.toFixed(3)})` },
          { values: result.fooled, kind: 'gray', caption: `changed → ${conf(result.fooledOutputs, result.fooledAnswer)}` },
        ],
      });
      await writeBarChart(out.file('outputs.png'), {
        title: 'Output activations before and after the change',
        xLabel: 'output neuron',
        yLabel: 'activation',
        yMin: 0,
        categories: [...names],
        series: [
          { label: 'original image', values: result.originalOutputs },
          { label: 'changed image', values: result.fooledOutputs },
        ],
      });
      await writeResult(out.file('result.json'), result);
      report(
        o,
        result,
        [
          `test image #${result.index} (a ${names[result.label]}), answered ${conf(result.originalOutputs, result.originalAnswer)} by ${file}`,
          result.succeeded
            ? `fooled with ε = ${result.epsilon.toFixed(4)} (${Math.round(result.epsilon * 255)}/255 per pixel at most): answered ${conf(result.fooledOutputs, result.fooledAnswer)}; ` +
              `${count(result.changedPixels)} pixels changed, L2 size ${result.l2Change.toFixed(2)}`
            : `not fooled into ${names[result.target]} with any ε up to ${o.maxEpsilon}`,
        ],
        ['result.json', 'fool.png', 'outputs.png'].map(out.file),
      );
    });
}
