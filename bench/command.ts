import { DigitlabError } from '../src/errors.js';
import { BENCH_PARTS, flattenResult, formatReport, runBenchmark } from './suite.js';
import { WIDE_NETWORKS } from './recipes.js';
import { flattenWide, formatWideReport, runWideSuite } from './suite-wide.js';

/** Options of `npm run bench` (and `digitlab bench`, which runs it). */
export interface BenchCommandOptions {
  /** `default` (the seed's task against TF.js and C) or `wide` (four networks, two recipes, against numpy and PyTorch). */
  readonly suite: 'default' | 'wide';
  /** Print one JSON object (flat dotted keys) instead of the report. */
  readonly json: boolean;
  readonly rounds: number;
  readonly skip: readonly string[];
  /** Wide suite: only these networks (`--networks 784-512-512-10,784-100-10`). */
  readonly networks: readonly string[];
}

/** Parses `--suite default|wide`, `--json`, `--rounds N`, `--skip a,b`. */
export function parseBenchArgs(args: readonly string[]): BenchCommandOptions {
  let json = false;
  let rounds = 5;
  let suite: 'default' | 'wide' = 'default';
  let skip: string[] = [];
  let networks: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--json') json = true;
    else if (args[i] === '--rounds') rounds = Number(args[++i]);
    else if (args[i] === '--suite') {
      const value = args[++i];
      if (value !== 'default' && value !== 'wide') throw new DigitlabError(`bench: --suite takes default or wide, got "${value ?? ''}"`);
      suite = value;
    } else if (args[i] === '--skip') skip = parseSkip(args[++i] ?? '');
    else if (args[i] === '--networks') networks = parseNetworks(args[++i] ?? '');
    else throw new DigitlabError(`bench: unknown option ${args[i]} (use --suite default|wide, --json, --rounds N, --skip ${BENCH_PARTS.join(',')}, --networks ${WIDE_NETWORKS.map((n) => n.join('-')).join(',')})`);
  }
  if (!(Number.isInteger(rounds) && rounds >= 1 && rounds <= 100)) throw new DigitlabError(`bench: --rounds must be a whole number from 1 to 100, got ${rounds}`);
  return { suite, json, rounds, skip, networks };
}

/** `--skip tfjs,c` → the parts, checked. */
export function parseSkip(value: string): string[] {
  const parts = value.split(',').map((p) => p.trim()).filter((p) => p !== '');
  for (const p of parts) if (!BENCH_PARTS.includes(p)) throw new DigitlabError(`bench: --skip takes ${BENCH_PARTS.join(', ')}, got "${p}"`);
  return parts;
}

/** `--networks 784-512-512-10,…` → the names, each one of the wide suite's. */
function parseNetworks(value: string): string[] {
  const known = WIDE_NETWORKS.map((n) => n.join('-'));
  const names = value.split(',').map((p) => p.trim()).filter((p) => p !== '');
  for (const n of names) if (!known.includes(n)) throw new DigitlabError(`bench: --networks takes ${known.join(', ')}, got "${n}"`);
  return names;
}

/** Runs the chosen suite, prints the report (or JSON) on stdout, progress on stderr; returns the exit code. */
export async function runBenchCommand(options: BenchCommandOptions): Promise<number> {
  const log = (message: string): void => void process.stderr.write(message + '\n');
  if (options.suite === 'wide') {
    const result = await runWideSuite({ rounds: options.rounds, skip: options.skip, networks: options.networks, log });
    process.stdout.write((options.json ? JSON.stringify(flattenWide(result)) : formatWideReport(result)) + '\n');
  } else {
    const result = await runBenchmark({ rounds: options.rounds, skip: options.skip, log });
    process.stdout.write((options.json ? JSON.stringify(flattenResult(result)) : formatReport(result)) + '\n');
  }
  return 0;
}
