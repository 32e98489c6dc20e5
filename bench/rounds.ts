import { median } from './measurement.js';

/** One tool in an interleaved benchmark: each call measures one round in a fresh process. */
export interface Contestant {
  readonly name: string;
  /** Seconds per epoch of one round, or why the tool cannot run here. */
  run(): Promise<number | { skipped: string }>;
}

/** What the rounds measured for one contestant (or why it was left out). */
export interface Samples {
  readonly name: string;
  /** Seconds per epoch, one per round. */
  readonly secondsPerEpoch: number[];
  readonly skipped?: string;
}

/** Median and range of per-round ratios (other tool's time / digitlab's, above 1 = digitlab faster). */
export interface RatioStats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Runs `rounds` rounds; in each, every contestant once, in the given order (A B C, A B C, …),
 * so that whatever else loads the machine falls on all of them alike, and a ratio is taken
 * within one round. A contestant that skips in its first round is not asked again.
 */
export async function runRounds(contestants: readonly Contestant[], rounds: number, log: (message: string) => void): Promise<Samples[]> {
  const samples = contestants.map((c): { name: string; secondsPerEpoch: number[]; skipped?: string } => ({ name: c.name, secondsPerEpoch: [] }));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < contestants.length; i++) {
      if (samples[i].skipped !== undefined) continue;
      const result = await contestants[i].run();
      if (typeof result === 'number') {
        samples[i].secondsPerEpoch.push(result);
        log(`  round ${r + 1}/${rounds} ${contestants[i].name}: ${result.toFixed(3)} s/epoch`);
      } else {
        samples[i].skipped = result.skipped;
        log(`  ${contestants[i].name} skipped: ${result.skipped}`);
      }
    }
  }
  return samples;
}

/** Per-round ratios other/base (paired by round), their median and range; null if either has no rounds. */
export function ratioStats(base: Samples, other: Samples): RatioStats | null {
  const n = Math.min(base.secondsPerEpoch.length, other.secondsPerEpoch.length);
  if (n === 0) return null;
  const ratios = Array.from({ length: n }, (_, i) => other.secondsPerEpoch[i] / base.secondsPerEpoch[i]);
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}

/** "1.23× (1.10–1.40)". */
export function formatRatio(stats: RatioStats | null): string {
  return stats === null ? 'n/a' : `${stats.median.toFixed(2)}× (${stats.min.toFixed(2)}–${stats.max.toFixed(2)})`;
}
