import { HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS } from '../core/activations.js';
import { COSTS, costFitsOutput } from '../core/costs.js';
import { INITS } from '../core/init.js';
import { MAX_PARAMETERS, parameterCount } from '../core/network.js';
import { OPTIMIZERS } from '../core/optimizers.js';
import { AUGMENTS } from '../data/augment.js';
import { canonicalSettings, SCHEDULES, type TrainingSettings } from './training-settings.js';

/**
 * The one set of limits on training settings. The command line's options, `resolveSettings`
 * (the library), the model file, the checkpoint and the Lab's URL state all check against
 * this table, so a value one of them accepts the others accept too.
 */

/** The range a numeric setting may take. */
export interface NumberLimit {
  /** What a person calls the setting, for messages ("learning rate"). */
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** Whole numbers only. */
  readonly whole: boolean;
  /** The minimum itself is excluded (η must be > 0). */
  readonly aboveMin?: boolean;
}

/** Every numeric setting's range; `layerSize` bounds each entry of `sizes`. */
export const SETTING_LIMITS = {
  learningRate: { label: 'learning rate', min: 0, max: 1e6, whole: false, aboveMin: true },
  l2: { label: 'l2', min: 0, max: 1e6, whole: false },
  batchSize: { label: 'batch size', min: 1, max: 1_000_000, whole: true },
  epochs: { label: 'epochs', min: 0, max: 100_000, whole: true },
  seed: { label: 'seed', min: 0, max: 0xffffffff, whole: true },
  dropout: { label: 'dropout', min: 0, max: 0.99, whole: false },
  validation: { label: 'validation', min: 0, max: 10_000_000, whole: true },
  patience: { label: 'patience', min: 0, max: 100_000, whole: true },
  labelSmoothing: { label: 'label smoothing', min: 0, max: 0.5, whole: false },
  // The real bound on a network is MAX_PARAMETERS; this only keeps a single size sane.
  layerSize: { label: 'layer size', min: 1, max: 1_000_000, whole: true },
} as const satisfies Record<string, NumberLimit>;

/** How many layers (input and output included) a network may have. */
export const LAYER_COUNT_LIMIT = { min: 2, max: 1000 } as const;

/** The settings that are numbers, by name. */
export type NumericSetting = Exclude<keyof typeof SETTING_LIMITS, 'layerSize'>;

/** "a whole number from 1 to 1,000,000", "a number > 0 and ≤ 1,000,000". */
export function describeLimit(limit: NumberLimit): string {
  const n = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 20 });
  const kind = limit.whole ? 'a whole number' : 'a number';
  return limit.aboveMin ? `${kind} > ${n(limit.min)} and ≤ ${n(limit.max)}` : `${kind} from ${n(limit.min)} to ${n(limit.max)}`;
}

/** Whether `value` is a number within `limit`. */
export function withinLimit(limit: NumberLimit, value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (limit.aboveMin ? value > limit.min : value >= limit.min) &&
    value <= limit.max &&
    (!limit.whole || Number.isInteger(value))
  );
}

/** Null when `value` fits `limit`, else what is wrong ("must be a whole number from 1 to 1,000,000, got 0"). */
export function limitProblem(limit: NumberLimit, value: unknown): string | null {
  return withinLimit(limit, value) ? null : `must be ${describeLimit(limit)}, got ${typeof value === 'number' ? String(value) : JSON.stringify(value)}`;
}

/** Reports a bad setting: its field name, its label and what is wrong; never returns. */
export type SettingFailure = (field: string, label: string, problem: string) => never;

/**
 * Checks a complete settings object (from a file, a URL or `resolveSettings`) against the
 * limits and returns it with only the known fields, in canonical order. Unknown fields are
 * ignored; every problem goes to `fail` naming the field.
 */
export function checkSettings(x: Readonly<Record<string, unknown>>, fail: SettingFailure): TrainingSettings {
  const sizes = x.sizes;
  const { min, max } = LAYER_COUNT_LIMIT;
  if (!Array.isArray(sizes) || sizes.length < min || sizes.length > max) {
    fail('sizes', 'layers', `need from ${min} to ${max} layer sizes, input and output included, got ${JSON.stringify(sizes)}`);
  }
  const list = sizes as unknown[];
  if (!list.every((n) => withinLimit(SETTING_LIMITS.layerSize, n))) {
    fail('sizes', 'layers', `each size must be ${describeLimit(SETTING_LIMITS.layerSize)}, got "${list.join(',')}"`);
  }
  const count = parameterCount(list as number[]);
  if (count > MAX_PARAMETERS) {
    fail('sizes', 'layers', `${list.join(',')} has ${count.toLocaleString('en-US')} parameters, more than the ${MAX_PARAMETERS.toLocaleString('en-US')} digitlab trains`);
  }
  oneOf(x, 'activation', 'activation', HIDDEN_ACTIVATIONS, fail);
  oneOf(x, 'outputActivation', 'output activation', OUTPUT_ACTIVATIONS, fail);
  oneOf(x, 'cost', 'cost', COSTS, fail);
  oneOf(x, 'init', 'init', INITS, fail);
  oneOf(x, 'optimizer', 'optimizer', OPTIMIZERS, fail);
  if (!costFitsOutput(x.cost as TrainingSettings['cost'], x.outputActivation as TrainingSettings['outputActivation'])) {
    fail('cost', 'cost', `cross-entropy needs a sigmoid or softmax output layer, not ${String(x.outputActivation)}`);
  }
  for (const key of ['learningRate', 'l2', 'batchSize', 'epochs', 'seed'] as const) inRange(x, key, fail);
  for (const key of ['dropout', 'validation', 'patience', 'labelSmoothing'] as const) if (x[key] !== undefined) inRange(x, key, fail);
  if (((x.labelSmoothing as number | undefined) ?? 0) > 0 && !(x.cost === 'cross-entropy' && x.outputActivation === 'softmax')) {
    fail('labelSmoothing', 'label smoothing', 'needs the cross-entropy cost with a softmax output');
  }
  if (x.schedule !== undefined) oneOf(x, 'schedule', 'schedule', SCHEDULES, fail);
  if (x.augment !== undefined) oneOf(x, 'augment', 'augment', AUGMENTS, fail);
  if (((x.patience as number | undefined) ?? 0) > 0 && !((x.validation as number | undefined) ?? 0)) {
    fail('patience', 'patience', 'early stopping needs a validation split (--validation N)');
  }
  return canonicalSettings(x as unknown as TrainingSettings);
}

function inRange(x: Readonly<Record<string, unknown>>, key: NumericSetting, fail: SettingFailure): void {
  const limit = SETTING_LIMITS[key];
  const problem = limitProblem(limit, x[key]);
  if (problem !== null) fail(key, limit.label, problem);
}

function oneOf(x: Readonly<Record<string, unknown>>, key: string, label: string, allowed: readonly string[], fail: SettingFailure): void {
  const value = x[key];
  if (typeof value !== 'string' || !allowed.includes(value)) fail(key, label, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
}
