import { runCReference, type CReferenceResult } from './c-reference.js';
import { runTsChild } from './children.js';
import { runDefaultTraining, type DefaultTrainingResult } from './default-training.js';
import type { EpochMeasurement } from './measurement.js';

/**
 * Parts of the benchmark that can be left out (`--skip tfjs,c,default,reference`): TF.js, the
 * C reference, the default `digitlab train` on the fast path (time-to-95 %), and the same on
 * the reference path (the accuracy check; the slowest part, ~1.5 min on a quiet machine).
 */
export type BenchPart = 'tfjs' | 'c' | 'default' | 'reference';
/** The names `--skip` accepts. */
export const BENCH_PARTS: readonly BenchPart[] = ['tfjs', 'c', 'default', 'reference'];

/** Options of `runBenchmark`. */
export interface BenchOptions {
  /** Timed epochs per contestant (after one warm-up epoch). */
  readonly epochs?: number;
  readonly skip?: readonly BenchPart[];
  /** Progress messages (to stderr in the CLI). */
  readonly log?: (message: string) => void;
}

/** Everything one benchmark run measured. Flat keys with dots are built by `flattenResult`. */
export interface BenchResult {
  readonly digitlab: EpochMeasurement;
  readonly tfjs: EpochMeasurement | { skipped: string };
  readonly c: CReferenceResult | { skipped: string };
  /** Default `digitlab train` with the fast path and with the reference, for time-to-95 % and the accuracy check. */
  readonly defaultWasm: DefaultTrainingResult | { skipped: string };
  readonly defaultReference: DefaultTrainingResult | { skipped: string };
}

const skipped = (reason: string): { skipped: string } => ({ skipped: reason });
const isSkipped = (x: object): x is { skipped: string } => 'skipped' in x;

/**
 * The benchmark of issue 3, each contestant in its own process so peak RSS is honest:
 * digitlab's fast path and TF.js (WebAssembly backend) train the seed's task
 * (784-16-16-10, sigmoid, quadratic cost, SGD, batch 100, SEED_SETTINGS' learning rate) for
 * one warm-up and `epochs` timed epochs; the hand-written C reference runs its `epochs`;
 * then the default `digitlab train` runs twice, on the fast path (time to 95 % test
 * accuracy, peak RSS) and on the reference path (the same seed's final accuracy).
 */
export async function runBenchmark(options: BenchOptions = {}): Promise<BenchResult> {
  const epochs = options.epochs ?? 3;
  const skip = new Set(options.skip ?? []);
  const log = options.log ?? (() => {});
  const childArgs = ['--epochs', String(epochs), '--warmup', '1'];

  log(`digitlab: 1 warm-up + ${epochs} epochs of the seed's task …`);
  const digitlab = await runTsChild<EpochMeasurement>('./measure-digitlab.ts', childArgs);
  log(`  ${digitlab.secondsPerEpoch.toFixed(4)} s/epoch`);

  let tfjs: BenchResult['tfjs'] = skipped('--skip tfjs');
  if (!skip.has('tfjs')) {
    log(`TF.js (wasm backend): 1 warm-up + ${epochs} epochs (about 4 s each) …`);
    tfjs = await runTsChild<EpochMeasurement>('./measure-tfjs.ts', childArgs);
    log(`  ${tfjs.secondsPerEpoch.toFixed(3)} s/epoch`);
  }

  let c: BenchResult['c'] = skipped('--skip c');
  if (!skip.has('c')) {
    log(`C reference: ${epochs} epochs …`);
    c = await runCReference(epochs);
    log(isSkipped(c) ? `  skipped: ${c.skipped}` : `  ${c.secondsPerEpoch.toFixed(4)} s/epoch`);
  }

  let defaultWasm: BenchResult['defaultWasm'] = skipped('--skip default');
  let defaultReference: BenchResult['defaultReference'] = skipped('--skip reference');
  if (!skip.has('default')) {
    log('default `digitlab train --json` (fast path) …');
    defaultWasm = await runDefaultTraining('wasm');
    log(`  ${describeDefault(defaultWasm)}`);
  }
  if (!skip.has('reference')) {
    log('default `digitlab train --json --backend reference` (same seed, plain TypeScript; 1–2 minutes) …');
    defaultReference = await runDefaultTraining('reference');
    log(`  ${describeDefault(defaultReference)}`);
  }
  return { digitlab, tfjs, c, defaultWasm, defaultReference };
}

function describeDefault(d: DefaultTrainingResult): string {
  const to95 = d.secondsTo95 === null ? 'never reached 95 %' : `95 % after ${d.secondsTo95.toFixed(2)} s wall (epoch ${d.epochTo95})`;
  return `${to95}; final test accuracy ${(100 * d.finalTestAccuracy).toFixed(2)} % after ${d.epochs} epochs, ${d.totalSeconds.toFixed(2)} s in all`;
}

/** The one JSON object of `--json`: flat keys with dots, e.g. `digitlab.secondsPerEpoch`, `speedup`. */
export function flattenResult(r: BenchResult): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {
    'digitlab.secondsPerEpoch': r.digitlab.secondsPerEpoch,
    'digitlab.testAccuracy': r.digitlab.testAccuracy,
    'digitlab.peakRssMB': r.digitlab.peakRssMB,
    'digitlab.epochSeconds': r.digitlab.epochSeconds.join(','),
  };
  if (isSkipped(r.tfjs)) {
    out['tfjs.skipped'] = r.tfjs.skipped;
    out['tfjs.secondsPerEpoch'] = null;
    out.speedup = null;
  } else {
    out['tfjs.secondsPerEpoch'] = r.tfjs.secondsPerEpoch;
    out['tfjs.testAccuracy'] = r.tfjs.testAccuracy;
    out['tfjs.peakRssMB'] = r.tfjs.peakRssMB;
    out.speedup = r.tfjs.secondsPerEpoch / r.digitlab.secondsPerEpoch;
  }
  if (isSkipped(r.c)) {
    out['c.skipped'] = r.c.skipped;
  } else {
    out['c.secondsPerEpoch'] = r.c.secondsPerEpoch;
    out['c.testAccuracy'] = r.c.testAccuracy;
    out['c.peakRssMB'] = r.c.peakRssMB;
    out.speedupOverC = r.c.secondsPerEpoch / r.digitlab.secondsPerEpoch;
  }
  for (const [key, d] of [['default', r.defaultWasm], ['defaultReference', r.defaultReference]] as const) {
    if (isSkipped(d)) {
      out[`${key}.skipped`] = d.skipped;
      continue;
    }
    out[`${key}.secondsTo95`] = d.secondsTo95;
    out[`${key}.epochTo95`] = d.epochTo95;
    out[`${key}.finalTestAccuracy`] = d.finalTestAccuracy;
    out[`${key}.epochs`] = d.epochs;
    out[`${key}.totalSeconds`] = d.totalSeconds;
    out[`${key}.peakRssMB`] = d.peakRssMB;
  }
  if (!isSkipped(r.defaultWasm) && !isSkipped(r.defaultReference)) {
    out['default.accuracyGapPoints'] = 100 * Math.abs(r.defaultWasm.finalTestAccuracy - r.defaultReference.finalTestAccuracy);
  }
  return out;
}

/** The human-readable report. */
export function formatReport(r: BenchResult): string {
  const pct = (x: number): string => `${(100 * x).toFixed(2)} %`;
  const rows: string[][] = [['', 's/epoch (median)', 'test accuracy', 'peak RSS']];
  const add = (name: string, m: { secondsPerEpoch: number; testAccuracy: number; peakRssMB: number }, note = ''): void => {
    rows.push([name, m.secondsPerEpoch.toFixed(4), pct(m.testAccuracy) + note, `${m.peakRssMB.toFixed(0)} MB`]);
  };
  add(r.digitlab.name, r.digitlab);
  if (!isSkipped(r.tfjs)) add(r.tfjs.name, r.tfjs);
  if (!isSkipped(r.c)) add('C reference (gcc -O3 -march=native, 1 thread)', r.c, ' (η = 3.0)');
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const lines = rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   '));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('   '));
  lines.push('');
  lines.push(`Seed's task (784-16-16-10, sigmoid, quadratic, SGD, batch 100), 1 warm-up + ${r.digitlab.epochSeconds.length} timed epochs; accuracies after ${r.digitlab.epochsTrained} epochs.`);
  if (!isSkipped(r.tfjs)) lines.push(`speedup (TF.js / digitlab): ${(r.tfjs.secondsPerEpoch / r.digitlab.secondsPerEpoch).toFixed(1)}×`);
  else lines.push(`TF.js skipped: ${r.tfjs.skipped}`);
  if (!isSkipped(r.c)) lines.push(`C reference / digitlab: ${(r.c.secondsPerEpoch / r.digitlab.secondsPerEpoch).toFixed(2)}× (above 1 = digitlab is faster)`);
  else lines.push(`C reference skipped: ${r.c.skipped}`);
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
