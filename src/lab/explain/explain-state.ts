import { LANGUAGES, type Language } from '../messages.js';
import { DEFAULT_CHAIN } from '../../explain/chain.js';
import { LANDSCAPE_NAMES, type LandscapeName } from '../../explain/landscapes.js';

/** The four panels of "How it learns". */
export type ExplainView = 'descent' | 'chain' | 'nudges' | 'sgd';
/** All panels, in tab order. */
export const EXPLAIN_VIEWS: readonly ExplainView[] = ['descent', 'chain', 'nudges', 'sgd'];

/**
 * Everything the "How it learns" page shows that a user may share, kept in the URL hash
 * like the Lab's own state (url-state.ts): one typed table of fields, each with its hash
 * key and how it is checked; only values that differ from the defaults are written. The
 * `lang` key is the Lab's, so a language choice survives moving between the pages.
 */
export interface ExplainState {
  view: ExplainView;
  language: Language | '';
  /** descent: which landscape, the learning rate and where the ball was dropped. */
  landscape: LandscapeName;
  learningRate: number;
  start: number[];
  /** chain: w(1..3), b(1..3), the input a(0) and the target y; `chainStep` = how far the step-through is. */
  weights: number[];
  biases: number[];
  input: number;
  target: number;
  chainStep: number;
  /** nudges: the training image, the output neuron (−1 = the image's label), the mini-batch size, the model. */
  image: number;
  neuron: number;
  batch: number;
  model: 'pretrained' | 'untrained';
  /** sgd-path: training images, full-batch steps, SGD epochs, learning rate, grid points per axis. */
  subset: number;
  fullSteps: number;
  epochs: number;
  sgdRate: number;
  grid: number;
}

/** Defaults: the CLI's (`digitlab explain …`), with smaller sgd-path sizes for a browser. */
export const DEFAULT_EXPLAIN_STATE: Readonly<ExplainState> = {
  view: 'descent',
  language: '',
  landscape: 'surface',
  learningRate: 0.5,
  start: [4.2, -4],
  weights: [...DEFAULT_CHAIN.weights],
  biases: [...DEFAULT_CHAIN.biases],
  input: DEFAULT_CHAIN.input,
  target: DEFAULT_CHAIN.target,
  chainStep: 0,
  image: 0,
  neuron: -1,
  batch: 10,
  model: 'pretrained',
  subset: 2000,
  fullSteps: 100,
  epochs: 20,
  sgdRate: 4.5,
  grid: 21,
};

type Kind =
  | { type: 'int'; min: number; max: number }
  | { type: 'number'; min: number; max: number }
  | { type: 'numbers'; length: readonly number[] }
  | { type: 'enum'; values: readonly string[] };

const FIELDS: { readonly [K in keyof ExplainState]: { readonly key: string; readonly kind: Kind } } = {
  view: { key: 'view', kind: { type: 'enum', values: EXPLAIN_VIEWS } },
  language: { key: 'lang', kind: { type: 'enum', values: ['', ...LANGUAGES] } },
  landscape: { key: 'land', kind: { type: 'enum', values: LANDSCAPE_NAMES } },
  learningRate: { key: 'lr', kind: { type: 'number', min: 1e-6, max: 100 } },
  start: { key: 'start', kind: { type: 'numbers', length: [1, 2] } },
  weights: { key: 'w', kind: { type: 'numbers', length: [3] } },
  biases: { key: 'b', kind: { type: 'numbers', length: [3] } },
  input: { key: 'x', kind: { type: 'number', min: -100, max: 100 } },
  target: { key: 'y', kind: { type: 'number', min: -100, max: 100 } },
  chainStep: { key: 'cstep', kind: { type: 'int', min: 0, max: 100 } },
  image: { key: 'img', kind: { type: 'int', min: 0, max: 59_999 } },
  neuron: { key: 'neuron', kind: { type: 'int', min: -1, max: 9 } },
  batch: { key: 'batch', kind: { type: 'int', min: 1, max: 100 } },
  model: { key: 'model', kind: { type: 'enum', values: ['pretrained', 'untrained'] } },
  subset: { key: 'n', kind: { type: 'int', min: 100, max: 60_000 } },
  fullSteps: { key: 'full', kind: { type: 'int', min: 1, max: 10_000 } },
  epochs: { key: 'epochs', kind: { type: 'int', min: 1, max: 1000 } },
  sgdRate: { key: 'slr', kind: { type: 'number', min: 1e-6, max: 100 } },
  grid: { key: 'grid', kind: { type: 'int', min: 3, max: 81 } },
};

const KEYS = Object.keys(FIELDS) as (keyof ExplainState)[];

function encode(value: ExplainState[keyof ExplainState]): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

function decode(text: string, kind: Kind): ExplainState[keyof ExplainState] | undefined {
  switch (kind.type) {
    case 'int': {
      const n = Number(text);
      return text !== '' && Number.isInteger(n) && n >= kind.min && n <= kind.max ? n : undefined;
    }
    case 'number': {
      const n = Number(text);
      return text !== '' && Number.isFinite(n) && n >= kind.min && n <= kind.max ? n : undefined;
    }
    case 'numbers': {
      const xs = text.split(',').map(Number);
      return kind.length.includes(xs.length) && xs.every((x) => Number.isFinite(x) && Math.abs(x) <= 1e4) ? xs : undefined;
    }
    case 'enum':
      return kind.values.includes(text) ? (text as ExplainState[keyof ExplainState]) : undefined;
  }
}

/** The hash for a state: only the values that differ from the defaults. */
export function explainStateToHash(state: ExplainState): string {
  const params = new URLSearchParams();
  for (const name of KEYS) {
    const value = encode(state[name]);
    if (value !== encode(DEFAULT_EXPLAIN_STATE[name])) params.set(FIELDS[name].key, value);
  }
  const text = params.toString();
  return text === '' ? '' : `#${text}`;
}

/** The state a hash describes; anything missing or malformed takes its default. */
export function explainStateFromHash(hash: string): ExplainState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state = structuredClone(DEFAULT_EXPLAIN_STATE) as ExplainState;
  const target = state as unknown as Record<keyof ExplainState, ExplainState[keyof ExplainState]>;
  for (const name of KEYS) {
    const text = params.get(FIELDS[name].key);
    if (text === null) continue;
    const value = decode(text, FIELDS[name].kind);
    if (value !== undefined) target[name] = value;
  }
  // A start point must fit the landscape (1 number on the curve, 2 on the surface).
  if (state.start.length !== (state.landscape === 'curve' ? 1 : 2)) state.start = state.landscape === 'curve' ? [7.5] : [4.2, -4];
  return state;
}
