// `npm run speedrun [-- --preset fast99|best|… --seeds N --json]`: trains a preset once per seed,
// each run in a fresh `digitlab train` process (the compiled CLI a user runs), and prints per
// seed the wall time and the test accuracy, then the mean ± standard deviation and the slowest
// run, and the time to each accuracy threshold passed on the way (from the per-epoch test
// figures: reported, never used to stop). The format of the CIFAR-10 speedruns: a fixed
// recipe, fixed hardware (printed with the load it had), several seeds, the mean.
//
//   --preset NAME        the recipe (default fast99)
//   --seeds N            runs, seeds first-seed … first-seed + N − 1 (default 5)
//   --first-seed S       (default 1)
//   --thresholds LIST    accuracies for the time-to-threshold table, e.g. 0.98,0.99 (default 98, 99, 99.2, 99.3, 99.4 %)
//   --json               one JSON object on stdout instead of the tables
//   --epochs N, --limit N, --data DIR   passed to `digitlab train` (for a short trial run)
//   --no-build           do not compile lib/ first (bin/digitlab.js then runs the sources through tsx: slower to start)
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { builtFromCurrentSources } from '../bin/fresh-build.js';
import { ROOT } from './children.js';
import { machine, parseSpeedrunArgs, runSeed } from './speedrun-run.js';
import { formatSpeedrun, type SpeedrunRun, summarize } from './speedrun-stats.js';

async function main(): Promise<void> {
  const options = parseSpeedrunArgs(process.argv.slice(2));
  if (options.build && !builtFromCurrentSources()) {
    process.stderr.write('lib/ is older than src/: compiling it first (tsc -p tsconfig.build.json)\n');
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  }
  const loadBefore = loadavg();
  const runs: SpeedrunRun[] = [];
  for (let i = 0; i < options.seeds; i++) {
    const seed = options.firstSeed + i;
    const run = await runSeed(options, seed);
    runs.push(run);
    process.stderr.write(`seed ${seed}: test ${(100 * run.testAccuracy).toFixed(2)} %, ${run.wallSeconds.toFixed(1)} s wall (load ${loadavg()[0].toFixed(2)})\n`);
  }
  const summary = summarize(runs, options.thresholds);
  const load = { before: loadBefore.map((x) => +x.toFixed(2)), after: loadavg().map((x) => +x.toFixed(2)) };
  if (options.json) {
    process.stdout.write(JSON.stringify({ preset: options.preset, machine: machine(), load, train: options.train, runs, summary }) + '\n');
    return;
  }
  const m = machine();
  process.stdout.write(
    `${formatSpeedrun(options.preset, runs, summary)}\n\n` +
      `${m.cores} × ${m.cpu}, Node ${m.node}; load average (1, 5, 15 min) before ${load.before.join(', ')}, after ${load.after.join(', ')}\n`,
  );
}

try {
  await main();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
