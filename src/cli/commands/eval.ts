import type { Command } from 'commander';
import { resolveDataOption } from '../../data/idx-dir.js';
import { DigitlabError } from '../../errors.js';
import { loadModel } from '../../model/model-io.js';
import { evaluateNetwork } from '../../train/predict.js';
import { confusionTable, count, percent } from '../format.js';

/** `digitlab eval`: test accuracy, per-class accuracy and the confusion matrix of a model. */
export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('measure a model on the test set: accuracy, per-class accuracy, confusion matrix')
    .requiredOption('--model <file>', 'model file')
    .option('--data <dir>', 'a directory with MNIST-named IDX files, or "fashion" (default: MNIST)')
    .option('--json', 'print the result as one JSON object')
    .action(async (o: { model: string; data?: string; json?: boolean }) => {
      const model = await loadModel(o.model);
      const data = await resolveDataOption(o.data);
      const test = data.test;
      const net = model.network;
      if (net.sizes[0] !== test.rows * test.cols || net.sizes[net.layerCount] !== test.classNames.length) {
        throw new DigitlabError(
          `${o.model}: the model takes ${net.sizes[0]} inputs and gives ${net.sizes[net.layerCount]} classes, but the data set has ` +
            `${test.rows}×${test.cols} images and ${test.classNames.length} classes`,
        );
      }
      const result = evaluateNetwork(net, test);
      if (o.json) {
        const { accuracy, perClassAccuracy, confusion } = result;
        process.stdout.write(JSON.stringify({ model: o.model, examples: test.count, accuracy, perClassAccuracy, confusion, classNames: model.classNames }) + '\n');
        return;
      }
      console.log(`test accuracy ${percent(result.accuracy)} on ${count(test.count)} images (${data.source})\n`);
      console.log(confusionTable(result.confusion, model.classNames));
    });
}
