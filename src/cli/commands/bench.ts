import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { DigitlabError } from '../../errors.js';

/**
 * The benchmark's runner, `bench/run.ts`. It lives outside `src/` because it races TF.js, a
 * C program, numpy and PyTorch (devDependencies and other tools): it runs from a clone of the
 * repository, not from the installed package. Same relative path from `src/cli/commands/` and
 * `lib/cli/commands/`.
 */
const BENCH_RUNNER = fileURLToPath(new URL('../../../bench/run.ts', import.meta.url));

/**
 * Adds `digitlab bench [--suite default|wide] [--json] [--rounds N] [--skip …] [--networks …]`:
 * the same benchmark as `npm run bench` (bench/run.ts), run under tsx in a child process, so
 * that src/ does not depend on bench/; the child checks the options and prints the report.
 */
export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description("benchmark training speed against peers, tools alternating round by round: the seed's task against TF.js and a hand-written C reference (default suite, about 3 minutes), or four networks in two recipes against numpy and PyTorch (--suite wide, about 15 minutes)")
    .option('--suite <name>', 'default or wide', 'default')
    .option('--json', 'one JSON object with flat dotted keys (digitlab.secondsPerEpoch, c.ratio.median, …)')
    .option('--rounds <n>', 'rounds; each tool runs once per round', '5')
    .option('--skip <parts>', 'leave out parts: tfjs, c, default, reference; numpy, torch (comma-separated)', '')
    .option('--networks <sizes>', 'wide suite: only these networks, e.g. 784-512-512-10 (comma-separated)', '')
    .action(async (o: { suite: string; json?: boolean; rounds: string; skip: string; networks: string }) => {
      const tsx = resolveTsx();
      if (!existsSync(BENCH_RUNNER) || tsx === null) {
        throw new DigitlabError('bench races TF.js, a C program, numpy and PyTorch, which the npm package does not install: run it in a clone of the repository (npm install && npm run bench)');
      }
      const args = ['--import', tsx, BENCH_RUNNER, '--suite', o.suite, '--rounds', o.rounds, ...(o.json === true ? ['--json'] : []), ...(o.skip === '' ? [] : ['--skip', o.skip]), ...(o.networks === '' ? [] : ['--networks', o.networks])];
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
