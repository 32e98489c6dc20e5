import type { Command } from 'commander';
import { checkOutputFolder } from '../../model/output-path.js';
import { registerChain } from '../explain/chain.js';
import { registerDescent } from '../explain/descent.js';
import { registerNudges } from '../explain/nudges.js';
import { registerSgdPath } from '../explain/sgd-path.js';

/**
 * `digitlab explain <name>`: the CLI faces of the "How it learns" explorables (gradient descent, backpropagation, nudges, mini-batches, the chain rule).
 * Each subcommand runs the same `src/explain/` code as the Lab's panel and prints its numbers
 * as a table (or `--json`), and writes PNGs with `--out DIR`.
 */
export function registerExplainCommand(program: Command): void {
  const explain = program
    .command('explain')
    .description('how it learns: gradient descent, the chain rule, per-image nudges, the path of SGD');
  registerDescent(explain);
  registerChain(explain);
  registerNudges(explain);
  registerSgdPath(explain);
  // Before any work: a given output folder must be one that can be written (or created).
  explain.hook('preAction', async (_explain, action) => {
    const out = (action.opts() as { out?: string }).out;
    if (out !== undefined) await checkOutputFolder(out, '--out');
  });
}
