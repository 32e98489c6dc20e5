import { Command, CommanderError } from 'commander';
import { DigitlabError } from '../errors.js';
import { registerEvalCommand } from './commands/eval.js';
import { registerExportCommand } from './commands/export.js';
import { registerImportCommand } from './commands/import.js';
import { registerExplainCommand } from './commands/explain.js';
import { registerExperimentCommand } from './commands/experiment.js';
import { registerInfoCommand } from './commands/info.js';
import { registerPredictCommand } from './commands/predict.js';
import { registerTrainCommand } from './commands/train.js';

/**
 * The `digitlab` command line. Each command lives in `commands/<name>.ts`; this file only
 * wires them up and turns errors into one line and exit code 1: a DigitlabError (bad file,
 * bad option) is the user's to fix and gets no stack trace; anything else is a bug and does.
 */
const program = new Command('digitlab')
  .description('the classic MNIST multilayer perceptron: train, evaluate, predict, explore')
  .exitOverride();

registerTrainCommand(program);
registerEvalCommand(program);
registerPredictCommand(program);
registerInfoCommand(program);
registerExportCommand(program);
registerImportCommand(program);
registerExplainCommand(program);
registerExperimentCommand(program);

try {
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
