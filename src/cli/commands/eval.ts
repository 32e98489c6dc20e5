import type { Command } from 'commander';
import type { Dataset } from '../../data/dataset.js';
import { resolveDataOption } from '../../data/idx-dir.js';
import { loadImageFolder } from '../../data/image-folder-node.js';
import { DigitlabError } from '../../errors.js';
import type { Model } from '../../model/model-file.js';
import { loadModel } from '../../model/model-io.js';
import { readDigits } from '../../train/digits-report.js';
import { evaluateNetwork } from '../../train/predict.js';
import { confusionTable, count, percent } from '../format.js';
import { checkDigitModel, imageSetWarnings } from '../image-set-text.js';

/** The options of `digitlab eval`. */
interface EvalOptions {
  model: string;
  data?: string;
  images?: string;
  json?: boolean;
}

/** `digitlab eval`: test accuracy, per-class accuracy and the confusion matrix of a model. */
export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('measure a model on the test set (or on your own digits, --images): accuracy, per-class accuracy, confusion matrix')
    .requiredOption('--model <file>', 'model file')
    .option('--data <dir>', 'a directory with MNIST-named IDX files, an image folder (class folders 0/ … 9/ of PNGs), or "fashion" (default: MNIST)')
    .option('--images <dir>', 'an image folder: class folders 0/ … 9/ of PNG images of any size, each preprocessed as predict does')
    .option('--json', 'print the result as one JSON object')
    .action(async (o: EvalOptions) => {
      if (o.images !== undefined && o.data !== undefined) throw new DigitlabError('--images and --data both name a data set; give one');
      const model = await loadModel(o.model);
      if (o.images !== undefined) return evalImages(model, o.model, o.images, o.json === true);
      const data = await resolveDataOption(o.data);
      const test = data.test;
      const net = model.network;
      checkFits(model, o.model, test);
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

/** Refuses a data set whose images or classes the model does not take. */
function checkFits(model: Model, file: string, data: Dataset): void {
  const net = model.network;
  if (net.sizes[0] !== data.rows * data.cols || net.sizes[net.layerCount] !== data.classNames.length) {
    throw new DigitlabError(
      `${file}: the model takes ${net.sizes[0]} inputs and gives ${net.sizes[net.layerCount]} classes, but the data set has ` +
        `${data.rows}×${data.cols} images and ${data.classNames.length} classes`,
    );
  }
}

/**
 * `eval --images DIR`: how well the model reads a folder of your own digits — accuracy, per
 * digit, and each mistake (file, answer, confidence). With --json one object:
 * `{ model, images, accuracy, count, perClass: [{ label, count, correct, accuracy }], mistakes: [{ file, label, prediction, confidence }] }`.
 */
async function evalImages(model: Model, file: string, dir: string, json: boolean): Promise<void> {
  checkDigitModel(model, file);
  const set = await loadImageFolder(dir);
  checkFits(model, file, set.dataset);
  for (const warning of imageSetWarnings(set)) console.error(`warning: ${warning}`);
  const report = readDigits(model.network, set.dataset);
  const mistakes = report.mistakes.map((m) => ({ file: set.files[m.index], label: m.label, prediction: m.prediction, confidence: Number(m.confidence.toFixed(6)) }));
  if (json) {
    process.stdout.write(JSON.stringify({ model: file, images: dir, accuracy: report.accuracy, count: report.count, perClass: report.perClass, mistakes }) + '\n');
    return;
  }
  console.log(`accuracy ${percent(report.accuracy)} on ${count(report.count)} images (${dir})\n`);
  console.log('digit   images   right   accuracy');
  for (const c of report.perClass) {
    if (c.count > 0) console.log(`${c.label.padEnd(8)}${String(c.count).padStart(6)}${String(c.correct).padStart(8)}   ${percent(c.accuracy ?? NaN, 1).padStart(8)}`);
  }
  if (mistakes.length === 0) return;
  console.log(`\nmistakes (${count(mistakes.length)}):`);
  for (const m of mistakes) console.log(`  ${m.file}: read as ${model.classNames[m.prediction]} (confidence ${m.confidence.toFixed(2)}), labelled ${model.classNames[m.label]}`);
}
