// The speedrun's figures (bench/speedrun.ts): one record per seed, and what the table says
// about them — the mean and standard deviation of the test accuracy, the slowest run, and for
// each accuracy threshold how many runs passed it and how soon. Pure functions, no I/O.

/** One epoch of one run, as the run reported it. */
export interface SpeedrunEpoch {
  readonly epoch: number;
  /** Test accuracy after the epoch (a fraction). */
  readonly testAccuracy: number;
  /** Wall seconds from the start of the process to the moment the epoch's line arrived (its evaluation included). */
  readonly atSeconds: number;
  /** Seconds the epoch spent training (evaluation excluded), as the trainer measured them. */
  readonly trainSeconds: number;
}

/** One seed's run. */
export interface SpeedrunRun {
  readonly seed: number;
  /** Wall seconds of the whole process: Node's start, data loading, training, every evaluation, saving the model. */
  readonly wallSeconds: number;
  /** Sum of the epochs' training seconds (evaluations, loading and start-up excluded). */
  readonly trainSeconds: number;
  /** CPU seconds of the process, both threads (null where they cannot be read): a figure other jobs on the machine hardly change. */
  readonly cpuSeconds: number | null;
  /** The saved model's test accuracy (with a validation split: the kept epoch's). */
  readonly testAccuracy: number;
  readonly epochs: readonly SpeedrunEpoch[];
}

/** How the runs passed one accuracy threshold on the way (per-epoch test figures, reported, never used to stop). */
export interface ThresholdFigures {
  readonly threshold: number;
  /** Runs whose test accuracy reached the threshold after some epoch. */
  readonly reached: number;
  /** Mean and largest wall seconds (from process start) to the first epoch at or above it, over the runs that reached it; null if none did. */
  readonly meanSeconds: number | null;
  readonly maxSeconds: number | null;
  /** Mean epoch at which it was first reached (null if no run reached it). */
  readonly meanEpoch: number | null;
}

/** The table's summary of all runs. */
export interface SpeedrunSummary {
  readonly runs: number;
  /** Mean test accuracy over the runs and its sample standard deviation (n − 1; 0 for one run). */
  readonly meanAccuracy: number;
  readonly sdAccuracy: number;
  readonly minAccuracy: number;
  readonly maxAccuracy: number;
  readonly meanWallSeconds: number;
  /** The slowest run's wall seconds and its seed. */
  readonly slowestWallSeconds: number;
  readonly slowestSeed: number;
  readonly meanTrainSeconds: number;
  /** Mean CPU seconds (null unless every run has them). */
  readonly meanCpuSeconds: number | null;
  readonly thresholds: readonly ThresholdFigures[];
}

/** The default thresholds of the time-to-accuracy columns. */
export const DEFAULT_THRESHOLDS: readonly number[] = [0.98, 0.99, 0.992, 0.993, 0.994];

/** The mean of a non-empty list. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('mean of no values');
  return values.reduce((s, x) => s + x, 0) / values.length;
}

/** The sample standard deviation (divisor n − 1) of a non-empty list; 0 for a single value. */
export function sampleStandardDeviation(values: readonly number[]): number {
  if (values.length < 2) return values.length === 1 ? 0 : NaN;
  const m = mean(values);
  return Math.sqrt(values.reduce((s, x) => s + (x - m) * (x - m), 0) / (values.length - 1));
}

/** The first epoch of `run` whose test accuracy is at least `threshold`, or null. */
export function firstEpochAtLeast(run: SpeedrunRun, threshold: number): SpeedrunEpoch | null {
  return run.epochs.find((e) => e.testAccuracy >= threshold) ?? null;
}

/** The summary of a non-empty list of runs, with the time-to-accuracy figures for `thresholds`. */
export function summarize(runs: readonly SpeedrunRun[], thresholds: readonly number[] = DEFAULT_THRESHOLDS): SpeedrunSummary {
  if (runs.length === 0) throw new RangeError('no runs to summarize');
  const accuracies = runs.map((r) => r.testAccuracy);
  const slowest = runs.reduce((a, b) => (b.wallSeconds > a.wallSeconds ? b : a));
  return {
    runs: runs.length,
    meanAccuracy: mean(accuracies),
    sdAccuracy: sampleStandardDeviation(accuracies),
    minAccuracy: Math.min(...accuracies),
    maxAccuracy: Math.max(...accuracies),
    meanWallSeconds: mean(runs.map((r) => r.wallSeconds)),
    slowestWallSeconds: slowest.wallSeconds,
    slowestSeed: slowest.seed,
    meanTrainSeconds: mean(runs.map((r) => r.trainSeconds)),
    meanCpuSeconds: runs.every((r) => r.cpuSeconds !== null) ? mean(runs.map((r) => r.cpuSeconds as number)) : null,
    thresholds: thresholds.map((threshold) => {
      const hits = runs.map((r) => firstEpochAtLeast(r, threshold)).filter((e): e is SpeedrunEpoch => e !== null);
      return {
        threshold,
        reached: hits.length,
        meanSeconds: hits.length > 0 ? mean(hits.map((e) => e.atSeconds)) : null,
        maxSeconds: hits.length > 0 ? Math.max(...hits.map((e) => e.atSeconds)) : null,
        meanEpoch: hits.length > 0 ? mean(hits.map((e) => e.epoch)) : null,
      };
    }),
  };
}

const pct = (x: number, digits = 2): string => `${(100 * x).toFixed(digits)} %`;
const sec = (x: number | null): string => (x === null ? '—' : `${x.toFixed(1)} s`);

/** The per-seed table and the summary, as markdown (what the README shows). */
export function formatSpeedrun(preset: string, runs: readonly SpeedrunRun[], summary: SpeedrunSummary): string {
  const lines = [
    `| ${preset}: seed | test accuracy | wall | training only | CPU | epochs |`,
    '|---:|---:|---:|---:|---:|---:|',
    ...runs.map((r) => `| ${r.seed} | ${pct(r.testAccuracy)} | ${sec(r.wallSeconds)} | ${sec(r.trainSeconds)} | ${sec(r.cpuSeconds)} | ${r.epochs.length} |`),
    `| **mean ± sd** | **${pct(summary.meanAccuracy)} ± ${(100 * summary.sdAccuracy).toFixed(2)}** | ${sec(summary.meanWallSeconds)} (slowest ${sec(summary.slowestWallSeconds)}, seed ${summary.slowestSeed}) | ${sec(summary.meanTrainSeconds)} | ${sec(summary.meanCpuSeconds)} | |`,
    '',
    '| test accuracy reached | runs | mean time | slowest | mean epoch |',
    '|---:|---:|---:|---:|---:|',
    ...summary.thresholds.map((t) => `| ≥ ${pct(t.threshold, 1)} | ${t.reached} of ${summary.runs} | ${sec(t.meanSeconds)} | ${sec(t.maxSeconds)} | ${t.meanEpoch === null ? '—' : t.meanEpoch.toFixed(1)} |`),
  ];
  return lines.join('\n');
}
