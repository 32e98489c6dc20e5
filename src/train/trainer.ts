import { Network } from '../core/network.js';
import { Rng } from '../core/rng.js';
import type { Dataset, DatasetPair } from '../data/dataset.js';
import { DigitlabError } from '../errors.js';
import type { TrainingBackend } from './backend.js';
import type { TrainerOptions, TrainerState } from './trainer-state.js';
import type { BatchEvent, EpochEvent, TrainingEvent } from './events.js';
import { ReferenceBackend } from './reference-backend.js';
import type { TrainingSettings } from '../model/training-settings.js';
import { BatchFeed } from './batch-feed.js';
import { EarlyStopping } from './early-stopping.js';
import { divergence } from './divergence.js';
import { learningRateAt } from './schedule.js';
import { splitValidation } from './validation.js';

// The trainer's types live beside it; re-exported so that `import … from './trainer.js'` finds them.
export type { BackendFactory, TrainerOptions, TrainerState } from './trainer-state.js';

/**
 * Stochastic gradient descent with mini-batches over a data set: each epoch shuffles the training
 * examples, splits them into mini-batches and takes one step per batch; after each epoch the
 * test set is evaluated. The trainer is driven one mini-batch at a time (`step`, for the
 * Lab's Step button and live view) or one epoch at a time (`runEpoch`, for the CLI), and
 * reports both through events.
 *
 * Every random choice comes from one `Rng(seed)`: first the initial parameters, then each
 * epoch's shuffle (and, when the settings ask for them, each mini-batch's distortions and
 * dropout masks) — so the same settings give the same network after the same number of
 * mini-batches, in the CLI and in the Lab.
 *
 * The accuracy settings (issue 8): `validation` holds out the last examples of the training
 * set, measured after every epoch; `earlyStopping` remembers the best of those epochs,
 * `stoppedEarly` says when `patience` ran out, and `restoreBest` puts its parameters back;
 * `schedule` sets each mini-batch's learning rate; `augment` trains on freshly distorted copies
 * of each batch's images; `dropout` masks hidden neurons (on backends that support it).
 */
export class Trainer {
  readonly settings: TrainingSettings;
  readonly rng: Rng;
  readonly train: Dataset;
  readonly test: Dataset;
  /** The examples held out from the training set to judge choices (settings.validation), or null. */
  readonly validation: Dataset | null;
  /** Tracks the best validation epoch and its parameters (when there is a validation split). @internal */
  readonly earlyStopping: EarlyStopping | null;
  /** True once early stopping has ended the run (no more epochs should be run). */
  stoppedEarly = false;
  /** The steps' images (augmented or not) and dropout masks. */
  private readonly feed: BatchFeed;
  private readonly net: Network;
  private readonly backend: TrainingBackend;
  private readonly listener?: (event: TrainingEvent) => void;
  private readonly order: Uint32Array;
  private readonly predictions: Uint8Array;
  /** Epochs completed. */
  epochsDone = 0;
  /** Mini-batches done in the current epoch (0 = an epoch starts with the next step). */
  batchesDone = 0;
  /** Examples processed since the start. */
  examplesSeen = 0;
  private epochCost = 0;
  private epochCorrect = 0;
  private epochSeconds = 0;
  /** The summary of the last finished epoch. */
  lastEpoch?: EpochEvent;

  /**
   * A trainer for `settings` on `data` with freshly initialised parameters, or with the
   * parameters of `initial` when given (the rng then only drives the shuffles).
   */
  constructor(settings: TrainingSettings, data: DatasetPair, options: TrainerOptions = {}, initial?: Network) {
    this.settings = settings;
    const held = settings.validation ?? 0;
    const split = held > 0 ? splitValidation(data.train, held) : null;
    this.train = split ? split.train : data.train;
    this.validation = split ? split.validation : null;
    this.earlyStopping = split ? new EarlyStopping(settings.patience ?? 0) : null;
    this.test = data.test;
    if (this.train.count === 0) throw new DigitlabError('training set is empty');
    this.rng = new Rng(settings.seed);
    const architecture = {
      sizes: settings.sizes,
      activation: settings.activation,
      outputActivation: settings.outputActivation,
    };
    this.net = initial ? initial.clone() : Network.random(architecture, settings.init, this.rng);
    this.backend = (options.backend ?? ((net, s) => new ReferenceBackend(net, s)))(this.net, settings);
    this.listener = options.listener;
    this.feed = new BatchFeed(settings, this.train, this.backend);
    this.order = new Uint32Array(this.train.count);
    this.predictions = new Uint8Array(Math.max(this.train.count, this.test.count));
  }

  /** Mini-batches per epoch (the last one may be smaller). */
  get batchesPerEpoch(): number {
    return Math.ceil(this.train.count / this.settings.batchSize);
  }

  /** Name of the backend doing the work ("reference", "wasm", …). */
  get backendName(): string {
    return this.backend.name;
  }

  /** Threads the backend trains on: 2 when a wide network shares its batches with a helper thread. */
  get threads(): number {
    return this.backend.threads ?? 1;
  }

  /** The current network (parameters copied out of the backend). */
  network(): Network {
    this.backend.readNetwork(this.net);
    return this.net;
  }

  /**
   * One mini-batch step. Starts an epoch (a fresh shuffle) when none is in progress, and
   * finishes it (test evaluation, an epoch event) after its last batch. Throws a
   * DigitlabError if the cost becomes NaN or infinite (training diverged).
   */
  step(): BatchEvent {
    const { batchSize, epochs } = this.settings;
    if (this.batchesDone === 0) this.startEpoch();
    const start = this.batchesDone * batchSize;
    const count = Math.min(batchSize, this.train.count - start);
    const perEpoch = this.batchesPerEpoch;
    const learningRate = learningRateAt(this.settings.schedule ?? 'constant', this.settings.learningRate, this.epochsDone * perEpoch + this.batchesDone, epochs * perEpoch);
    const t0 = performance.now();
    const { costSum, correct } = this.feed.step(this.order, start, count, this.rng, learningRate, this.batchesDone + 1 < perEpoch);
    this.epochSeconds += (performance.now() - t0) / 1000;
    this.batchesDone++;
    this.examplesSeen += count;
    if (!Number.isFinite(costSum)) throw divergence(costSum, learningRate, this.settings.l2, this.epochsDone + 1, this.batchesDone, this.batchesPerEpoch);
    this.epochCost += costSum;
    this.epochCorrect += correct;
    const event: BatchEvent = {
      type: 'batch',
      epoch: this.epochsDone + 1,
      batch: this.batchesDone,
      batchesPerEpoch: this.batchesPerEpoch,
      cost: costSum / count,
      accuracy: correct / count,
      examplesSeen: this.examplesSeen,
    };
    this.listener?.(event);
    if (this.batchesDone === this.batchesPerEpoch) this.finishEpoch();
    return event;
  }

  /** Runs the rest of the current epoch (or a whole new one) and returns its summary. */
  runEpoch(): EpochEvent {
    const target = this.epochsDone + 1;
    while (this.epochsDone < target) this.step();
    return this.lastEpoch as EpochEvent;
  }

  /** Fraction of `data` the current network answers right. */
  evaluate(data: Dataset): number {
    if (data.count === 0) return NaN;
    const predictions = this.predict(data);
    let correct = 0;
    for (let i = 0; i < data.count; i++) if (predictions[i] === data.labels[i]) correct++;
    return correct / data.count;
  }

  /** The network's answer for every example of `data` (a view into a reused buffer when it fits). */
  predict(data: Dataset): Uint8Array {
    const out = data.count <= this.predictions.length ? this.predictions.subarray(0, data.count) : new Uint8Array(data.count);
    this.backend.predict(data, 0, data.count, out);
    return out;
  }

  /** The backend doing the work (for its optimizer state in checkpoints). */
  get trainingBackend(): TrainingBackend {
    return this.backend;
  }

  /** A copy of everything needed to resume the run exactly (see `TrainerState`). */
  getState(): TrainerState {
    return {
      epochsDone: this.epochsDone,
      batchesDone: this.batchesDone,
      examplesSeen: this.examplesSeen,
      epochCost: this.epochCost,
      epochCorrect: this.epochCorrect,
      epochSeconds: this.epochSeconds,
      order: this.order.slice(),
      rng: this.rng.getState(),
      optimizer: this.backend.getOptimizerState(),
      network: this.network().clone(),
      lastEpoch: this.lastEpoch,
      earlyStopping: this.earlyStopping?.bestNetwork
        ? { bestEpoch: this.earlyStopping.bestEpoch, bestAccuracy: this.earlyStopping.bestAccuracy, network: this.earlyStopping.bestNetwork.clone() }
        : null,
      stoppedEarly: this.stoppedEarly,
    };
  }

  /**
   * Continues from a saved state (of a trainer with the same settings and data). Throws a
   * DigitlabError when the state does not fit them.
   */
  setState(state: TrainerState): void {
    const net = this.net;
    if (state.order.length !== this.order.length) {
      throw new DigitlabError(`checkpoint: its shuffle order covers ${state.order.length} examples, but the training set has ${this.order.length}`);
    }
    if (state.batchesDone < 0 || state.batchesDone >= this.batchesPerEpoch) {
      throw new DigitlabError(`checkpoint: mini-batch ${state.batchesDone} is outside an epoch of ${this.batchesPerEpoch}`);
    }
    if (state.network.sizes.length !== net.sizes.length || state.network.sizes.some((n, i) => n !== net.sizes[i])) {
      throw new DigitlabError(`checkpoint: its network is ${state.network.sizes.join('-')}, the settings say ${net.sizes.join('-')}`);
    }
    try {
      this.backend.setOptimizerState(state.optimizer);
    } catch (e) {
      throw new DigitlabError(`checkpoint: the optimizer state does not fit the network (${(e as Error).message})`);
    }
    net.copyParametersFrom(state.network);
    this.backend.writeNetwork(net);
    this.rng.setState(state.rng);
    this.order.set(state.order);
    this.feed.cancel();
    this.epochsDone = state.epochsDone;
    this.batchesDone = state.batchesDone;
    this.examplesSeen = state.examplesSeen;
    this.epochCost = state.epochCost;
    this.epochCorrect = state.epochCorrect;
    this.epochSeconds = state.epochSeconds;
    this.lastEpoch = state.lastEpoch;
    this.stoppedEarly = state.stoppedEarly ?? false;
    // A fresh monitor takes the saved best as its first (and so best) record.
    const best = state.earlyStopping;
    if (best && this.earlyStopping) this.earlyStopping.update(best.bestEpoch, best.bestAccuracy, best.network);
  }

  /**
   * Ends a run with a validation split: puts back the parameters of the epoch with the best
   * validation accuracy (early stopping's choice) and returns that epoch, or null when there
   * is nothing to restore.
   */
  restoreBest(): number | null {
    const best = this.earlyStopping?.bestNetwork;
    if (!this.earlyStopping || !best) return null;
    this.net.copyParametersFrom(best);
    this.backend.writeNetwork(this.net);
    return this.earlyStopping.bestEpoch;
  }

  /** Frees the backend's resources. */
  dispose(): void {
    this.backend.dispose();
  }

  private startEpoch(): void {
    for (let i = 0; i < this.order.length; i++) this.order[i] = i;
    this.rng.shuffle(this.order);
    this.epochCost = 0;
    this.epochCorrect = 0;
    this.epochSeconds = 0;
  }

  private finishEpoch(): void {
    this.epochsDone++;
    this.batchesDone = 0;
    const event: EpochEvent = {
      type: 'epoch',
      epoch: this.epochsDone,
      trainCost: this.epochCost / this.train.count,
      trainAccuracy: this.epochCorrect / this.train.count,
      testAccuracy: this.test.count > 0 ? this.evaluate(this.test) : NaN,
      seconds: this.epochSeconds,
      ...(this.validation ? { validationAccuracy: this.evaluate(this.validation) } : {}),
    };
    if (this.earlyStopping && event.validationAccuracy !== undefined) {
      if (this.earlyStopping.update(event.epoch, event.validationAccuracy, this.network())) this.stoppedEarly = true;
    }
    this.lastEpoch = event;
    this.listener?.(event);
  }
}
