import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS } from '../../core/activations.js';
import { COSTS } from '../../core/costs.js';
import { INITS } from '../../core/init.js';
import { OPTIMIZERS } from '../../core/optimizers.js';
import { resolve } from 'node:path';
import { takeFirst, type DatasetPair } from '../../data/dataset.js';
import { resolveDataOption } from '../../data/idx-dir.js';
import { DigitlabError } from '../../errors.js';
import { saveModel } from '../../model/model-io.js';
import type { Checkpoint, CheckpointData } from '../../train/checkpoint.js';
import { loadCheckpoint, saveCheckpoint } from '../../train/checkpoint-file.js';
import { datasetFingerprint } from '../../train/fingerprint.js';
import { canonicalSettings } from '../../model/training-settings.js';
import type { EpochEvent } from '../../train/events.js';
import { evaluateNetwork } from '../../train/predict.js';
import { type PartialSettings, resolveSettings, SEED_SETTINGS, type TrainingSettings } from '../../train/settings.js';
import { Trainer } from '../../train/trainer.js';
import { backendFactory, BACKEND_NAMES, type BackendChoice } from '../backend-choice.js';
import { percent } from '../format.js';
import { choiceOption, integerOption, layersOption, numberOption } from '../options.js';
import { AUGMENTS } from '../../data/augment.js';
import { PRESET_NAMES, PRESETS, type PresetName } from '../../train/presets.js';
import { SCHEDULES } from '../../train/schedule.js';

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
  out?: string;
  checkpoint?: string;
  resume?: string;
  json?: boolean;
  backend?: BackendChoice;
  preset?: PresetName;
  dropout?: number;
  schedule?: PartialSettings['schedule'];
  validation?: number;
  patience?: number;
  augment?: PartialSettings['augment'];
}

/** Options that define a run; with --resume they come from the checkpoint instead. */
const RUN_OPTIONS = ['layers', 'activation', 'output', 'cost', 'init', 'optimizer', 'lr', 'l2', 'batch', 'seed', 'data', 'limit', 'preset', 'dropout', 'schedule', 'validation', 'patience', 'augment'] as const;

/**
 * `digitlab train`: trains a network on MNIST (or `--data`) and saves it as a model file.
 * With `--checkpoint FILE` the run is saved after every epoch and when interrupted (after
 * the current mini-batch); `--resume FILE` continues it, ending with the very bytes an
 * uninterrupted run would have written.
 */
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
    .option('--out <file>', 'where to save the model (default model.json, or the resumed run\'s)')
    .option('--checkpoint <file>', 'save the run here (atomically) after every epoch and on Ctrl-C / SIGTERM, to --resume later')
    .option('--resume <file>', 'continue the run saved in this checkpoint (its settings and data; --epochs may extend it)')
    .option('--json', 'one JSON object per epoch on stdout (everything else on stderr)')
    .option('--backend <name>', `implementation: ${BACKEND_NAMES.join(', ')} (default auto, or the resumed run's)`, choiceOption(BACKEND_NAMES))
    .option('--preset <name>', `a documented recipe, any option above overrides it: ${PRESET_NAMES.map((n) => `${n} (${PRESETS[n].summary})`).join('; ')}`, choiceOption(PRESET_NAMES))
    .option('--dropout <p>', 'probability of dropping each hidden neuron in a training step (default 0)', numberOption(0, 0.99))
    .option('--schedule <name>', `learning-rate schedule: ${SCHEDULES.join(', ')} (default constant)`, choiceOption(SCHEDULES))
    .option('--validation <n>', 'hold out the last n training images to validate on; the best-validation epoch is kept (default 0)', integerOption(0, 1e7))
    .option('--patience <n>', 'early stopping: stop after n epochs without a better validation accuracy (default 0 = never)', integerOption(0, 100_000))
    .option('--augment <name>', `distort training images on the fly: ${AUGMENTS.join(', ')} (default none)`, choiceOption(AUGMENTS))
    .action(async (o: TrainOptions) => {
      await train(o);
    });
}

/** What the run trains on and with, fresh from the options or from a checkpoint. */
interface Run {
  settings: TrainingSettings;
  pair: DatasetPair;
  data: CheckpointData;
  classNames: readonly string[];
  resumed: Checkpoint | null;
}

async function prepareRun(o: TrainOptions): Promise<Run> {
  if (o.resume) {
    const given = RUN_OPTIONS.filter((k) => o[k] !== undefined).map((k) => `--${k}`);
    if (given.length > 0) throw new DigitlabError(`--resume takes the run's settings and data from the checkpoint; drop ${given.join(', ')}`);
    const checkpoint = await loadCheckpoint(o.resume);
    const loaded = await resolveDataOption(checkpoint.data.option ?? undefined);
    const pair = checkpoint.data.limit ? { ...loaded, train: takeFirst(loaded.train, checkpoint.data.limit) } : loaded;
    const fingerprint = datasetFingerprint(pair.train);
    if (fingerprint !== checkpoint.data.fingerprint) {
      throw new DigitlabError(
        `${o.resume}: the run trained on ${checkpoint.data.source} (${checkpoint.data.fingerprint}), but that data now reads as ${fingerprint}; ` +
          'resuming on different data would not continue the same run',
      );
    }
    const epochs = o.epochs ?? checkpoint.settings.epochs;
    if (epochs < checkpoint.state.epochsDone) throw new DigitlabError(`--epochs ${epochs}: the checkpoint has already done ${checkpoint.state.epochsDone} epochs`);
    const settings = { ...checkpoint.settings, epochs };
    return { settings, pair, data: checkpoint.data, classNames: checkpoint.classNames, resumed: checkpoint };
  }
  const loaded = await resolveDataOption(o.data);
  const learningRate = o.lr ?? (o.optimizer === 'adam' ? 0.001 : undefined);
  // A preset fills in whatever the options leave out.
  const preset = o.preset ? PRESETS[o.preset].settings : {};
  const given: PartialSettings = {
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
    dropout: o.dropout,
    schedule: o.schedule,
    validation: o.validation,
    patience: o.patience,
    augment: o.augment,
  };
  const merged = { ...preset, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) } as PartialSettings;
  // Canonical field order: a resumed run writes the same bytes into the model file.
  const settings = canonicalSettings(resolveSettings(
    merged,
    loaded.train.rows * loaded.train.cols,
    loaded.train.classNames.length,
  ));
  const pair = o.limit ? { ...loaded, train: takeFirst(loaded.train, o.limit) } : loaded;
  const option = o.data === undefined || o.data === '' || o.data === 'mnist' ? null : o.data === 'fashion' ? 'fashion' : resolve(o.data);
  // The fingerprint costs one pass over the pixels: only computed when checkpointing.
  const fingerprint = o.checkpoint ? datasetFingerprint(pair.train) : '';
  const data = { option, limit: o.limit ?? null, source: loaded.source, trainCount: pair.train.count, fingerprint };
  return { settings, pair, data, classNames: pair.train.classNames, resumed: null };
}

/** Ctrl-C / SIGTERM → stop after the current mini-batch; a second one stops at once. */
function watchSignals(): { readonly signal: () => NodeJS.Signals | null; readonly dispose: () => void } {
  let received: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (received) process.exit(signal === 'SIGINT' ? 130 : 143);
    received = signal;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: () => received,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** Lets the event loop run (signals are delivered there) about every 20 ms of training. */
function yielder(): () => Promise<void> | null {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < 20) return null;
    last = now;
    return new Promise((done) => setImmediate(done));
  };
}

async function train(o: TrainOptions): Promise<void> {
  const run = await prepareRun(o);
  const { settings, pair, data } = run;
  const out = o.out ?? run.resumed?.out ?? 'model.json';
  const outAbsolute = resolve(out);
  const checkpointFile = o.checkpoint ?? o.resume;
  const backend = o.backend ?? backendOf(run.resumed);
  const trainer = new Trainer(settings, pair, { backend: await backendFactory(backend, settings) }, run.resumed?.state.network);
  if (run.resumed) trainer.setState(run.resumed.state);
  // Watched from before the first line that says training has begun.
  const signals = watchSignals();
  const log = (line: string): void => void process.stderr.write(line + '\n');
  const names = run.classNames;
  log(
    `${run.resumed ? `resuming at epoch ${trainer.epochsDone + 1}, mini-batch ${trainer.batchesDone + 1}: ` : ''}` +
      `training ${settings.sizes.join('-')} (${settings.activation}, ${settings.outputActivation} output, ${settings.cost} cost, ` +
      `${settings.optimizer} η=${settings.learningRate}${settings.schedule ? ` ${settings.schedule}` : ''}, batch ${settings.batchSize}, seed ${settings.seed}` +
      `${settings.dropout ? `, dropout ${settings.dropout}` : ''}${settings.augment && settings.augment !== 'none' ? `, ${settings.augment} augmentation` : ''}` +
      `${settings.validation ? `, validation ${settings.validation.toLocaleString('en-US')}` : ''}) on ` +
      `${pair.train.count.toLocaleString('en-US')} images from ${pair.source} [${trainer.backendName}]; ` +
      `classes: ${names.join(', ')}`,
  );
  const checkpoint = (): Checkpoint => ({ settings, classNames: names, data, out: outAbsolute, backend: trainer.backendName, state: trainer.getState() });
  const lastSaved = { epoch: run.resumed ? run.resumed.state.epochsDone : 0, batch: run.resumed ? run.resumed.state.batchesDone : 0 };
  const save = async (): Promise<void> => {
    if (!checkpointFile) return;
    await saveCheckpoint(checkpointFile, checkpoint());
    lastSaved.epoch = trainer.epochsDone;
    lastSaved.batch = trainer.batchesDone;
  };

  const pause = yielder();
  const bar = process.stderr.isTTY && !o.json ? new SingleBar({ format: 'epoch {epoch} [{bar}] {percentage}% | cost {cost}', clearOnComplete: true, hideCursor: true }) : null;
  try {
    while (trainer.epochsDone < settings.epochs && !trainer.stoppedEarly) {
      bar?.start(trainer.batchesPerEpoch, trainer.batchesDone, { epoch: trainer.epochsDone + 1, cost: '…' });
      do {
        let batch;
        try {
          batch = trainer.step();
        } catch (e) {
          bar?.stop();
          if (!(e instanceof DigitlabError)) throw e;
          // Nothing is written now: the last checkpoint stays the last good one, the model file stays as it was.
          const kept = checkpointFile && (lastSaved.epoch > 0 || lastSaved.batch > 0 || run.resumed)
            ? `; the last good checkpoint (${describe(lastSaved)}) is kept in ${checkpointFile}`
            : '';
          throw new DigitlabError(`${e.message}${kept}; ${out} was not written`);
        }
        if (bar && (batch.batch % 10 === 0 || batch.batch === batch.batchesPerEpoch)) bar.update(batch.batch, { cost: batch.cost.toFixed(4) });
        const wait = pause();
        if (wait) await wait;
        const signal = signals.signal();
        if (signal) {
          bar?.stop();
          await save();
          log(
            checkpointFile
              ? `${signal}: stopped after epoch ${trainer.epochsDone + (trainer.batchesDone ? 1 : 0)}, mini-batch ${trainer.batchesDone || trainer.batchesPerEpoch}; ` +
                  `checkpoint saved to ${checkpointFile}; continue with: digitlab train --resume ${checkpointFile}`
              : `${signal}: stopped; nothing saved (train with --checkpoint FILE to be able to resume)`,
          );
          process.exitCode = signal === 'SIGINT' ? 130 : 143;
          return;
        }
      } while (trainer.batchesDone !== 0);
      bar?.stop();
      const last = trainer.lastEpoch as EpochEvent;
      if (o.json) {
        const { epoch, trainCost, trainAccuracy, testAccuracy, validationAccuracy } = last;
        process.stdout.write(JSON.stringify({ epoch, trainCost, trainAccuracy, testAccuracy, ...(validationAccuracy !== undefined ? { validationAccuracy } : {}), seconds: last.seconds }) + '\n');
      } else {
        log(
          `epoch ${String(last.epoch).padStart(3)}  train cost ${last.trainCost.toFixed(4)}  train ${percent(last.trainAccuracy)}  ` +
            `${last.validationAccuracy !== undefined ? `validation ${percent(last.validationAccuracy)}  ` : ''}test ${percent(last.testAccuracy)}  ${last.seconds.toFixed(2)} s`,
        );
      }
      await save();
    }
  } finally {
    signals.dispose();
  }

  let last = trainer.lastEpoch;
  // With a validation split, keep the epoch the validation set chose (early stopping).
  const bestEpoch = trainer.restoreBest();
  if (bestEpoch !== null && last && trainer.earlyStopping) {
    const validationAccuracy = trainer.earlyStopping.bestAccuracy;
    const testAccuracy = pair.test.count > 0 ? trainer.evaluate(pair.test) : NaN;
    log(
      `${trainer.stoppedEarly ? `stopped early after epoch ${last.epoch}; ` : ''}kept epoch ${bestEpoch} (best validation accuracy): ` +
        `validation ${percent(validationAccuracy)}, test ${percent(testAccuracy)}`,
    );
    if (o.json) process.stdout.write(JSON.stringify({ bestEpoch, validationAccuracy, testAccuracy }) + '\n');
    last = { ...last, testAccuracy, validationAccuracy };
  }
  const network = trainer.network();
  await saveModel(out, {
    network,
    cost: settings.cost,
    settings,
    // No timings in the file: the same seed must give the same bytes.
    metrics: last
      ? { testAccuracy: last.testAccuracy, trainCost: last.trainCost, trainAccuracy: last.trainAccuracy, epochs: last.epoch }
      : { epochs: 0 },
    classNames: names,
    data: pair.source,
  });
  trainer.dispose();
  if (pair.test.count > 0 && last) {
    const { perClassAccuracy } = evaluateNetwork(network, pair.test);
    log(`test accuracy per class: ${perClassAccuracy.map((a, j) => `${names[j]} ${percent(a, 1)}`).join(', ')}`);
  }
  log(`saved ${out}${last ? ` (test accuracy ${percent(last.testAccuracy)})` : ''}${checkpointFile ? `; checkpoint ${checkpointFile}` : ''}`);
}

/** The backend a checkpointed run used (different kernels round differently), default "auto". */
function backendOf(checkpoint: Checkpoint | null): BackendChoice {
  if (!checkpoint) return 'auto';
  const name = checkpoint.backend as BackendChoice;
  if (!BACKEND_NAMES.includes(name)) throw new DigitlabError(`the checkpoint was trained with backend "${name}", which this digitlab lacks; pass --backend to choose one`);
  return name;
}

function describe(at: { epoch: number; batch: number }): string {
  return at.batch === 0 ? `end of epoch ${at.epoch}` : `epoch ${at.epoch + 1}, mini-batch ${at.batch}`;
}
