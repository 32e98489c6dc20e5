/** What each benchmark child process measures and prints as one JSON line. */
export interface EpochMeasurement {
  /** Who was measured, e.g. "digitlab (wasm backend)". */
  readonly name: string;
  /** Wall seconds of each timed training epoch (after the warm-up), evaluation excluded. */
  readonly epochSeconds: readonly number[];
  /** Median of `epochSeconds`. */
  readonly secondsPerEpoch: number;
  /** Fraction of the 10,000 test images answered right after all epochs (warm-up included). */
  readonly testAccuracy: number;
  /** Epochs trained in all (warm-up + timed). */
  readonly epochsTrained: number;
  /** Peak resident set size of the whole process, in MB (2^20 bytes). */
  readonly peakRssMB: number;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** This process's peak RSS so far in MB (Node reports maxRSS in KiB). */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** `--epochs N --warmup W` of a child process. */
export function parseChildArgs(args: readonly string[]): { epochs: number; warmupEpochs: number; extra: Map<string, string> } {
  const extra = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) extra.set(args[i].replace(/^--/, ''), args[i + 1]);
  const epochs = Number(extra.get('epochs') ?? 3);
  const warmupEpochs = Number(extra.get('warmup') ?? 1);
  return { epochs, warmupEpochs, extra };
}
