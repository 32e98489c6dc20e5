import type { Command } from 'commander';
import { access, mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetPair } from '../../data/dataset.js';
import { resolveDataOption } from '../../data/idx-dir.js';
import { DigitlabError } from '../../errors.js';
import type { Model } from '../../model/model-file.js';
import { loadModel, writeFileAtomic } from '../../model/model-io.js';

/** Options every `digitlab experiment <name>` accepts. */
export interface CommonExperimentOptions {
  /** Folder for result.json and the PNGs (default experiments/<name>/). */
  out?: string;
  /** Print the result object on stdout instead of the summary. */
  json?: boolean;
  /** IDX folder or "fashion" (default MNIST). */
  data?: string;
}

/** The pretrained model the experiments use when no --model is given. */
export const DEFAULT_MODEL = fileURLToPath(new URL('../../../models/pretrained.json', import.meta.url));

/** Loads `--model`, or the pretrained model with an actionable message when it is missing. */
export async function loadExperimentModel(file: string | undefined): Promise<{ model: Model; file: string }> {
  if (file === undefined) {
    try {
      await access(DEFAULT_MODEL);
    } catch {
      throw new DigitlabError(`no model: ${relative(process.cwd(), DEFAULT_MODEL)} does not exist; run \`npm run pretrain\` or pass --model FILE`);
    }
    return { model: await loadModel(DEFAULT_MODEL), file: relative(process.cwd(), DEFAULT_MODEL) };
  }
  return { model: await loadModel(file), file };
}

/** Loads `--data` and checks that the model fits it. */
export async function loadExperimentData(value: string | undefined, model?: Model, modelFile?: string): Promise<DatasetPair> {
  const data = await resolveDataOption(value);
  if (model) {
    const net = model.network;
    const test = data.test;
    if (net.sizes[0] !== test.rows * test.cols || net.sizes[net.layerCount] !== test.classNames.length) {
      throw new DigitlabError(
        `${modelFile}: the model takes ${net.sizes[0]} inputs and gives ${net.sizes[net.layerCount]} classes, but the data set has ` +
          `${test.rows}×${test.cols} images and ${test.classNames.length} classes`,
      );
    }
  }
  return data;
}

/** Where an experiment writes: creates the folder and returns a path maker. */
export async function outputFolder(name: string, out: string | undefined): Promise<{ dir: string; file: (f: string) => string }> {
  const dir = out ?? join('experiments', name);
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new DigitlabError(`${dir}: cannot create the output folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return { dir, file: (f) => join(dir, f) };
}

/** Writes result.json (atomically; NaN becomes null as JSON requires). */
export async function writeResult(file: string, result: object): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(result) + '\n');
}

/** Prints the result (with --json) or the human summary, and lists the files written. */
export function report(o: CommonExperimentOptions, result: object, summary: string[], files: string[]): void {
  if (o.json) {
    process.stdout.write(JSON.stringify(result) + '\n');
    process.stderr.write(`wrote ${files.join(', ')}\n`);
    return;
  }
  console.log(summary.join('\n'));
  console.log(`\nwrote ${files.join(', ')}`);
}

/** Progress lines go to stderr so that --json output stays clean. */
export function progress(line: string): void {
  process.stderr.write(line + '\n');
}

/** Adds --out, --json and --data to an experiment's command. */
export function addCommonOptions(command: Command, name: string): Command {
  return command
    .option('--out <dir>', `folder for result.json and the PNGs (default experiments/${name}/)`)
    .option('--json', 'print the result object as JSON on stdout (progress on stderr)')
    .option('--data <dir>', 'a directory with MNIST-named IDX files, or "fashion" (default: MNIST)');
}
