import { resolve } from 'node:path';
import { type DatasetPair, takeFirst } from '../data/dataset.js';
import { resolveDataOption } from '../data/idx-dir.js';
import { DigitlabError } from '../errors.js';
import { checkOutputFile } from '../model/output-path.js';
import type { PartialSettings, TrainingSettings } from '../model/training-settings.js';
import type { Checkpoint, CheckpointData } from './checkpoint.js';
import { loadCheckpoint } from './checkpoint-file.js';
import { datasetFingerprint } from './fingerprint.js';
import { type PresetName, withPreset } from './presets.js';
import { ResumeConflictError, runDifferences } from './resume.js';
import { resolveSettings } from './settings.js';

/** What a caller asks of a run (the command line's options, a script's choices). Node only. */
export interface RunRequest {
  /** A documented recipe to start from; `settings` override it. */
  readonly preset?: PresetName;
  /** The settings chosen explicitly; whatever is left out takes the preset's value, else the default. */
  readonly settings?: PartialSettings;
  /** A folder with the four MNIST-named IDX files, "fashion", or undefined / "mnist" for MNIST. */
  readonly data?: string;
  /** Train on the first n training images only. */
  readonly limit?: number;
  /** The model file (default model.json, or a resumed run's). */
  readonly out?: string;
  /** Save the run here after every epoch and when stopped, to resume it later. */
  readonly checkpoint?: string;
  /** Continue the run saved in this checkpoint (its file is also where it is saved next, unless `checkpoint` says otherwise). */
  readonly resume?: string;
  /** The implementation's name recorded in checkpoints (the CLI's `--backend`; default: a resumed run's, else "auto"). */
  readonly backend?: string;
}

/** A run ready to train: its settings, its data and where it writes. */
export interface RunPlan {
  readonly settings: TrainingSettings;
  readonly pair: DatasetPair;
  /** Which data, as a checkpoint records it. */
  readonly data: CheckpointData;
  readonly classNames: readonly string[];
  /** The checkpoint resumed from, or null for a fresh run. */
  readonly resumed: Checkpoint | null;
  /** The model file, as given (a checkpoint records it absolute). */
  readonly out: string;
  readonly checkpoint: string | null;
  readonly backend: string;
}

/** The `--data` value as a checkpoint records it: null for MNIST, "fashion", or an absolute folder. */
export function dataOption(value: string | undefined): string | null {
  if (value === undefined || value === '' || value === 'mnist') return null;
  return value === 'fashion' ? 'fashion' : resolve(value);
}

/**
 * Turns a request into a plan, checking everything that can be checked before training: a
 * resumed run's checkpoint and that the request does not change it, that every output path
 * can be written (before the data is read, so a bad path is refused at once), the data
 * (for a resumed run: the very data it trained on) and the settings. Every problem is one
 * DigitlabError; a conflict with a resumed run lists each asked-for value that differs from the run's.
 */
export async function prepareRun(request: RunRequest): Promise<RunPlan> {
  const resumed = request.resume ? await loadCheckpoint(request.resume) : null;
  const given = request.settings ?? {};
  if (resumed) {
    const differences = runDifferences({ preset: request.preset, settings: given, data: request.data === undefined ? undefined : dataOption(request.data), limit: request.limit }, resumed.settings, resumed.data);
    if (differences.length > 0) throw new ResumeConflictError(differences);
    const epochs = given.epochs ?? resumed.settings.epochs;
    if (epochs < resumed.state.epochsDone) throw new DigitlabError(`epochs ${epochs}: the checkpoint has already done ${resumed.state.epochsDone} epochs`);
  }
  const out = request.out ?? resumed?.out ?? 'model.json';
  const checkpoint = request.checkpoint ?? request.resume ?? null;
  await checkOutputs(out, checkpoint);
  const backend = request.backend ?? resumed?.backend ?? 'auto';
  if (resumed) {
    const pair = await loadData(resumed.data.option ?? undefined, resumed.data.limit ?? undefined);
    const fingerprint = datasetFingerprint(pair.train);
    if (fingerprint !== resumed.data.fingerprint) {
      throw new DigitlabError(
        `${request.resume}: the run trained on ${resumed.data.source} (${resumed.data.fingerprint}), but that data now reads as ${fingerprint}; ` +
          'resuming on different data would not continue the same run',
      );
    }
    const settings = { ...resumed.settings, epochs: given.epochs ?? resumed.settings.epochs };
    return { settings, pair, data: resumed.data, classNames: resumed.classNames, resumed, out, checkpoint, backend };
  }
  const pair = await loadData(request.data, request.limit);
  const settings = resolveSettings(withPreset(request.preset, given), pair.train.rows * pair.train.cols, pair.train.classNames.length);
  // The fingerprint costs one pass over the pixels: only computed when checkpointing.
  const fingerprint = checkpoint ? datasetFingerprint(pair.train) : '';
  const data = { option: dataOption(request.data), limit: request.limit ?? null, source: pair.source, trainCount: pair.train.count, fingerprint };
  return { settings, pair, data, classNames: pair.train.classNames, resumed: null, out, checkpoint, backend };
}

/** Refuses, before any work, outputs that cannot be written or that would overwrite each other. */
async function checkOutputs(out: string, checkpoint: string | null): Promise<void> {
  await checkOutputFile(out, '--out');
  if (checkpoint === null) return;
  if (resolve(checkpoint) === resolve(out)) throw new DigitlabError(`--checkpoint ${checkpoint}: is also the model file (--out); give them different names`);
  await checkOutputFile(checkpoint, '--checkpoint');
}

async function loadData(option: string | undefined, limit: number | undefined): Promise<DatasetPair> {
  const loaded = await resolveDataOption(option);
  return limit ? { ...loaded, train: takeFirst(loaded.train, limit) } : loaded;
}
