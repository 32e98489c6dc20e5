// One speedrun seed in a fresh `digitlab train` process, and the speedrun's options
// (bench/speedrun.ts is the command; bench/speedrun-stats.ts the figures).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild } from './children.js';
import { DEFAULT_THRESHOLDS, type SpeedrunEpoch, type SpeedrunRun } from './speedrun-stats.js';

/** What the command line asked for. */
export interface SpeedrunOptions {
  readonly preset: string;
  readonly seeds: number;
  readonly firstSeed: number;
  readonly thresholds: readonly number[];
  readonly json: boolean;
  readonly build: boolean;
  /** Extra `digitlab train` options (--epochs, --limit, --validation, --data). */
  readonly train: readonly string[];
}

/** Parses the options above; throws an Error naming a bad one. */
export function parseSpeedrunArgs(args: readonly string[]): SpeedrunOptions {
  const value = (name: string): string | undefined => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name}: needs a value`);
    return v;
  };
  const whole = (name: string, fallback: number, min: number): number => {
    const v = value(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name}: expected a whole number ≥ ${min}, got ${v}`);
    return n;
  };
  const known = new Set(['--preset', '--seeds', '--first-seed', '--thresholds', '--json', '--epochs', '--limit', '--validation', '--data', '--no-build']);
  for (const a of args) if (a.startsWith('--') && !known.has(a)) throw new Error(`${a}: unknown option`);
  const thresholdText = value('--thresholds');
  const thresholds = thresholdText === undefined ? DEFAULT_THRESHOLDS : thresholdText.split(',').map(Number);
  if (thresholds.some((t) => !(t > 0 && t <= 1))) throw new Error(`--thresholds: expected fractions in (0, 1], got ${thresholdText}`);
  const train: string[] = [];
  for (const name of ['--epochs', '--limit', '--validation', '--data']) {
    const v = value(name);
    if (v !== undefined) train.push(name, v);
  }
  return {
    preset: value('--preset') ?? 'fast99',
    seeds: whole('--seeds', 5, 1),
    firstSeed: whole('--first-seed', 1, 0),
    thresholds,
    json: args.includes('--json'),
    build: !args.includes('--no-build'),
    train,
  };
}

interface EpochLine {
  epoch?: number;
  testAccuracy?: number;
  seconds?: number;
}

/** Trains the preset once with `seed` in a fresh process; its epochs timestamped as their lines arrive. */
export async function runSeed(options: SpeedrunOptions, seed: number): Promise<SpeedrunRun> {
  const dir = mkdtempSync(join(tmpdir(), 'digitlab-speedrun-'));
  const out = join(dir, 'model.json');
  try {
    const epochs: SpeedrunEpoch[] = [];
    const args = ['bin/digitlab.js', 'train', '--preset', options.preset, '--seed', String(seed), '--json', '--out', out, ...options.train];
    const started = performance.now();
    const child = await runChild(process.execPath, args, (line, ms) => {
      if (!line.startsWith('{')) return;
      const e = JSON.parse(line) as EpochLine;
      if (typeof e.epoch !== 'number' || typeof e.testAccuracy !== 'number' || typeof e.seconds !== 'number') return;
      epochs.push({ epoch: e.epoch, testAccuracy: e.testAccuracy, atSeconds: ms / 1000, trainSeconds: e.seconds });
    });
    const wallSeconds = (performance.now() - started) / 1000;
    if (child.code !== 0) throw new Error(`seed ${seed}: digitlab train failed (exit ${child.code}): ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
    // The saved model's own figure: with a validation split, the kept epoch's test accuracy.
    const model = JSON.parse(readFileSync(out, 'utf8')) as { metrics?: { testAccuracy?: number } };
    const testAccuracy = model.metrics?.testAccuracy;
    if (typeof testAccuracy !== 'number') throw new Error(`seed ${seed}: the saved model has no test accuracy`);
    return { seed, wallSeconds, trainSeconds: epochs.reduce((s, e) => s + e.trainSeconds, 0), cpuSeconds: child.cpuSeconds, testAccuracy, epochs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The machine, as the table's heading names it. */
export function machine(): { readonly cpu: string; readonly cores: number; readonly node: string } {
  const list = cpus();
  return { cpu: list[0]?.model.trim() ?? 'unknown', cores: list.length, node: process.version };
}
