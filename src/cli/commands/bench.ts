import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { DigitlabError } from '../../errors.js';

/**
 * The benchmark's runner, `bench/run.ts`. It lives outside `src/` because it races TF.js and a
 * C program (devDependencies and a compiler): it runs from a clone of the repository, not from
 * the installed package. Same relative path from `src/cli/commands/` and `lib/cli/commands/`.
 */
const BENCH_RUNNER = fileURLToPath(new URL('../../../bench/run.ts', import.meta.url));

/**
 * Adds `digitlab bench [--json] [--epochs N] [--skip tfjs,c,default,reference]`: the same benchmark as
 * `npm run bench` (bench/suite.ts): digitlab's fast path against TF.js (WebAssembly backend)
 * and the hand-written C reference on the seed's task, plus time-to-95 % of the default
 * `digitlab train`. It runs `bench/run.ts` under tsx in a child process.
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
      const tsx = resolveTsx();
      if (!existsSync(BENCH_RUNNER) || tsx === null) {
        throw new DigitlabError('bench races TF.js and a C program, which the npm package does not install: run it in a clone of the repository (npm install && npm run bench)');
      }
      const args = ['--import', tsx, BENCH_RUNNER, '--epochs', String(epochs), ...(o.json === true ? ['--json'] : []), ...(o.skip === '' ? [] : ['--skip', o.skip])];
      const child = spawn(process.execPath, args, { stdio: 'inherit' });
      process.exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
    });
}

/** tsx's loader as a file URL, or null where it is not installed (the package has no devDependencies). */
function resolveTsx(): string | null {
  try {
    return import.meta.resolve('tsx');
  } catch {
    return null;
  }
}
