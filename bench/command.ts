import { DigitlabError } from '../src/errors.js';
import { BENCH_PARTS, type BenchPart, flattenResult, formatReport, runBenchmark } from './suite.js';

/** Options of the bench command (`npm run bench`, `digitlab bench`). */
export interface BenchCommandOptions {
  /** Print one JSON object (flat dotted keys) instead of the report. */
  readonly json: boolean;
  readonly epochs: number;
  readonly skip: readonly BenchPart[];
}

/** Parses `--json`, `--epochs N`, `--skip a,b` (for `npm run bench -- …`). */
export function parseBenchArgs(args: readonly string[]): BenchCommandOptions {
  let json = false;
  let epochs = 3;
  let skip: BenchPart[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--json') json = true;
    else if (args[i] === '--epochs') epochs = Number(args[++i]);
    else if (args[i] === '--skip') skip = parseSkip(args[++i] ?? '');
    else throw new DigitlabError(`bench: unknown option ${args[i]} (use --json, --epochs N, --skip ${BENCH_PARTS.join(',')})`);
  }
  if (!(Number.isInteger(epochs) && epochs >= 1 && epochs <= 100)) throw new DigitlabError(`bench: --epochs must be a whole number from 1 to 100, got ${epochs}`);
  return { json, epochs, skip };
}

/** `--skip tfjs,c` → the parts, checked. */
export function parseSkip(value: string): BenchPart[] {
  const parts = value.split(',').map((p) => p.trim()).filter((p) => p !== '');
  for (const p of parts) {
    if (!(BENCH_PARTS as readonly string[]).includes(p)) throw new DigitlabError(`bench: --skip takes ${BENCH_PARTS.join(', ')}, got "${p}"`);
  }
  return parts as BenchPart[];
}

/** Runs the benchmark, prints the report (or JSON) on stdout, progress on stderr; returns the exit code. */
export async function runBenchCommand(options: BenchCommandOptions): Promise<number> {
  const result = await runBenchmark({
    epochs: options.epochs,
    skip: options.skip,
    log: (message) => process.stderr.write(message + '\n'),
  });
  process.stdout.write((options.json ? JSON.stringify(flattenResult(result)) : formatReport(result)) + '\n');
  return 0;
}
