import type { CostName } from '../core/costs.js';
import { parameterCount } from '../core/network.js';
import { DigitlabError } from '../errors.js';
import { parseJsonText } from './json-text.js';
import { MAX_PARAMETERS, MODEL_FORMAT, MODEL_VERSION, type Model, assertFiniteParameters, parseModel } from './model-file.js';

/**
 * The save format of Michael Nielsen's `network2.py` ("Neural Networks and Deep Learning",
 * chapter 3): `Network.save` writes `{"sizes", "weights", "biases", "cost"}` with
 * `weights[l]` the (sizes[l+1] × sizes[l]) matrix as nested lists (row j = neuron j's
 * weights w_jk, as in digitlab), `biases[l]` a *column vector* `[[b0], [b1], …]`, and `cost`
 * the cost class's name. Every neuron of network2 is a sigmoid, output included.
 *
 * The costs: `CrossEntropyCost` is digitlab's `cross-entropy` on a sigmoid output (the same
 * per-neuron binary cross-entropy). `QuadraticCost` is ½‖a − y‖², half of digitlab's
 * `quadratic` ‖a − y‖² (the cost of one example, summed over the outputs): the parameters mean the same, but the same steps need
 * digitlab's η to be half of network2's.
 */
export const NIELSEN_COSTS: Readonly<Record<string, CostName>> = {
  QuadraticCost: 'quadratic',
  CrossEntropyCost: 'cross-entropy',
};

/**
 * The model as network2.py's JSON. Throws a DigitlabError for models network2 cannot hold
 * (any activation other than sigmoid) and for non-finite parameters.
 */
export function serializeNielsen(model: Model): string {
  const net = model.network;
  if (net.activation !== 'sigmoid' || net.outputActivation !== 'sigmoid') {
    throw new DigitlabError(
      `Nielsen's network2.py has sigmoid neurons only; this model has ${net.activation} hidden and ${net.outputActivation} output neurons`,
    );
  }
  assertFiniteParameters(net);
  const cost = Object.keys(NIELSEN_COSTS).find((k) => NIELSEN_COSTS[k] === model.cost) as string;
  // 9 significant digits give back the same float32 (see serializeModel).
  const exact = (x: number): number => Number(x.toPrecision(9));
  const doc = {
    sizes: net.sizes,
    weights: net.weights.map((w, l) => {
      const rows: number[][] = [];
      for (let o = 0; o < w.length; o += net.sizes[l]) rows.push(Array.from(w.subarray(o, o + net.sizes[l]), exact));
      return rows;
    }),
    biases: net.biases.map((b) => Array.from(b, (x) => [exact(x)])),
    cost,
  };
  return JSON.stringify(doc) + '\n';
}

/**
 * Reads network2.py's JSON, checking every field (sizes, shapes, column-vector biases, finite
 * numbers, a known cost) before allocating; throws a DigitlabError naming `source` and the
 * field. The model gets sigmoid layers, no training settings, and digit class names when it
 * has 10 outputs.
 */
export function parseNielsenText(text: string, source: string): Model {
  const fail = (message: string): never => {
    throw new DigitlabError(`${source}: ${message}`);
  };
  const doc = parseJsonText(text, source, 'a network2.py file');
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return fail('not a network2.py file (expected a JSON object)');
  const d = doc as Record<string, unknown>;
  const sizes = d.sizes;
  if (!Array.isArray(sizes) || sizes.length < 2 || sizes.length > 1000 || !sizes.every((n) => Number.isInteger(n) && n >= 1 && n <= 1_000_000)) {
    return fail('field "sizes" must be a list of at least two positive layer sizes');
  }
  const count = parameterCount(sizes as number[]);
  if (count > MAX_PARAMETERS) return fail(`field "sizes" describes ${count.toLocaleString('en-US')} parameters, more than the ${MAX_PARAMETERS.toLocaleString('en-US')} allowed`);
  if (typeof d.cost !== 'string' || !(d.cost in NIELSEN_COSTS)) {
    return fail(`field "cost" must be ${Object.keys(NIELSEN_COSTS).join(' or ')}, got ${JSON.stringify(d.cost)}`);
  }
  const L = sizes.length - 1;
  if (!Array.isArray(d.biases) || d.biases.length !== L) return fail(`field "biases" must hold ${L} layers`);
  const biases: unknown[][] = [];
  for (let l = 0; l < L; l++) {
    const column = d.biases[l];
    if (!Array.isArray(column) || column.length !== sizes[l + 1]) return fail(`field "biases[${l}]" must be a column of ${sizes[l + 1]} one-number rows`);
    const flat: unknown[] = [];
    for (let j = 0; j < column.length; j++) {
      const row = column[j];
      if (!Array.isArray(row) || row.length !== 1) return fail(`field "biases[${l}][${j}]" must be a one-number row [b] (network2 stores biases as column vectors)`);
      flat.push(row[0]);
    }
    biases.push(flat);
  }
  // The rest (weights' shapes, finite values) is checked exactly as for a digitlab model file.
  return parseModel(
    {
      format: MODEL_FORMAT,
      version: MODEL_VERSION,
      layers: sizes,
      activation: 'sigmoid',
      outputActivation: 'sigmoid',
      cost: NIELSEN_COSTS[d.cost],
      biases,
      weights: d.weights,
      data: `network2.py (${source})`,
    },
    source,
  );
}
