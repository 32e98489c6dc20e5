import { HIDDEN_ACTIVATIONS } from '../../../core/activations.js';
import { COSTS } from '../../../core/costs.js';
import { INITS } from '../../../core/init.js';
import { parameterCount } from '../../../core/network.js';
import { OPTIMIZERS } from '../../../core/optimizers.js';
import { AUGMENTS } from '../../../data/augment.js';
import { SCHEDULES } from '../../../train/schedule.js';
import { resolveSettings, SEED_SETTINGS } from '../../../train/settings.js';
import type { PartialSettings, TrainingSettings } from '../../../model/training-settings.js';
import type { SpeedValues } from '../../components/speed-control.js';
import type { TrainingFormValues } from '../../components/training-controls.js';
import { DATA_SETS } from '../../shared/data-sets.js';
import { type FieldTable, HashCodec, type HashIssue } from '../../shared/hash-codec.js';
import { LANGUAGES, type Language } from '../../shared/i18n.js';
import { PALETTES, type PaletteName } from '../../shared/palette.js';
import { LAB_LIMITS } from '../../shared/setting-limits.js';
import { TRAINING_PACES, WATCH_RATE } from '../../shared/step-clock.js';
import { decodeStrokes, MAX_DRAWING_LENGTH } from '../../shared/stroke-codec.js';

export { PALETTES, type PaletteName };

/**
 * Everything the Lab shows that a user may want to share: the training settings (the
 * training controls' values), the training speed, the input (a test image, the drawing's
 * strokes or a noise image's seed: one of them), the language and the display options. It
 * lives in the URL hash, so a copied address restores the page (the Lab's state as a URL).
 */
export interface LabState extends TrainingFormValues, SpeedValues {
  /** Index of the data set's test image shown, or −1 for the drawing. */
  testImage: number;
  /** The drawing on the pad, its strokes as the stroke codec writes them ('' = none). */
  drawing: string;
  /** Seed of the white-noise image shown (−1 = none). */
  noise: number;
  /** '' = follow the browser's language. */
  language: Language | '';
  palette: PaletteName;
  /** Draw every connection instead of the strongest few per neuron. */
  allConnections: boolean;
  /** Train with the WebAssembly kernels ('fast') or the TypeScript reference. */
  backend: 'fast' | 'reference';
}

/**
 * The Lab's defaults: the source document's network and training (SEED_SETTINGS); the
 * initial weights and the learning rate are left to the run layer, which picks them for the
 * network as the CLI does (for the source's network: Xavier and η = 4.5).
 */
export const DEFAULT_STATE: Readonly<LabState> = {
  dataSet: 'mnist',
  hidden: SEED_SETTINGS.sizes.slice(1, -1),
  activation: SEED_SETTINGS.activation,
  cost: SEED_SETTINGS.cost,
  init: 'auto',
  optimizer: SEED_SETTINGS.optimizer,
  learningRate: null,
  batchSize: SEED_SETTINGS.batchSize,
  seed: SEED_SETTINGS.seed,
  l2: SEED_SETTINGS.l2,
  dropout: 0,
  schedule: 'constant',
  augment: 'none',
  testImage: -1,
  drawing: '',
  noise: -1,
  language: '',
  palette: 'green-red',
  allConnections: false,
  backend: 'fast',
  pace: 'full',
  watchRate: WATCH_RATE.default,
};

/** Largest network the Lab trains in a browser tab. */
export const LAB_MAX_PARAMETERS = LAB_LIMITS.parameters.max;

const L = LAB_LIMITS;
/** The one table of settings ↔ URL: hash key and how its value is written and checked. */
const FIELDS: FieldTable<LabState> = {
  dataSet: { key: 'data', kind: { type: 'enum', values: DATA_SETS } },
  hidden: {
    key: 'layers',
    kind: { type: 'layers', ...L.layerSize, maxCount: L.hiddenLayers.max, maxParameters: L.parameters.max, parameters: (hidden) => parameterCount([784, ...hidden, 10]) },
  },
  activation: { key: 'activation', kind: { type: 'enum', values: HIDDEN_ACTIVATIONS } },
  cost: { key: 'cost', kind: { type: 'enum', values: COSTS } },
  init: { key: 'init', kind: { type: 'enum', values: ['auto', ...INITS] } },
  optimizer: { key: 'optimizer', kind: { type: 'enum', values: OPTIMIZERS } },
  learningRate: { key: 'lr', kind: { type: 'number', ...L.learningRate, aboveMin: true } },
  batchSize: { key: 'batch', kind: { type: 'int', ...L.batchSize } },
  seed: { key: 'seed', kind: { type: 'int', ...L.seed } },
  l2: { key: 'l2', kind: { type: 'number', ...L.l2 } },
  dropout: { key: 'dropout', kind: { type: 'number', ...L.dropout } },
  schedule: { key: 'schedule', kind: { type: 'enum', values: SCHEDULES } },
  augment: { key: 'augment', kind: { type: 'enum', values: AUGMENTS } },
  testImage: { key: 'test', kind: { type: 'int', min: -1, max: 9_999 } },
  drawing: { key: 'draw', kind: { type: 'text', maxLength: MAX_DRAWING_LENGTH, valid: (text) => decodeStrokes(text) !== null } },
  noise: { key: 'noise', kind: { type: 'int', min: -1, max: 0xffffffff } },
  language: { key: 'lang', kind: { type: 'enum', values: ['', ...LANGUAGES] } },
  palette: { key: 'palette', kind: { type: 'enum', values: PALETTES } },
  allConnections: { key: 'all', kind: { type: 'bool' } },
  backend: { key: 'backend', kind: { type: 'enum', values: ['fast', 'reference'] } },
  pace: { key: 'pace', kind: { type: 'enum', values: TRAINING_PACES } },
  watchRate: { key: 'rate', kind: { type: 'int', min: WATCH_RATE.min, max: WATCH_RATE.max } },
};

/** The Lab's state⇄URL codec. */
export const LAB_CODEC = new HashCodec<LabState>(FIELDS, DEFAULT_STATE);

/**
 * The hash for a state: only values that differ from the defaults, in table order, e.g.
 * `#layers=32&activation=relu&lr=0.01`.
 */
export function stateToHash(state: LabState): string {
  return LAB_CODEC.encode(state);
}

/** The state a hash describes and each key it ignored (named in the page's notice). */
export function readHash(hash: string): { state: LabState; issues: HashIssue[] } {
  return LAB_CODEC.decode(hash);
}

/** The state a hash describes; anything missing or malformed takes its default. */
export function stateFromHash(hash: string): LabState {
  return LAB_CODEC.decode(hash).state;
}

/** What a state asks the run layer for: the settings the user chose; the rest it fills in as the CLI does. */
export function runRequest(
  state: LabState,
  overrides: Partial<Pick<TrainingSettings, 'activation' | 'init' | 'optimizer' | 'learningRate'>> = {},
): PartialSettings {
  return {
    sizes: [784, ...state.hidden, 10],
    activation: state.activation,
    cost: state.cost,
    ...(state.init !== 'auto' ? { init: state.init } : {}),
    optimizer: state.optimizer,
    ...(state.learningRate !== null ? { learningRate: state.learningRate } : {}),
    batchSize: state.batchSize,
    seed: state.seed,
    l2: state.l2,
    // The accuracy tweaks only when set, so the default run's settings stay exactly the seed's.
    ...(state.dropout > 0 ? { dropout: state.dropout } : {}),
    ...(state.schedule !== 'constant' ? { schedule: state.schedule } : {}),
    ...(state.augment !== 'none' ? { augment: state.augment } : {}),
    ...overrides,
  };
}

/** The training settings a state asks for, resolved by the run layer (throws a DigitlabError if they are bad). */
export function trainingSettings(state: LabState, overrides: Parameters<typeof runRequest>[1] = {}): TrainingSettings {
  return resolveSettings(runRequest(state, overrides));
}
