import type { Command } from 'commander';
import { readPngAsMnist } from '../../data/png-node.js';
import { DigitlabError } from '../../errors.js';
import { loadModel } from '../../model/model-io.js';
import { classify } from '../../train/predict.js';
import { argmaxRow } from '../../core/metrics.js';

/** `digitlab predict`: what a model answers for PNG images of handwritten digits. */
export function registerPredictCommand(program: Command): void {
  program
    .command('predict')
    .description('classify PNG images (any size; dark-on-light is inverted; fitted and centred as MNIST was)')
    .requiredOption('--model <file>', 'model file')
    .argument('<images...>', 'PNG files')
    .option('--json', 'one JSON object per image')
    .action(async (images: string[], o: { model: string; json?: boolean }) => {
      const model = await loadModel(o.model);
      const net = model.network;
      if (net.sizes[0] !== 784) throw new DigitlabError(`${o.model}: the model takes ${net.sizes[0]} inputs, not 28×28 = 784 pixels`);
      for (const file of images) {
        const pixels = await readPngAsMnist(file);
        const output = classify(net, pixels);
        const answer = argmaxRow(output, 0, output.length);
        const confidences = Array.from(output, (x) => Number(x.toFixed(6)));
        if (o.json) {
          process.stdout.write(JSON.stringify({ file, prediction: answer, label: model.classNames[answer], confidences }) + '\n');
        } else {
          const bars = confidences.map((c, j) => `  ${model.classNames[j].padEnd(12)} ${c.toFixed(3)} ${'█'.repeat(Math.round(c * 30))}`);
          console.log(`${file}: ${model.classNames[answer]}\n${bars.join('\n')}`);
        }
      }
    });
}
