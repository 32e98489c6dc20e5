import type { Command } from 'commander';
import { MIN_INK_CONTRAST } from '../../data/ink.js';
import { readPngDigit, type PngDigit } from '../../data/png-node.js';
import { DigitlabError } from '../../errors.js';
import { loadModel } from '../../model/model-io.js';
import { classify } from '../../train/predict.js';
import { argmaxRow } from '../../core/metrics.js';

/** The one-line warning for a picture without ink, or null when it has some. */
export function noInkWarning(file: string, digit: PngDigit): string | null {
  if (digit.ink.hasInk) return null;
  const what = digit.ink.contrast === 0 ? 'one flat shade' : `${(digit.ink.contrast * 100).toFixed(1)} % contrast, under the ${MIN_INK_CONTRAST * 100} % that counts as ink`;
  return `${file}: no ink in this ${digit.width}×${digit.height} image (${what}); the answer below is meaningless`;
}

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
        const digit = await readPngDigit(file);
        const output = classify(net, digit.input);
        const answer = argmaxRow(output, 0, output.length);
        const confidences = Array.from(output, (x) => Number(x.toFixed(6)));
        // A blank picture still gets the network's answer (it shows what a net says about nothing), marked as meaningless.
        const warning = noInkWarning(file, digit);
        if (warning !== null) console.error(`warning: ${warning}`);
        if (o.json) {
          const ink = { hasInk: digit.ink.hasInk, inkContrast: digit.ink.contrast, ...(warning === null ? {} : { warning }) };
          process.stdout.write(JSON.stringify({ file, prediction: answer, label: model.classNames[answer], confidences, ...ink }) + '\n');
        } else {
          const bars = confidences.map((c, j) => `  ${model.classNames[j].padEnd(12)} ${c.toFixed(3)} ${'█'.repeat(Math.round(c * 30))}`);
          console.log(`${file}: ${model.classNames[answer]}${warning === null ? '' : ' (meaningless: no ink)'}\n${bars.join('\n')}`);
        }
      }
    });
}
