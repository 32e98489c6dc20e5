import { cpus, loadavg } from 'node:os';
import { runCReference } from './c-reference.js';
import { runTsChild } from './children.js';
import { runDefaultTraining, type DefaultTrainingResult } from './default-training.js';
import { median, type EpochMeasurement } from './measurement.js';
import { type Contestant, formatRatio, ratioStats, type RatioStats, runRounds, type Samples } from './rounds.js';

/**
 * Parts of the default benchmark that can be left out (`--skip tfjs,c,default,reference`):
 * TF.js, the C reference, the default `digitlab train` on the fast path (time-to-95 %), and
 * the same on the reference path (the accuracy check; ~1.5 min on a quiet machine).
 */
export type BenchPart = 'tfjs' | 'c' | 'default' | 'reference';
/** The names `--skip` accepts (the wide suite's peers too). */
export const BENCH_PARTS: readonly string[] = ['tfjs', 'c', 'default', 'reference', 'numpy', 'torch'];

/** Options of `runBenchmark`. */
export interface BenchOptions {
  /** Rounds: each tool once per round, alternating. */
  readonly rounds: number;
  readonly skip: readonly string[];
  /** Progress messages (to stderr). */
  readonly log: (message: string) => void;
}

/** Everything one default benchmark run measured. */
export interface BenchResult {
  readonly cpu: string;
  readonly load: readonly [number, number];
  readonly rounds: number;
  /** digitlab, TF.js, C: seconds per epoch of each round. */
  readonly samples: Samples[];
  /** TF.js's and C's time over digitlab's, per round (above 1 = digitlab faster). */
  readonly ratios: Record<string, RatioStats | null>;
  /** Default `digitlab train` on the fast path and on the reference, for time-to-95 % and the accuracy check. */
  readonly defaultWasm: DefaultTrainingResult | { skipped: string };
  readonly defaultReference: DefaultTrainingResult | { skipped: string };
}

const isSkipped = (x: object): x is { skipped: string } => 'skipped' in x;

/**
 * The default benchmark: the seed's task (784-16-16-10, sigmoid, quadratic cost, SGD, batch
 * 100, SEED_SETTINGS' learning rate) trained by digitlab's fast path (1 warm-up + 3 timed
 * epochs), TF.js on its WebAssembly backend (1 + 1: it is ~100× slower) and the hand-written C
 * reference (3 epochs), each in its own process, alternating round by round; then the default
 * `digitlab train` on the fast path (time to 95 % test accuracy, peak RSS) and on the
 * reference path (the same seed's final accuracy).
 */
export async function runBenchmark(options: BenchOptions): Promise<BenchResult> {
  const skip = new Set(options.skip);
  const log = options.log;
  const load0 = loadavg()[0];
  const contestants: Contestant[] = [
    { name: 'digitlab', run: async () => (await runTsChild<EpochMeasurement>('./measure-wide.ts', ['--recipe', 'default', '--epochs', '3', '--warmup', '1'])).secondsPerEpoch },
    { name: 'tfjs', run: async () => (skip.has('tfjs') ? { skipped: '--skip tfjs' } : (await runTsChild<EpochMeasurement>('./measure-tfjs.ts', ['--epochs', '1', '--warmup', '1'])).secondsPerEpoch) },
    {
      name: 'c',
      run: async () => {
        if (skip.has('c')) return { skipped: '--skip c' };
        const c = await runCReference(3);
        return isSkipped(c) ? c : c.secondsPerEpoch;
      },
    },
  ];
  log(`the seed's task, ${options.rounds} rounds of digitlab, TF.js, C …`);
  const samples = await runRounds(contestants, options.rounds, log);
  const ratios: Record<string, RatioStats | null> = { tfjs: ratioStats(samples[0], samples[1]), c: ratioStats(samples[0], samples[2]) };
  let defaultWasm: BenchResult['defaultWasm'] = { skipped: '--skip default' };
  let defaultReference: BenchResult['defaultReference'] = { skipped: '--skip reference' };
  if (!skip.has('default')) {
    log('default `digitlab train --json` (fast path) …');
    defaultWasm = await runDefaultTraining('wasm');
  }
  if (!skip.has('reference')) {
    log('default `digitlab train --json --backend reference` (same seed, plain TypeScript; 1–2 minutes) …');
    defaultReference = await runDefaultTraining('reference');
  }
  return { cpu: cpus()[0]?.model ?? 'unknown', load: [load0, loadavg()[0]], rounds: options.rounds, samples, ratios, defaultWasm, defaultReference };
}

/** The one JSON object of `--json`: flat keys with dots, e.g. `digitlab.secondsPerEpoch`, `c.ratio.median`. */
export function flattenResult(r: BenchResult): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = { cpu: r.cpu, 'load.before': r.load[0], 'load.after': r.load[1], rounds: r.rounds };
  for (const s of r.samples) {
    out[`${s.name}.secondsPerEpoch`] = s.secondsPerEpoch.length > 0 ? median(s.secondsPerEpoch) : null;
    out[`${s.name}.rounds`] = s.secondsPerEpoch.join(',');
    if (s.skipped) out[`${s.name}.skipped`] = s.skipped;
  }
  for (const [name, stats] of Object.entries(r.ratios)) {
    out[`${name}.ratio.median`] = stats?.median ?? null;
    out[`${name}.ratio.min`] = stats?.min ?? null;
    out[`${name}.ratio.max`] = stats?.max ?? null;
  }
  for (const [key, d] of [['default', r.defaultWasm], ['defaultReference', r.defaultReference]] as const) {
    if (isSkipped(d)) {
      out[`${key}.skipped`] = d.skipped;
      continue;
    }
    out[`${key}.secondsTo95`] = d.secondsTo95;
    out[`${key}.epochTo95`] = d.epochTo95;
    out[`${key}.finalTestAccuracy`] = d.finalTestAccuracy;
    out[`${key}.totalSeconds`] = d.totalSeconds;
    out[`${key}.peakRssMB`] = d.peakRssMB;
  }
  return out;
}

/** The human-readable report. */
export function formatReport(r: BenchResult): string {
  const pct = (x: number): string => `${(100 * x).toFixed(2)} %`;
  const med = (s: Samples): string => (s.secondsPerEpoch.length > 0 ? `${median(s.secondsPerEpoch).toFixed(4)} s/epoch (rounds: ${s.secondsPerEpoch.map((x) => x.toFixed(4)).join(', ')})` : `skipped: ${s.skipped}`);
  const [digitlab, tfjs, c] = r.samples;
  const lines = [
    `CPU: ${r.cpu}, ${cpus().length} cores; load average (1 min) ${r.load[0].toFixed(2)} before, ${r.load[1].toFixed(2)} after.`,
    `Seed's task (784-16-16-10, sigmoid, quadratic, SGD, batch 100), ${r.rounds} rounds, tools alternating within each round:`,
    `  digitlab (fast path):                     ${med(digitlab)}`,
    `  TF.js (WebAssembly backend):              ${med(tfjs)}`,
    `  C reference (gcc -O3 -march=native):      ${med(c)}`,
    `  TF.js / digitlab: ${formatRatio(r.ratios.tfjs)}   C / digitlab: ${formatRatio(r.ratios.c)}   (median (range) of the per-round ratios; above 1 = digitlab is faster)`,
  ];
  if (!isSkipped(r.defaultWasm)) {
    const d = r.defaultWasm;
    lines.push(
      `default \`digitlab train\`: ${d.secondsTo95 === null ? 'did not reach 95 % test accuracy' : `time-to-95 % ${d.secondsTo95.toFixed(2)} s wall from process start (epoch ${d.epochTo95})`}; ` +
        `final ${pct(d.finalTestAccuracy)} after ${d.epochs} epochs; peak RSS ${d.peakRssMB === null ? 'n/a' : `${d.peakRssMB.toFixed(0)} MB`}`,
    );
  }
  if (!isSkipped(r.defaultWasm) && !isSkipped(r.defaultReference)) {
    const gap = 100 * Math.abs(r.defaultWasm.finalTestAccuracy - r.defaultReference.finalTestAccuracy);
    lines.push(`same seed on the reference path: final ${pct(r.defaultReference.finalTestAccuracy)}; gap ${gap.toFixed(2)} points`);
  }
  return lines.join('\n');
}
