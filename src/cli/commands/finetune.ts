import type { Command } from 'commander';
import { loadMnist } from '../../data/idx-dir.js';
import { loadImageFolder } from '../../data/image-folder-node.js';
import { loadModel, saveModel } from '../../model/model-io.js';
import { checkOutputFile } from '../../model/output-path.js';
import { SETTING_LIMITS } from '../../model/setting-limits.js';
import { FINE_TUNE_DEFAULTS, fineTuneDigits, fineTunedModel, fineTuneSettings } from '../../train/finetune.js';
import { backendFactory, BACKEND_NAMES, type BackendChoice } from '../backend-choice.js';
import { count, percent } from '../format.js';
import { checkDigitModel, imageSetWarnings } from '../image-set-text.js';
import { choiceOption, integerOption, limitOption, numberOption } from '../options.js';

/** The options of `digitlab finetune`, as commander parses them. */
interface FineTuneCliOptions {
  model: string;
  images: string;
  out: string;
  epochs?: number;
  holdout: number;
  seed?: number;
  lr?: number;
  mnistImages?: number;
  copies?: number;
  json?: boolean;
  backend: BackendChoice;
}

/**
 * `digitlab finetune`: teaches a model your handwriting — fine-tunes it on MNIST mixed with an
 * image folder of your digits (src/train/finetune.ts), holding a part of them out, and prints
 * their accuracy and MNIST's test accuracy before and after. The model file is written
 * (atomically) only after the run succeeded; its path is checked before any work.
 */
export function registerFineTuneCommand(program: Command): void {
  const d = FINE_TUNE_DEFAULTS;
  program
    .command('finetune')
    .description('fine-tune a model on your own digits (an image folder) mixed with MNIST; held-out and MNIST test accuracy before and after')
    .requiredOption('--model <file>', 'the model to start from')
    .requiredOption('--images <dir>', 'an image folder: class folders 0/ … 9/ of PNG images of any size')
    .requiredOption('--out <file>', 'where to save the fine-tuned model')
    .option('--epochs <n>', `passes over the mix (default ${d.epochs})`, limitOption(SETTING_LIMITS.epochs))
    .option('--holdout <fraction>', `fraction of your digits held out per class, never trained on (default ${d.holdout}; 0 trains on all)`, numberOption(0, 0.95), d.holdout)
    .option('--seed <n>', `seed of the held-out choice, the distortions and the shuffles (default ${d.seed})`, limitOption(SETTING_LIMITS.seed))
    .option('--lr <number>', `learning rate η (default ${d.rateFactor} × the model's own)`, limitOption(SETTING_LIMITS.learningRate))
    .option('--mnist-images <n>', `MNIST training images mixed in (default ${count(d.mnistImages)})`, integerOption(0, 60_000))
    .option('--copies <n>', `copies of each of your digits in the mix, all but one distorted a little (default ${d.copies})`, integerOption(1, 1000))
    .option('--json', 'print one JSON object { heldOut: { before, after, count }, mnistTest: { before, after } } (fractions)')
    .option('--backend <name>', `implementation: ${BACKEND_NAMES.join(', ')} (default auto)`, choiceOption(BACKEND_NAMES), 'auto')
    .action(async (o: FineTuneCliOptions) => {
      await fineTuneCommand(o);
    });
}

async function fineTuneCommand(o: FineTuneCliOptions): Promise<void> {
  await checkOutputFile(o.out, '--out');
  const model = await loadModel(o.model);
  checkDigitModel(model, o.model);
  const set = await loadImageFolder(o.images);
  for (const warning of imageSetWarnings(set)) console.error(`warning: ${warning}`);
  const mnist = await loadMnist();
  const options = { epochs: o.epochs, holdout: o.holdout, seed: o.seed, learningRate: o.lr, mnistImages: o.mnistImages, copies: o.copies };
  const log = (line: string): void => {
    if (o.json) console.error(line);
    else console.log(line);
  };
  const result = await fineTuneDigits(model, set.dataset, mnist, options, {
    backend: await backendFactory(o.backend, fineTuneSettings(model, options)),
    onEpoch: (event) => {
      const held = Number.isFinite(event.testAccuracy) ? `, held-out accuracy ${percent(event.testAccuracy)}` : '';
      log(`epoch ${event.epoch}: cost ${event.trainCost.toFixed(4)} over the mix${held}`);
    },
  });
  const { split } = result;
  const trained = split.train.count;
  await saveModel(o.out, fineTunedModel(model, result, `${o.model} fine-tuned on ${o.images} (${count(trained)} images) + ${mnist.source}`));
  if (o.json) {
    const heldOut = result.heldOut && { before: result.heldOut.before, after: result.heldOut.after, count: result.heldOut.count };
    process.stdout.write(JSON.stringify({ heldOut, mnistTest: { before: result.mnistTest.before, after: result.mnistTest.after } }) + '\n');
    console.error(`saved ${o.out}`);
    return;
  }
  const held = result.heldOut;
  const { mix, settings } = result;
  console.log(
    `fine-tuned on ${count(trained)} of your ${count(set.dataset.count)} digits (${mix.copies} copies of each, all but one distorted) ` +
      `mixed with ${count(mix.mnistImages)} MNIST training images: ${settings.epochs} epochs, η ${settings.learningRate}, seed ${settings.seed}`,
  );
  if (held) console.log(`held-out digits (${count(held.count)}, never trained on): ${percent(held.before)} → ${percent(held.after)}`);
  else console.log('held-out digits: none (--holdout 0 trains on every image)');
  console.log(`MNIST test set (${count(mnist.test.count)} images):  ${percent(result.mnistTest.before)} → ${percent(result.mnistTest.after)}`);
  console.log(`saved ${o.out}`);
}
