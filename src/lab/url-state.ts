import { HIDDEN_ACTIVATIONS, type HiddenActivationName } from '../core/activations.js';
import { COSTS, type CostName } from '../core/costs.js';
import { INITS, type InitName } from '../core/init.js';
import { OPTIMIZERS, type OptimizerName } from '../core/optimizers.js';
import { parameterCount } from '../core/network.js';
import { resolveSettings, SEED_SETTINGS, type TrainingSettings } from '../train/settings.js';
import { LANGUAGES, type Language } from './messages.js';
import { AUGMENTS, type AugmentName } from '../data/augment.js';
import { SCHEDULES, type ScheduleName } from '../train/schedule.js';
import { DATA_SETS, type DataSetName } from './data-sets.js';

/** The colour pairs a weight can be drawn in. */
export type PaletteName = 'green-red' | 'blue-orange';
/** All palettes, for the switcher. */
export const PALETTES: readonly PaletteName[] = ['green-red', 'blue-orange'];

/**
 * Everything a Lab page shows that a user may want to share: the training settings, the
 * picked test image, the language and the display options. It lives in the URL hash, so a
 * copied address restores the page (B7), in the manner of TensorFlow Playground's state.ts.
 */
export interface LabState {
  /** The data set trained on and shown (the pretrained model knows only MNIST). */
  dataSet: DataSetName;
  /** Hidden layer sizes (the input 784 and output 10 are fixed). */
  hidden: number[];
  activation: HiddenActivationName;
  cost: CostName;
  init: InitName;
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  seed: number;
  /** L2 penalty λ (weight decay; 0 = none). */
  l2: number;
  /** Probability of dropping each hidden neuron in a training step (0 = none). */
  dropout: number;
  /** Learning-rate schedule over the run's planned epochs. */
  schedule: ScheduleName;
  /** On-the-fly distortion of the training images. */
  augment: AugmentName;
  /** Index of the data set's test image shown, or −1 for the drawing. */
  testImage: number;
  /** '' = follow the browser's language. */
  language: Language | '';
  palette: PaletteName;
  /** Draw every connection instead of the strongest few per neuron. */
  allConnections: boolean;
  /** Train with the WebAssembly kernels ('fast') or the TypeScript reference. */
  backend: 'fast' | 'reference';
}

/** The Lab's defaults: the source document's network and training (SEED_SETTINGS). */
export const DEFAULT_STATE: Readonly<LabState> = {
  dataSet: 'mnist',
  hidden: SEED_SETTINGS.sizes.slice(1, -1),
  activation: SEED_SETTINGS.activation,
  cost: SEED_SETTINGS.cost,
  init: SEED_SETTINGS.init,
  optimizer: SEED_SETTINGS.optimizer,
  learningRate: SEED_SETTINGS.learningRate,
  batchSize: SEED_SETTINGS.batchSize,
  seed: SEED_SETTINGS.seed,
  l2: SEED_SETTINGS.l2,
  dropout: 0,
  schedule: 'constant',
  augment: 'none',
  testImage: -1,
  language: '',
  palette: 'green-red',
  allConnections: false,
  backend: 'fast',
};

type Kind =
  | { type: 'int'; min: number; max: number }
  | { type: 'number' }
  | { type: 'fraction' }
  | { type: 'decay' }
  | { type: 'ints' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'bool' };

/** The one table of settings ↔ URL: hash key and how its value is written and checked. */
const FIELDS: { readonly [K in keyof LabState]: { readonly key: string; readonly kind: Kind } } = {
  dataSet: { key: 'data', kind: { type: 'enum', values: DATA_SETS } },
  hidden: { key: 'layers', kind: { type: 'ints' } },
  activation: { key: 'activation', kind: { type: 'enum', values: HIDDEN_ACTIVATIONS } },
  cost: { key: 'cost', kind: { type: 'enum', values: COSTS } },
  init: { key: 'init', kind: { type: 'enum', values: INITS } },
  optimizer: { key: 'optimizer', kind: { type: 'enum', values: OPTIMIZERS } },
  learningRate: { key: 'lr', kind: { type: 'number' } },
  batchSize: { key: 'batch', kind: { type: 'int', min: 1, max: 60_000 } },
  seed: { key: 'seed', kind: { type: 'int', min: 0, max: 0xffffffff } },
  l2: { key: 'l2', kind: { type: 'decay' } },
  dropout: { key: 'dropout', kind: { type: 'fraction' } },
  schedule: { key: 'schedule', kind: { type: 'enum', values: SCHEDULES } },
  augment: { key: 'augment', kind: { type: 'enum', values: AUGMENTS } },
  testImage: { key: 'test', kind: { type: 'int', min: -1, max: 9_999 } },
  language: { key: 'lang', kind: { type: 'enum', values: ['', ...LANGUAGES] } },
  palette: { key: 'palette', kind: { type: 'enum', values: PALETTES } },
  allConnections: { key: 'all', kind: { type: 'bool' } },
  backend: { key: 'backend', kind: { type: 'enum', values: ['fast', 'reference'] } },
};

/** Largest network the Lab trains in a browser tab (784-800-800-10 has 1.3 million). */
export const LAB_MAX_PARAMETERS = 5_000_000;

const KEYS = Object.keys(FIELDS) as (keyof LabState)[];

function encodeValue(value: LabState[keyof LabState]): string {
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

function decodeValue(text: string, kind: Kind): LabState[keyof LabState] | undefined {
  switch (kind.type) {
    case 'int': {
      const n = Number(text);
      return Number.isInteger(n) && n >= kind.min && n <= kind.max ? n : undefined;
    }
    case 'number': {
      const n = Number(text);
      return text !== '' && Number.isFinite(n) && n > 0 ? n : undefined;
    }
    case 'decay': {
      const n = Number(text);
      return text !== '' && Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
    }
    case 'fraction': {
      const n = Number(text);
      return text !== '' && Number.isFinite(n) && n >= 0 && n < 1 ? n : undefined;
    }
    case 'ints': {
      if (text === '') return [];
      const sizes = text.split(',').map(Number);
      const fits = sizes.every((n) => Number.isInteger(n) && n >= 1 && n <= 4096) && sizes.length <= 8;
      // A shared link must not make the page allocate gigabytes: cap the whole network too.
      return fits && parameterCount([784, ...sizes, 10]) <= LAB_MAX_PARAMETERS ? sizes : undefined;
    }
    case 'enum':
      return kind.values.includes(text) ? (text as LabState[keyof LabState]) : undefined;
    case 'bool':
      return text === '1' ? true : text === '0' ? false : undefined;
  }
}

/**
 * The hash for a state: only values that differ from the defaults, in table order, e.g.
 * `#layers=32&activation=relu&lr=0.01`.
 */
export function stateToHash(state: LabState): string {
  const params = new URLSearchParams();
  for (const name of KEYS) {
    const value = encodeValue(state[name]);
    if (value !== encodeValue(DEFAULT_STATE[name])) params.set(FIELDS[name].key, value);
  }
  const text = params.toString();
  return text === '' ? '' : `#${text}`;
}

/** The state a hash describes; anything missing or malformed takes its default. */
export function stateFromHash(hash: string): LabState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: LabState = { ...DEFAULT_STATE, hidden: [...DEFAULT_STATE.hidden] };
  const target = state as unknown as Record<keyof LabState, LabState[keyof LabState]>;
  for (const name of KEYS) {
    const text = params.get(FIELDS[name].key);
    if (text === null) continue;
    const value = decodeValue(text, FIELDS[name].kind);
    if (value !== undefined) target[name] = value;
  }
  return state;
}

/** The training settings a state asks for, checked (throws a DigitlabError if they are bad). */
export function trainingSettings(
  state: LabState,
  overrides: Partial<Pick<TrainingSettings, 'activation' | 'init' | 'optimizer' | 'learningRate'>> = {},
): TrainingSettings {
  return resolveSettings({
    sizes: [784, ...state.hidden, 10],
    activation: state.activation,
    cost: state.cost,
    init: state.init,
    optimizer: state.optimizer,
    learningRate: state.learningRate,
    batchSize: state.batchSize,
    seed: state.seed,
    l2: state.l2,
    // The accuracy tweaks only when set, so the default run's settings stay exactly the seed's.
    ...(state.dropout > 0 ? { dropout: state.dropout } : {}),
    ...(state.schedule !== 'constant' ? { schedule: state.schedule } : {}),
    ...(state.augment !== 'none' ? { augment: state.augment } : {}),
    ...overrides,
  });
}
