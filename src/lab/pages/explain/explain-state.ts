import { DEFAULT_CHAIN } from '../../../explain/chain.js';
import { settlingRun } from '../../../explain/descent.js';
import { LANDSCAPE_NAMES } from '../../../explain/landscapes.js';
import { NUDGES_DEFAULTS } from '../../../explain/nudges.js';
import { SEED_SETTINGS } from '../../../train/settings.js';
import type { ChainState } from '../../components/explain/chain-panel.js';
import type { DescentState } from '../../components/explain/descent-panel.js';
import type { NudgesState } from '../../components/explain/nudges-panel.js';
import type { SgdPathState } from '../../components/explain/sgd-path-panel.js';
import { type FieldTable, HashCodec, type HashIssue } from '../../shared/hash-codec.js';
import { LANGUAGES, type Language } from '../../shared/i18n.js';

/** The four panels of "How it learns". */
export type ExplainView = 'descent' | 'chain' | 'nudges' | 'sgd';
/** All panels, in tab order. */
export const EXPLAIN_VIEWS: readonly ExplainView[] = ['descent', 'chain', 'nudges', 'sgd'];

/**
 * Everything the "How it learns" page shows that a user may share: the tab, the language
 * (the Lab's `lang` key, so a language choice survives moving between the pages) and each
 * panel's settings, kept in the URL hash through the shared codec.
 */
export interface ExplainState extends DescentState, ChainState, NudgesState, SgdPathState {
  view: ExplainView;
  language: Language | '';
}

/** Defaults: the CLI's (`digitlab explain …`), with smaller sgd-path sizes for a browser. */
export const DEFAULT_EXPLAIN_STATE: Readonly<ExplainState> = {
  view: 'descent',
  language: '',
  landscape: 'surface',
  learningRate: settlingRun('surface').learningRate,
  start: [...settlingRun('surface').start],
  weights: [...DEFAULT_CHAIN.weights],
  biases: [...DEFAULT_CHAIN.biases],
  input: DEFAULT_CHAIN.input,
  target: DEFAULT_CHAIN.target,
  chainStep: 0,
  image: NUDGES_DEFAULTS.index,
  neuron: -1,
  batch: NUDGES_DEFAULTS.batchSize,
  model: 'pretrained',
  subset: 2000,
  fullSteps: 100,
  epochs: 20,
  sgdRate: SEED_SETTINGS.learningRate,
  grid: 21,
};

const FIELDS: FieldTable<ExplainState> = {
  view: { key: 'view', kind: { type: 'enum', values: EXPLAIN_VIEWS } },
  language: { key: 'lang', kind: { type: 'enum', values: ['', ...LANGUAGES] } },
  landscape: { key: 'land', kind: { type: 'enum', values: LANDSCAPE_NAMES } },
  learningRate: { key: 'lr', kind: { type: 'number', min: 1e-6, max: 100 } },
  start: { key: 'start', kind: { type: 'numbers', lengths: [1, 2], min: -1e4, max: 1e4 } },
  weights: { key: 'w', kind: { type: 'numbers', lengths: [3], min: -1e4, max: 1e4 } },
  biases: { key: 'b', kind: { type: 'numbers', lengths: [3], min: -1e4, max: 1e4 } },
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

/** A start point must fit the landscape (1 number on the curve, 2 on the surface): else the landscape's own start, said so. */
function fitStart(state: ExplainState, issues: HashIssue[]): void {
  const length = state.landscape === 'curve' ? 1 : 2;
  if (state.start.length === length) return;
  const given = state.start.join(',');
  state.start = [...settlingRun(state.landscape).start];
  issues.push({ key: 'start', value: given, reason: { kind: 'length', lengths: [length] }, correctedTo: state.start.join(',') });
}

/** The page's state⇄URL codec. */
export const EXPLAIN_CODEC = new HashCodec<ExplainState>(FIELDS, DEFAULT_EXPLAIN_STATE, fitStart);

/** The hash for a state: only the values that differ from the defaults. */
export function explainStateToHash(state: ExplainState): string {
  return EXPLAIN_CODEC.encode(state);
}

/** The state a hash describes; anything missing or malformed takes its default. */
export function explainStateFromHash(hash: string): ExplainState {
  return EXPLAIN_CODEC.decode(hash).state;
}
