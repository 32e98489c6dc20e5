import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS } from '../../core/activations.js';
import { COSTS } from '../../core/costs.js';
import { INITS } from '../../core/init.js';
import { OPTIMIZERS } from '../../core/optimizers.js';
import { takeFirst } from '../../data/dataset.js';
import { resolveDataOption } from '../../data/idx-dir.js';
import { saveModel } from '../../model/model-io.js';
import type { EpochEvent } from '../../train/events.js';
import { type PartialSettings, resolveSettings, SEED_SETTINGS } from '../../train/settings.js';
import { Trainer } from '../../train/trainer.js';
import { backendFactory, BACKEND_NAMES, type BackendChoice } from '../backend-choice.js';
import { percent } from '../format.js';
import { choiceOption, integerOption, layersOption, numberOption } from '../options.js';

interface TrainOptions {
  layers?: number[];
  activation?: PartialSettings['activation'];
  output?: PartialSettings['outputActivation'];
  cost?: PartialSettings['cost'];
  init?: PartialSettings['init'];
  optimizer?: PartialSettings['optimizer'];
  lr?: number;
  l2?: number;
  batch?: number;
  epochs?: number;
  seed?: number;
  data?: string;
  limit?: number;
  out: string;
  json?: boolean;
  backend: BackendChoice;
}

/** `digitlab train`: trains a network on MNIST (or `--data`) and saves it as a model file. */
export function registerTrainCommand(program: Command): void {
  const d = SEED_SETTINGS;
  program
    .command('train')
    .description('train a network (default: the source document\'s 784-16-16-10 sigmoid network) and save it')
    .option('--layers <sizes>', `layer sizes, input first (default ${d.sizes.join(',')})`, layersOption)
    .option('--activation <name>', `hidden activation: ${HIDDEN_ACTIVATIONS.join(', ')} (default ${d.activation})`, choiceOption(HIDDEN_ACTIVATIONS))
    .option('--output <name>', `output activation: ${OUTPUT_ACTIVATIONS.join(', ')} (default softmax with cross-entropy, else sigmoid)`, choiceOption(OUTPUT_ACTIVATIONS))
    .option('--cost <name>', `cost: ${COSTS.join(', ')} (default ${d.cost})`, choiceOption(COSTS))
    .option('--init <name>', `initial weights: ${INITS.join(', ')} (default ${d.init})`, choiceOption(INITS))
    .option('--optimizer <name>', `optimizer: ${OPTIMIZERS.join(', ')} (default ${d.optimizer})`, choiceOption(OPTIMIZERS))
    .option('--lr <number>', `learning rate η (default ${d.learningRate}; 0.001 is usual for adam)`, numberOption(0, 1e6))
    .option('--l2 <number>', 'L2 penalty λ (default 0)', numberOption(0, 1e6))
    .option('--batch <n>', `mini-batch size (default ${d.batchSize})`, integerOption(1, 1_000_000))
    .option('--epochs <n>', `passes over the training set (default ${d.epochs})`, integerOption(0, 100_000))
    .option('--seed <n>', `seed of every random choice (default ${d.seed})`, integerOption(0, 0xffffffff))
    .option('--data <dir>', 'a directory with the four MNIST-named IDX files (plain or .gz), or "fashion"')
    .option('--limit <n>', 'train on the first n training images only', integerOption(1, 1e9))
    .option('--out <file>', 'where to save the model', 'model.json')
    .option('--json', 'one JSON object per epoch on stdout (everything else on stderr)')
    .option('--backend <name>', `implementation: ${BACKEND_NAMES.join(', ')}`, choiceOption(BACKEND_NAMES), 'auto')
    .action(async (o: TrainOptions) => {
      await train(o);
    });
}

async function train(o: TrainOptions): Promise<void> {
  const data = await resolveDataOption(o.data);
  const learningRate = o.lr ?? (o.optimizer === 'adam' ? 0.001 : undefined);
  const settings = resolveSettings(
    {
      sizes: o.layers,
      activation: o.activation,
      outputActivation: o.output,
      cost: o.cost,
      init: o.init ?? (o.activation === 'relu' ? 'he' : o.activation === 'tanh' ? 'xavier' : undefined),
      optimizer: o.optimizer,
      learningRate,
      l2: o.l2,
      batchSize: o.batch,
      epochs: o.epochs,
      seed: o.seed,
    },
    data.train.rows * data.train.cols,
    data.train.classNames.length,
  );
  const pair = o.limit ? { ...data, train: takeFirst(data.train, o.limit) } : data;
  const trainer = new Trainer(settings, pair, { backend: await backendFactory(o.backend, settings) });
  const log = (line: string): void => void process.stderr.write(line + '\n');
  log(
    `training ${settings.sizes.join('-')} (${settings.activation}, ${settings.outputActivation} output, ${settings.cost} cost, ` +
      `${settings.optimizer} η=${settings.learningRate}, batch ${settings.batchSize}, seed ${settings.seed}) on ` +
      `${pair.train.count.toLocaleString('en-US')} images from ${data.source} [${trainer.backendName}]`,
  );

  const bar = process.stderr.isTTY && !o.json ? new SingleBar({ format: 'epoch {epoch} [{bar}] {percentage}% | cost {cost}', clearOnComplete: true, hideCursor: true }) : null;
  let last: EpochEvent | undefined;
  for (let e = 1; e <= settings.epochs; e++) {
    bar?.start(trainer.batchesPerEpoch, 0, { epoch: e, cost: '…' });
    do {
      const batch = trainer.step();
      if (bar && (batch.batch % 10 === 0 || batch.batch === batch.batchesPerEpoch)) bar.update(batch.batch, { cost: batch.cost.toFixed(4) });
    } while (trainer.batchesDone !== 0);
    bar?.stop();
    last = trainer.lastEpoch as EpochEvent;
    if (o.json) {
      const { epoch, trainCost, trainAccuracy, testAccuracy } = last;
      process.stdout.write(JSON.stringify({ epoch, trainCost, trainAccuracy, testAccuracy, seconds: last.seconds }) + '\n');
    } else {
      log(
        `epoch ${String(last.epoch).padStart(3)}  train cost ${last.trainCost.toFixed(4)}  train ${percent(last.trainAccuracy)}  ` +
          `test ${percent(last.testAccuracy)}  ${last.seconds.toFixed(2)} s`,
      );
    }
  }
  await saveModel(o.out, {
    network: trainer.network(),
    cost: settings.cost,
    settings,
    // No timings in the file: the same seed must give the same bytes.
    metrics: last
      ? { testAccuracy: last.testAccuracy, trainCost: last.trainCost, trainAccuracy: last.trainAccuracy, epochs: last.epoch }
      : { epochs: 0 },
    classNames: pair.train.classNames,
    data: data.source,
  });
  trainer.dispose();
  log(`saved ${o.out}${last ? ` (test accuracy ${percent(last.testAccuracy)})` : ''}`);
}
