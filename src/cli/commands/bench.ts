import type { Command } from 'commander';
import { parseSkip, runBenchCommand } from '../../../bench/command.js';
import { DigitlabError } from '../../errors.js';

/**
 * Adds `digitlab bench [--json] [--epochs N] [--skip tfjs,c,default,reference]`: the same benchmark as
 * `npm run bench` (bench/suite.ts): digitlab's fast path against TF.js (WebAssembly backend)
 * and the hand-written C reference on the seed's task, plus time-to-95 % of the default
 * `digitlab train`.
 */
export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description("benchmark training speed on the seed's task against TF.js and a hand-written C reference (about 2 minutes)")
    .option('--json', 'one JSON object with flat dotted keys (digitlab.secondsPerEpoch, tfjs.secondsPerEpoch, speedup, …)')
    .option('--epochs <n>', 'timed epochs per contestant, after one warm-up epoch', '3')
    .option('--skip <parts>', 'leave out parts: tfjs, c, default, reference (comma-separated)', '')
    .action(async (o: { json?: boolean; epochs: string; skip: string }) => {
      const epochs = Number(o.epochs);
      if (!(Number.isInteger(epochs) && epochs >= 1 && epochs <= 100)) throw new DigitlabError(`--epochs must be a whole number from 1 to 100, got ${o.epochs}`);
      process.exitCode = await runBenchCommand({ json: o.json === true, epochs, skip: parseSkip(o.skip) });
    });
}
