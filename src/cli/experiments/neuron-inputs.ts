import type { Command } from 'commander';
import { NEURON_INPUTS_DEFAULTS, runNeuronInputs } from '../../experiments/neuron-inputs.js';
import { writeImageGrid } from '../image-grid.js';
import { integerOption, numberOption } from '../options.js';
import { type CommonExperimentOptions, loadExperimentData, loadExperimentModel, outputFolder, report, writeResult } from './context.js';

interface NeuronInputsCliOptions extends CommonExperimentOptions {
  model?: string;
  steps: number;
  stepSize: number;
  seed: number;
  ink: number;
  blur: number;
}

/** `digitlab experiment neuron-inputs` (what a neuron looks for; its weights are not clean edges). */
export function registerNeuronInputs(parent: Command): Command {
  const d = NEURON_INPUTS_DEFAULTS;
  return parent
    .command('neuron-inputs')
    .description('the input that excites each hidden neuron most, within one average digit\'s ink and smoothed, beside its raw weights')
    .option('--model <file>', 'model file (default models/pretrained.json)')
    .option('--steps <n>', 'gradient-ascent steps', integerOption(1, 100_000), d.steps)
    .option('--step-size <x>', 'pixel change per step (pixels in [0, 1])', numberOption(1e-6, 1), d.stepSize)
    .option('--seed <n>', 'seed of the starting images', integerOption(0, 0xffffffff), d.seed)
    .option('--ink <x>', 'most ink in a found input, in average test images (0 = no limit: saturated noise)', numberOption(0, 784), d.ink)
    .option('--blur <sigma>', 'blur between steps, in pixels (0 = none)', numberOption(0, 10), d.blur)
    .action(async (o: NeuronInputsCliOptions) => {
      const { model, file } = await loadExperimentModel(o.model);
      const data = await loadExperimentData(o.data, model, file);
      const result = runNeuronInputs(model.network, data.test, { steps: o.steps, stepSize: o.stepSize, seed: o.seed, ink: o.ink, blur: o.blur });
      const out = await outputFolder('neuron-inputs', o.out);
      const files = ['result.json'];
      const layers = [...new Set(result.neurons.map((n) => n.layer))];
      for (const layer of layers) {
        const neurons = result.neurons.filter((n) => n.layer === layer);
        const name = `layer${layer}.png`;
        files.push(name);
        // Pairs side by side: the exciting input (grey), then the weights (green +, red −).
        await writeImageGrid(out.file(name), {
          title:
            `Layer ${layer}: the input that excites each neuron most (grey${result.inkBudget === null ? '' : ', one digit\'s ink'}) and its ` +
            (layer === 1 ? 'weights' : 'weights traced to the pixels') + ' (green +, red −)',
          columns: 8,
          tiles: neurons.flatMap((n) => [
            { values: n.input, kind: 'gray' as const, caption: `#${n.neuron} z=${n.bestWeightedInput.toFixed(1)}` },
            { values: n.weights, kind: 'signed' as const, caption: `#${n.neuron} weights` },
          ]),
        });
      }
      await writeResult(out.file('result.json'), result);
      const lines = layers.map((layer) => {
        const ns = result.neurons.filter((n) => n.layer === layer);
        const mean = (f: (n: (typeof ns)[number]) => number): string => (ns.reduce((s, n) => s + f(n), 0) / ns.length).toFixed(3);
        return `layer ${layer} (${ns.length} neurons): mean weighted input z for its found input ${mean((n) => n.bestWeightedInput)}, ` +
          `for the average test image ${mean((n) => n.meanImageWeightedInput)}, averaged over test images ${mean((n) => n.meanTestWeightedInput)}; ` +
          `activation σ(z) ${mean((n) => n.bestActivation)}, ${mean((n) => n.meanImageActivation)}, ${mean((n) => n.meanTestActivation)}`;
      });
      report(
        o,
        result,
        [
          `gradient ascent on the input, ${o.steps} steps of ${o.stepSize}, ` +
            (result.inkBudget === null ? 'pixels only kept in [0, 1]' : `at most ${result.inkBudget.toFixed(1)} of ink (${o.ink} × the average test digit's) where digits have ink, blurred σ ${o.blur} px between steps`) +
            ` (${file}):`,
          ...lines,
          'Look at the PNGs: neither the inputs nor the weights are the clean edges or loops one might hope for.',
        ],
        files.map(out.file),
      );
    });
}
