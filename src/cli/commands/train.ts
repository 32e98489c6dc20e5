import type { Command } from 'commander';
import { HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS } from '../../core/activations.js';
import { COSTS } from '../../core/costs.js';
import { INITS } from '../../core/init.js';
import { OPTIMIZERS } from '../../core/optimizers.js';
import { AUGMENTS } from '../../data/augment.js';
import { DigitlabError } from '../../errors.js';
import { SETTING_LIMITS } from '../../model/setting-limits.js';
import { SCHEDULES, type PartialSettings } from '../../model/training-settings.js';
import { ADAM_LEARNING_RATE, SGD_LEARNING_RATES, WIDTH_RULE_FROM } from '../../train/defaults.js';
import { PRESET_NAMES, PRESETS, type PresetName } from '../../train/presets.js';
import { executeRun } from '../../train/run.js';
import { prepareRun, type RunPlan, type RunRequest } from '../../train/run-plan.js';
import { ResumeConflictError } from '../../train/resume.js';
import { SEED_SETTINGS } from '../../train/settings.js';
import { signalExitCode } from '../../train/stop-signals.js';
import { backendFactory, BACKEND_NAMES, type BackendChoice } from '../backend-choice.js';
import { choiceOption, integerOption, layersOption, limitOption } from '../options.js';
import { resumeConflictMessage } from '../resume-text.js';
import { TrainProgress } from '../train-progress.js';

/** The options of `digitlab train`, as commander parses them. */
export interface TrainOptions {
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
  labelSmoothing?: number;
}

/**
 * `digitlab train`: trains a network on MNIST (or `--data`) and saves it as a model file.
 * Options become a request to the run layer (src/train/run-plan.ts, run.ts), which resolves
 * the settings, checks the outputs, resumes, checkpoints and saves; this file only parses and
 * prints. With `--checkpoint FILE` the run is saved after every epoch and when interrupted;
 * `--resume FILE` continues it, ending with the very bytes an uninterrupted run would have written.
 */
export function registerTrainCommand(program: Command): void {
  const d = SEED_SETTINGS;
  const L = SETTING_LIMITS;
  program
    .command('train')
    .description('train a network (default: the source document\'s 784-16-16-10 sigmoid network) and save it')
    .option('--layers <sizes>', `layer sizes, input first (default ${d.sizes.join(',')})`, layersOption)
    .option('--activation <name>', `hidden activation: ${HIDDEN_ACTIVATIONS.join(', ')} (default ${d.activation})`, choiceOption(HIDDEN_ACTIVATIONS))
    .option('--output <name>', `output activation: ${OUTPUT_ACTIVATIONS.join(', ')} (default softmax with cross-entropy, else sigmoid)`, choiceOption(OUTPUT_ACTIVATIONS))
    .option('--cost <name>', `cost: ${COSTS.join(', ')} (default ${d.cost})`, choiceOption(COSTS))
    .option('--init <name>', `initial weights: ${INITS.join(', ')} (default he for relu, else ${d.init})`, choiceOption(INITS))
    .option('--optimizer <name>', `optimizer: ${OPTIMIZERS.join(', ')} (default ${d.optimizer})`, choiceOption(OPTIMIZERS))
    .option('--lr <number>', `learning rate η (default ${d.learningRate}, and 128/width for sigmoid layers wider than ${WIDTH_RULE_FROM}; sgd ${SGD_LEARNING_RATES.tanh} for tanh, ${SGD_LEARNING_RATES.relu} for relu; momentum a tenth of sgd's; adam ${ADAM_LEARNING_RATE})`, limitOption(L.learningRate))
    .option('--l2 <number>', 'L2 penalty λ (default 0)', limitOption(L.l2))
    .option('--batch <n>', `mini-batch size (default ${d.batchSize})`, limitOption(L.batchSize))
    .option('--epochs <n>', `passes over the training set (default ${d.epochs})`, limitOption(L.epochs))
    .option('--seed <n>', `seed of every random choice (default ${d.seed})`, limitOption(L.seed))
    .option('--data <dir>', 'a directory with the four MNIST-named IDX files (plain or .gz), or "fashion"')
    .option('--limit <n>', 'train on the first n training images only', integerOption(1, 1e9))
    .option('--out <file>', 'where to save the model (default model.json, or the resumed run\'s)')
    .option('--checkpoint <file>', 'save the run here (atomically) after every epoch and on Ctrl-C / SIGTERM, to --resume later')
    .option('--resume <file>', 'continue the run saved in this checkpoint (options equal to its run may be repeated; --epochs may extend it)')
    .option('--json', 'one JSON object per epoch on stdout (everything else on stderr)')
    .option('--backend <name>', `implementation: ${BACKEND_NAMES.join(', ')} (default auto, or the resumed run's)`, choiceOption(BACKEND_NAMES))
    .option('--preset <name>', `a documented recipe, any option above overrides it: ${PRESET_NAMES.map((n) => `${n} (${PRESETS[n].summary})`).join('; ')}`, choiceOption(PRESET_NAMES))
    .option('--dropout <p>', 'probability of dropping each hidden neuron in a training step (default 0)', limitOption(L.dropout))
    .option('--schedule <name>', `learning-rate schedule: ${SCHEDULES.join(', ')} (default constant)`, choiceOption(SCHEDULES))
    .option('--validation <n>', 'hold out the last n training images to validate on; the best-validation epoch is kept (default 0)', limitOption(L.validation))
    .option('--patience <n>', 'early stopping: stop after n epochs without a better validation accuracy (default 0 = never)', limitOption(L.patience))
    .option('--augment <name>', `distort training images on the fly: ${AUGMENTS.join(', ')} (default none)`, choiceOption(AUGMENTS))
    .option('--label-smoothing <ε>', 'cross-entropy against targets 1 − ε + ε/10 and ε/10 instead of 1 and 0 (softmax output; default 0)', limitOption(L.labelSmoothing))
    .action(async (o: TrainOptions) => {
      await train(o);
    });
}

/** The run layer's request for these options: only what was given, the rest is the run layer's to default. */
export function trainRequest(o: TrainOptions): RunRequest {
  const settings: PartialSettings = {
    sizes: o.layers,
    activation: o.activation,
    outputActivation: o.output,
    cost: o.cost,
    init: o.init,
    optimizer: o.optimizer,
    learningRate: o.lr,
    l2: o.l2,
    batchSize: o.batch,
    epochs: o.epochs,
    seed: o.seed,
    dropout: o.dropout,
    schedule: o.schedule,
    validation: o.validation,
    patience: o.patience,
    augment: o.augment,
    labelSmoothing: o.labelSmoothing,
  };
  return { preset: o.preset, settings, data: o.data, limit: o.limit, out: o.out, checkpoint: o.checkpoint, resume: o.resume, backend: o.backend };
}

async function train(o: TrainOptions): Promise<void> {
  const plan = await prepare(o);
  const progress = new TrainProgress(plan, o.json === true);
  const outcome = await executeRun(plan, {
    backend: await backendFactory(backendOf(plan), plan.settings),
    onStart: (trainer) => progress.start(trainer),
    onEpochStart: (trainer) => progress.epochStart(trainer),
    onBatch: (event) => progress.batch(event),
    onEpoch: (event, diagnosis) => progress.epoch(event, diagnosis),
    onFinish: (result) => progress.finish(result),
  }).finally(() => progress.stopBar());
  if (outcome.kind === 'stopped') {
    progress.stopped(outcome);
    process.exitCode = signalExitCode(outcome.signal);
    return;
  }
  progress.saved(outcome.result);
}

/** The plan, with a refused resume worded in the command line's option names. */
async function prepare(o: TrainOptions): Promise<RunPlan> {
  try {
    return await prepareRun(trainRequest(o));
  } catch (e) {
    if (e instanceof ResumeConflictError) throw new DigitlabError(resumeConflictMessage(e.differences, o.resume ?? ''));
    throw e;
  }
}

/** The backend a run uses (a resumed one: its checkpoint's, since different kernels round differently). */
function backendOf(plan: RunPlan): BackendChoice {
  const name = plan.backend as BackendChoice;
  if (!BACKEND_NAMES.includes(name)) throw new DigitlabError(`the checkpoint was trained with backend "${name}", which this digitlab lacks; pass --backend to choose one`);
  return name;
}
