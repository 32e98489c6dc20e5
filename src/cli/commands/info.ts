import type { Command } from 'commander';
import { parameterCount } from '../../core/network.js';
import { loadModel } from '../../model/model-io.js';
import { SEED_SETTINGS } from '../../train/settings.js';
import { count, percent } from '../format.js';

/** `digitlab info`: a model's (or the default network's) shape, parameter count and history. */
export function registerInfoCommand(program: Command): void {
  program
    .command('info')
    .description('layer sizes, parameter count, activation, cost, training settings and metrics of a model (default: the source network)')
    .option('--model <file>', 'model file (omit for the default 784-16-16-10 network)')
    .option('--json', 'print as one JSON object')
    .action(async (o: { model?: string; json?: boolean }) => {
      const model = o.model ? await loadModel(o.model) : null;
      const settings = model ? model.settings : SEED_SETTINGS;
      const sizes = model ? model.network.sizes : SEED_SETTINGS.sizes;
      const info = {
        model: o.model ?? null,
        layers: sizes,
        parameters: parameterCount(sizes),
        weights: sizes.slice(1).reduce((s, n, l) => s + n * sizes[l], 0),
        biases: sizes.slice(1).reduce((s, n) => s + n, 0),
        activation: model ? model.network.activation : SEED_SETTINGS.activation,
        outputActivation: model ? model.network.outputActivation : SEED_SETTINGS.outputActivation,
        cost: model ? model.cost : SEED_SETTINGS.cost,
        training: settings,
        metrics: model?.metrics ?? {},
        classNames: model?.classNames,
      };
      if (o.json) {
        process.stdout.write(JSON.stringify(info) + '\n');
        return;
      }
      const terms = sizes.slice(1).map((n, l) => `${sizes[l]}·${n}`).join(' + ');
      const biasTerms = sizes.slice(1).join(' + ');
      console.log(`${o.model ?? 'default network (the source document\'s)'}`);
      console.log(`  layers      ${sizes.join(' → ')}`);
      console.log(`  parameters  ${count(info.parameters)} = weights ${terms} (${count(info.weights)}) + biases ${biasTerms} (${count(info.biases)})`);
      console.log(`  activation  ${info.activation} (hidden), ${info.outputActivation} (output)`);
      console.log(`  cost        ${info.cost}`);
      if (settings) {
        console.log(
          `  training    ${settings.optimizer}, η = ${settings.learningRate}, batch ${settings.batchSize}, ${settings.epochs} epochs, ` +
            `init ${settings.init}${settings.l2 ? `, L2 λ = ${settings.l2}` : ''}, seed ${settings.seed}`,
        );
      }
      const m = info.metrics;
      if (m.testAccuracy !== undefined) console.log(`  metrics     test accuracy ${percent(m.testAccuracy)}, train cost ${m.trainCost?.toFixed(4)}`);
    });
}
