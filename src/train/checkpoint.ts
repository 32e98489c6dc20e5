import { Network } from '../core/network.js';
import { OPTIMIZERS } from '../core/optimizers.js';
import { DigitlabError } from '../errors.js';
import { decodeFloat32, decodeUint32, encodeFloat32, encodeUint32 } from '../model/base64-arrays.js';
import { checksumMismatch, Crc32, isChecksumText } from '../model/checksum.js';
import { parseJsonText } from '../model/json-text.js';
import { checkSettings } from '../model/setting-limits.js';
import { canonicalSettings, type TrainingSettings } from '../model/training-settings.js';
import type { OptimizerState } from './backend.js';
import type { EpochEvent } from './events.js';
import type { TrainerState } from './trainer.js';

/** The `format` field of every checkpoint file. */
export const CHECKPOINT_FORMAT = 'digitlab-checkpoint';
/** The checkpoint version this code writes and reads. */
export const CHECKPOINT_VERSION = 1;
/** Which data a checkpointed run trains on, so that `--resume` can find it and check it. */
export interface CheckpointData {
  /** The `--data` value that loads it again (absolute for a directory), or null for MNIST. */
  readonly option: string | null;
  /** `--limit` (first n training images), or null for all. */
  readonly limit: number | null;
  /** The data set's `source` (goes into the model file). */
  readonly source: string;
  /** Training examples used, and a fingerprint of their labels and pixels. */
  readonly trainCount: number;
  readonly fingerprint: string;
}

/** A training run frozen between two mini-batches: settings, data, model destination, trainer state. */
export interface Checkpoint {
  readonly settings: TrainingSettings;
  readonly classNames: readonly string[];
  readonly data: CheckpointData;
  /** Where the finished model is to be saved. */
  readonly out: string;
  /**
   * The implementation asked for (the CLI's `--backend`, e.g. "auto" or "reference"): a
   * resumed run uses the same one, since different kernels round differently.
   */
  readonly backend: string;
  readonly state: TrainerState;
}

/**
 * The checkpoint as a JSON document (see docs/model-format.md, "Checkpoint file"). Arrays of
 * numbers (parameters, optimizer buffers, the shuffle order) are base64 of little-endian
 * float32 / uint32, so they come back bit-exact; every other number is plain JSON (doubles
 * round-trip exactly through JavaScript's shortest representation). `checksum` is the CRC-32
 * of those arrays' bytes in the order the file holds them (model/checksum.ts).
 */
export function serializeCheckpoint(checkpoint: Checkpoint): string {
  const { state } = checkpoint;
  const net = state.network;
  const doc = {
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    settings: canonicalSettings(checkpoint.settings),
    classNames: checkpoint.classNames,
    data: checkpoint.data,
    out: checkpoint.out,
    backend: checkpoint.backend,
    progress: {
      epochsDone: state.epochsDone,
      batchesDone: state.batchesDone,
      examplesSeen: state.examplesSeen,
      epochCost: state.epochCost,
      epochCorrect: state.epochCorrect,
      epochSeconds: state.epochSeconds,
      lastEpoch: state.lastEpoch ?? null,
      stoppedEarly: state.stoppedEarly ?? false,
    },
    rng: state.rng,
    checksum: stateChecksum(state),
    order: encodeUint32(state.order),
    optimizer: { step: state.optimizer.step, buffers: state.optimizer.buffers.map(encodeFloat32) },
    network: encodeNetwork(net),
    earlyStopping: state.earlyStopping
      ? { bestEpoch: state.earlyStopping.bestEpoch, bestAccuracy: state.earlyStopping.bestAccuracy, network: encodeNetwork(state.earlyStopping.network) }
      : null,
  };
  return JSON.stringify(doc, null, 1) + '\n';
}

/**
 * Reads a checkpoint document, checking every field (types, ranges, lengths, finite values)
 * before allocating anything sized by it; throws a DigitlabError naming `source` and the field.
 */
export function parseCheckpointText(text: string, source: string): Checkpoint {
  const fail = (message: string): never => {
    throw new DigitlabError(`${source}: ${message}`);
  };
  const doc = parseJsonText(text, source, 'a digitlab checkpoint');
  if (!isObject(doc)) return fail('not a digitlab checkpoint (expected a JSON object)');
  if (doc.format !== CHECKPOINT_FORMAT) return fail(`not a digitlab checkpoint (format is ${JSON.stringify(doc.format)}, expected "${CHECKPOINT_FORMAT}")`);
  if (doc.version !== CHECKPOINT_VERSION) return fail(`unsupported checkpoint version ${JSON.stringify(doc.version)} (this digitlab reads version ${CHECKPOINT_VERSION})`);
  // Before any array is judged, so that a damaged one is named as such; a file without one loads as it is.
  if (doc.checksum !== undefined) {
    if (!isChecksumText(doc.checksum)) return fail('field "checksum" must be "crc32:" and 8 hexadecimal digits');
    const computed = documentChecksum(doc);
    if (computed !== doc.checksum) return fail(checksumMismatch('the arrays (order, optimizer, network)', doc.checksum, computed));
  }

  const settings = parseSettings(doc.settings, fail);
  const sizes = settings.sizes;
  const classes = sizes[sizes.length - 1];
  if (!Array.isArray(doc.classNames) || doc.classNames.length !== classes || !doc.classNames.every((s) => typeof s === 'string' && s.length <= 100)) {
    return fail(`field "classNames" must be a list of ${classes} names`);
  }
  const data = parseData(doc.data, fail);
  if (typeof doc.out !== 'string' || doc.out === '' || doc.out.length > 4096) return fail('field "out" must be the model file name');
  if (typeof doc.backend !== 'string' || !/^[a-z0-9-]{1,40}$/.test(doc.backend)) return fail('field "backend" must be a backend name');

  // The last `validation` examples are held out; the shuffle order covers the rest.
  const orderCount = data.trainCount - (settings.validation ?? 0);
  if (orderCount < 1) return fail(`field "settings.validation" holds out ${settings.validation} of ${data.trainCount} training examples, leaving none to train on`);
  const p = doc.progress;
  if (!isObject(p)) return fail('field "progress" must be an object');
  const batchesPerEpoch = Math.ceil(orderCount / settings.batchSize);
  const epochsDone = int(p.epochsDone, 0, 100_000, 'progress.epochsDone', fail);
  const batchesDone = int(p.batchesDone, 0, batchesPerEpoch - 1, 'progress.batchesDone', fail);
  const examplesSeen = int(p.examplesSeen, 0, Number.MAX_SAFE_INTEGER, 'progress.examplesSeen', fail);
  const epochCost = finite(p.epochCost, 'progress.epochCost', fail);
  const epochCorrect = int(p.epochCorrect, 0, orderCount, 'progress.epochCorrect', fail);
  const epochSeconds = finite(p.epochSeconds, 'progress.epochSeconds', fail);
  const lastEpoch = parseLastEpoch(p.lastEpoch, fail);
  if (p.stoppedEarly !== undefined && typeof p.stoppedEarly !== 'boolean') return fail('field "progress.stoppedEarly" must be true or false');
  const stoppedEarly = p.stoppedEarly === true;

  const rng = doc.rng;
  if (!Array.isArray(rng) || rng.length !== 4 || !rng.every((x) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff)) {
    return fail('field "rng" must be four unsigned 32-bit integers');
  }
  const order = decodeUint32(doc.order, orderCount);
  if (typeof order === 'string') return fail(`field "order" ${order}`);
  const seen = new Uint8Array(orderCount);
  for (let i = 0; i < order.length; i++) {
    if (order[i] >= orderCount || seen[order[i]]) return fail(`field "order" is not a permutation of the ${orderCount} training examples`);
    seen[order[i]] = 1;
  }

  const net = doc.network;
  const network = parseNetwork(net, settings, 'network', fail);
  const optimizer = parseOptimizer(doc.optimizer, settings, fail);
  const earlyStopping = parseEarlyStopping(doc.earlyStopping, settings, fail);
  return {
    settings,
    classNames: doc.classNames as string[],
    data,
    out: doc.out,
    backend: doc.backend,
    state: { epochsDone, batchesDone, examplesSeen, epochCost, epochCorrect, epochSeconds, order, rng: rng as number[], optimizer, network, lastEpoch, earlyStopping, stoppedEarly },
  };
}

type Fail = (message: string) => never;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function int(x: unknown, min: number, max: number, field: string, fail: Fail): number {
  if (!Number.isInteger(x) || (x as number) < min || (x as number) > max) fail(`field "${field}" must be a whole number from ${min} to ${max}, got ${JSON.stringify(x)}`);
  return x as number;
}

function finite(x: unknown, field: string, fail: Fail): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) fail(`field "${field}" must be a finite number, got ${JSON.stringify(x)}`);
  return x as number;
}

function parseSettings(x: unknown, fail: Fail): TrainingSettings {
  if (!isObject(x)) return fail('field "settings" must be an object');
  // The one set of limits (model/setting-limits.ts), as for a model file and the command line.
  return checkSettings(x, (field, _label, problem) => fail(`field "settings.${field}" ${problem}`));
}

function parseData(x: unknown, fail: Fail): CheckpointData {
  if (!isObject(x)) return fail('field "data" must be an object');
  const option = x.option;
  if (option !== null && (typeof option !== 'string' || option.length > 4096)) return fail('field "data.option" must be a string or null');
  const limit = x.limit === null ? null : int(x.limit, 1, 1e9, 'data.limit', fail);
  if (typeof x.source !== 'string' || x.source.length > 4096) return fail('field "data.source" must be a string');
  const trainCount = int(x.trainCount, 1, 0x7fffffff, 'data.trainCount', fail);
  if (typeof x.fingerprint !== 'string' || x.fingerprint.length > 200) return fail('field "data.fingerprint" must be a string');
  return { option, limit, source: x.source, trainCount, fingerprint: x.fingerprint };
}

function parseLastEpoch(x: unknown, fail: Fail): EpochEvent | undefined {
  if (x === null || x === undefined) return undefined;
  if (!isObject(x) || x.type !== 'epoch') return fail('field "progress.lastEpoch" must be an epoch summary or null');
  // testAccuracy is NaN (JSON null) when there is no test set.
  const maybeNaN = (v: unknown, field: string): number => (v === null ? NaN : finite(v, field, fail));
  return {
    type: 'epoch',
    epoch: int(x.epoch, 1, 100_000, 'progress.lastEpoch.epoch', fail),
    trainCost: maybeNaN(x.trainCost, 'progress.lastEpoch.trainCost'),
    trainAccuracy: maybeNaN(x.trainAccuracy, 'progress.lastEpoch.trainAccuracy'),
    testAccuracy: maybeNaN(x.testAccuracy, 'progress.lastEpoch.testAccuracy'),
    seconds: finite(x.seconds, 'progress.lastEpoch.seconds', fail),
    ...(x.validationAccuracy !== undefined ? { validationAccuracy: maybeNaN(x.validationAccuracy, 'progress.lastEpoch.validationAccuracy') } : {}),
  };
}

/** The checksum of a state's arrays, in the order serializeCheckpoint writes them. */
function stateChecksum(state: TrainerState): string {
  const crc = new Crc32().add(state.order);
  for (const buffer of state.optimizer.buffers) crc.add(buffer);
  const nets = state.earlyStopping ? [state.network, state.earlyStopping.network] : [state.network];
  for (const net of nets) {
    for (const w of net.weights) crc.add(w);
    for (const b of net.biases) crc.add(b);
  }
  return crc.text();
}

/** The same checksum over a parsed document's base64 arrays (their decoded bytes), whatever their lengths. */
function documentChecksum(doc: Record<string, unknown>): string {
  const crc = new Crc32();
  const add = (text: unknown): void => {
    if (typeof text === 'string') crc.add(Buffer.from(text, 'base64'));
  };
  const each = (list: unknown): void => {
    if (Array.isArray(list)) list.forEach(add);
  };
  add(doc.order);
  if (isObject(doc.optimizer)) each(doc.optimizer.buffers);
  const nets = [doc.network, isObject(doc.earlyStopping) ? doc.earlyStopping.network : undefined];
  for (const net of nets) {
    if (!isObject(net)) continue;
    each(net.weights);
    each(net.biases);
  }
  return crc.text();
}

function encodeNetwork(net: Network): { weights: string[]; biases: string[] } {
  return { weights: net.weights.map(encodeFloat32), biases: net.biases.map(encodeFloat32) };
}

function parseNetwork(x: unknown, settings: TrainingSettings, field: string, fail: Fail): Network {
  const sizes = settings.sizes;
  const L = sizes.length - 1;
  if (!isObject(x) || !Array.isArray(x.weights) || x.weights.length !== L || !Array.isArray(x.biases) || x.biases.length !== L) {
    return fail(`field "${field}" must hold ${L} layers of weights and biases`);
  }
  const network = new Network(settings);
  for (let l = 0; l < L; l++) {
    network.weights[l].set(finiteArray(x.weights[l], sizes[l] * sizes[l + 1], `${field}.weights[${l}]`, fail));
    network.biases[l].set(finiteArray(x.biases[l], sizes[l + 1], `${field}.biases[${l}]`, fail));
  }
  return network;
}

/** Early stopping's record (only with a validation split): the best epoch, its accuracy and parameters. */
function parseEarlyStopping(x: unknown, settings: TrainingSettings, fail: Fail): TrainerState['earlyStopping'] {
  if (x === null || x === undefined) return null;
  if (!(settings.validation ?? 0)) return fail('field "earlyStopping" needs a validation split in the settings');
  if (!isObject(x)) return fail('field "earlyStopping" must be an object or null');
  const bestEpoch = int(x.bestEpoch, 1, 100_000, 'earlyStopping.bestEpoch', fail);
  const bestAccuracy = finite(x.bestAccuracy, 'earlyStopping.bestAccuracy', fail);
  return { bestEpoch, bestAccuracy, network: parseNetwork(x.network, settings, 'earlyStopping.network', fail) };
}

function finiteArray(text: unknown, count: number, field: string, fail: Fail): Float32Array {
  const values = decodeFloat32(text, count);
  if (typeof values === 'string') return fail(`field "${field}" ${values}`);
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) fail(`field "${field}[${i}]" is ${values[i]}, not a finite number`);
  return values;
}

/**
 * Optimizer state layout (as `Optimizer.getState` gives it): SGD none; momentum the
 * velocities [W1, b1, W2, b2, …]; Adam the first moments in that order, then the second.
 */
function parseOptimizer(x: unknown, settings: TrainingSettings, fail: Fail): OptimizerState {
  if (!isObject(x)) return fail('field "optimizer" must be an object');
  const step = int(x.step, 0, Number.MAX_SAFE_INTEGER, 'optimizer.step', fail);
  const sets = { sgd: 0, momentum: 1, adam: 2 }[settings.optimizer];
  if (!OPTIMIZERS.includes(settings.optimizer) || sets === undefined) return fail('field "settings.optimizer" is unknown');
  const sizes = settings.sizes;
  const L = sizes.length - 1;
  if (!Array.isArray(x.buffers) || x.buffers.length !== 2 * L * sets) return fail(`field "optimizer.buffers" must hold ${2 * L * sets} arrays for ${settings.optimizer}`);
  const buffers: Float32Array[] = [];
  for (let i = 0; i < x.buffers.length; i++) {
    const l = Math.floor(i / 2) % L;
    const count = i % 2 === 0 ? sizes[l] * sizes[l + 1] : sizes[l + 1];
    buffers.push(finiteArray(x.buffers[i], count, `optimizer.buffers[${i}]`, fail));
  }
  return { step, buffers };
}
