import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { DigitlabError } from '../errors.js';

/**
 * The `digitlab` command line. Each command lives in `commands/<name>.ts`; this file only
 * wires them up and turns errors into one line and exit code 1: a DigitlabError (bad file,
 * bad option) is the user's to fix and gets no stack trace; anything else is a bug and does.
 *
 * Commands are loaded on demand: `digitlab train` imports only the train command, so it does
 * not pay for the chart renderer, the canvas or the ONNX protobufs (together ~70 MB of
 * memory) that other commands need. Help and unknown commands load them all.
 */
type Register = (program: Command) => void;
const COMMANDS: Record<string, () => Promise<Register>> = {
  train: async () => (await import('./commands/train.js')).registerTrainCommand,
  eval: async () => (await import('./commands/eval.js')).registerEvalCommand,
  predict: async () => (await import('./commands/predict.js')).registerPredictCommand,
  finetune: async () => (await import('./commands/finetune.js')).registerFineTuneCommand,
  info: async () => (await import('./commands/info.js')).registerInfoCommand,
  export: async () => (await import('./commands/export.js')).registerExportCommand,
  import: async () => (await import('./commands/import.js')).registerImportCommand,
  experiment: async () => (await import('./commands/experiment.js')).registerExperimentCommand,
  explain: async () => (await import('./commands/explain.js')).registerExplainCommand,
  bench: async () => (await import('./commands/bench.js')).registerBenchCommand,
  serve: async () => (await import('./commands/serve.js')).registerServeCommand,
};

/** The package's version, from its package.json (the same relative path from src/cli/ and lib/cli/). */
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * A reader that stops early (`digitlab predict DIR | head`) closes the pipe, and the next write
 * to stdout fails with EPIPE. Stop writing to it, quietly, but let the command finish its work:
 * a run being trained still ends and saves its model.
 */
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.stdout.write = (() => true) as typeof process.stdout.write;
});

const program = new Command('digitlab')
  .description('the classic MNIST multilayer perceptron: train, evaluate, predict, explore')
  .version(VERSION, '-V, --version', 'print the version of digitlab')
  .exitOverride();

try {
  const requested = process.argv[2];
  const version = requested === '--version' || requested === '-V';
  const names = requested !== undefined && Object.hasOwn(COMMANDS, requested) ? [requested] : version ? [] : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]())(program);
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode;
  } else if (e instanceof DigitlabError) {
    process.stderr.write(`digitlab: ${e.message}\n`);
    process.exitCode = 1;
  } else {
    throw e;
  }
}
