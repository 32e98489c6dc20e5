import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { DigitlabError } from '../../errors.js';

/** The benchmark's entry (bench/ is development tooling beside src/, not part of the library). */
const BENCH_SCRIPT = fileURLToPath(new URL('../../../bench/run.ts', import.meta.url));

/**
 * Adds `digitlab bench [--suite default|wide] [--json] [--rounds N] [--skip …]`: runs the same
 * benchmark as `npm run bench` (bench/run.ts) in a child process, so that src/ does not depend
 * on bench/; the child checks the options and prints the report.
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
      if (!existsSync(BENCH_SCRIPT)) throw new DigitlabError(`bench: ${BENCH_SCRIPT} is missing (the benchmark runs from a checkout of the repository)`);
      const args = ['--import', import.meta.resolve('tsx'), BENCH_SCRIPT, '--suite', o.suite, '--rounds', o.rounds, ...(o.json ? ['--json'] : []), ...(o.skip ? ['--skip', o.skip] : []), ...(o.networks ? ['--networks', o.networks] : [])];
      const child = spawn(process.execPath, args, { stdio: 'inherit' });
      process.exitCode = await new Promise<number>((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code) => resolve(code ?? 1));
      });
    });
}
