import { DigitlabError } from '../errors.js';
import type { PartialSettings, TrainingSettings } from '../model/training-settings.js';
import type { CheckpointData } from './checkpoint.js';
import { type PresetName, PRESETS } from './presets.js';

/**
 * What a resumed run was asked for, beside the checkpoint: a user resumes by repeating the
 * command that started the run (up-arrow) and adding `--resume FILE`, so the same options
 * come again. Those equal to the run's are fine; only those that would change it are refused.
 */
export interface ResumeRequest {
  readonly preset?: PresetName;
  /** Settings given explicitly; `epochs` is not compared (a resumed run may be extended). */
  readonly settings: PartialSettings;
  /** The data option as the checkpoint records it (null = MNIST), or undefined when not given. */
  readonly data?: string | null;
  readonly limit?: number;
}

/** One asked-for value that differs from the checkpointed run's. */
export interface RunDifference {
  /** The setting (a `TrainingSettings` key), or "data", "limit", "preset". */
  readonly key: keyof TrainingSettings | 'data' | 'limit' | 'preset';
  readonly given: unknown;
  /** The run's value; for "preset", the first of the preset's settings that differs. */
  readonly run: unknown;
  /** For "preset": which of its settings differs, and the preset's value of it. */
  readonly setting?: keyof TrainingSettings;
  readonly presetValue?: unknown;
}

/** Everything in `request` that would change the run of `settings` and `data` (empty = may resume). */
export function runDifferences(request: ResumeRequest, settings: TrainingSettings, data: CheckpointData): RunDifference[] {
  const out: RunDifference[] = [];
  const given = request.settings as Record<string, unknown>;
  const run = settings as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined || key === 'epochs') continue;
    if (!same(value, run[key])) out.push({ key: key as keyof TrainingSettings, given: value, run: run[key] });
  }
  if (request.preset) {
    const preset = PRESETS[request.preset].settings as Record<string, unknown>;
    const differs = Object.keys(preset).find((key) => key !== 'epochs' && given[key] === undefined && !same(preset[key], run[key]));
    if (differs) out.push({ key: 'preset', given: request.preset, run: run[differs], setting: differs as keyof TrainingSettings, presetValue: preset[differs] });
  }
  if (request.data !== undefined && request.data !== data.option) out.push({ key: 'data', given: request.data, run: data.option });
  if (request.limit !== undefined && request.limit !== data.limit) out.push({ key: 'limit', given: request.limit, run: data.limit });
  return out;
}

/** A resume refused because the request would change the run; `differences` says how. */
export class ResumeConflictError extends DigitlabError {
  /** Each asked-for value that differs from the run's. */
  readonly differences: readonly RunDifference[];

  constructor(differences: readonly RunDifference[]) {
    super(differences.map(describeDifference).join('; '));
    this.differences = differences;
  }
}

/** "seed 2 differs from the checkpoint's run (seed 1)", in the settings' own names. */
export function describeDifference(d: RunDifference): string {
  if (d.key === 'preset') return `preset ${d.given} differs from the checkpoint's run (its ${d.setting} ${valueText(d.presetValue)}, the run's ${valueText(d.run)})`;
  return `${d.key} ${valueText(d.given)} differs from the checkpoint's run (${d.key} ${valueText(d.run)})`;
}

/** A setting's value as a user types it: layer sizes "784,16,10", no data option "mnist". */
export function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.join(',');
  if (value === null) return 'none';
  return String(value);
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}
