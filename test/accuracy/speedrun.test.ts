// `npm run speedrun`: its statistics (mean, sample standard deviation, slowest run, time to
// each threshold) on runs made up for the purpose, its option parsing, and one tiny real run
// (two seeds of a preset on a slice of MNIST) whose JSON must agree with itself.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { parseSpeedrunArgs } from '../../bench/speedrun-run.js';
import { firstEpochAtLeast, formatSpeedrun, mean, sampleStandardDeviation, type SpeedrunRun, type SpeedrunSummary, summarize } from '../../bench/speedrun-stats.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A run whose epochs reach the given accuracies, one second of training and 1.5 s of wall time apart. */
function run(seed: number, accuracies: readonly number[], wallSeconds: number): SpeedrunRun {
  return {
    seed,
    wallSeconds,
    trainSeconds: accuracies.length,
    cpuSeconds: 1.6 * wallSeconds,
    testAccuracy: accuracies[accuracies.length - 1],
    epochs: accuracies.map((testAccuracy, i) => ({ epoch: i + 1, testAccuracy, atSeconds: 1.5 * (i + 1), trainSeconds: 1 })),
  };
}

describe('speedrun statistics', () => {
  it('mean and sample standard deviation (n − 1)', () => {
    assert.equal(mean([2, 4, 9]), 5);
    // Deviations −3, −1, 4: squares 9 + 1 + 16 = 26, over n − 1 = 2.
    assert.equal(sampleStandardDeviation([2, 4, 9]), Math.sqrt(13));
    assert.equal(sampleStandardDeviation([0.99]), 0);
    assert.throws(() => mean([]), /no values/);
  });

  it('summary: accuracy spread, slowest run, thresholds passed on the way', () => {
    const runs = [run(1, [0.97, 0.985, 0.991], 14), run(2, [0.975, 0.99, 0.989], 15.5), run(3, [0.96, 0.98, 0.986], 13)];
    const s = summarize(runs, [0.98, 0.99, 0.995]);
    assert.equal(s.runs, 3);
    assert.ok(Math.abs(s.meanAccuracy - (0.991 + 0.989 + 0.986) / 3) < 1e-12);
    assert.ok(Math.abs(s.sdAccuracy - sampleStandardDeviation([0.991, 0.989, 0.986])) < 1e-15);
    assert.equal(s.minAccuracy, 0.986);
    assert.equal(s.maxAccuracy, 0.991);
    assert.equal(s.slowestWallSeconds, 15.5);
    assert.equal(s.slowestSeed, 2);
    assert.equal(s.meanTrainSeconds, 3);
    assert.ok(Math.abs((s.meanCpuSeconds as number) - 1.6 * (14 + 15.5 + 13) / 3) < 1e-12);
    assert.equal(summarize([...runs, { ...runs[0], seed: 4, cpuSeconds: null }]).meanCpuSeconds, null);
    const [t98, t99, t995] = s.thresholds;
    // 98 %: seed 1 at epoch 2 (3 s), seed 2 at epoch 2 (3 s), seed 3 at epoch 2 (3 s).
    assert.deepEqual([t98.reached, t98.meanSeconds, t98.maxSeconds, t98.meanEpoch], [3, 3, 3, 2]);
    // 99 %: seed 1 at epoch 3 (4.5 s), seed 2 at epoch 2 (3 s) — passed on the way, though its last epoch fell back.
    assert.deepEqual([t99.reached, t99.meanSeconds, t99.maxSeconds, t99.meanEpoch], [2, 3.75, 4.5, 2.5]);
    assert.deepEqual([t995.reached, t995.meanSeconds, t995.maxSeconds, t995.meanEpoch], [0, null, null, null]);
    assert.equal(firstEpochAtLeast(runs[1], 0.99)?.epoch, 2);
    const table = formatSpeedrun('fast99', runs, s);
    assert.match(table, /\| \*\*mean ± sd\*\* \| \*\*98\.87 % ± 0\.25\*\* \| 14\.2 s \(slowest 15\.5 s, seed 2\) \| 3\.0 s \| 22\.7 s \|/);
    assert.match(table, /\| ≥ 99\.0 % \| 2 of 3 \| 3\.8 s \| 4\.5 s \| 2\.5 \|/);
  });

  it('options: defaults, pass-through to digitlab train, bad values refused', () => {
    const o = parseSpeedrunArgs(['--preset', 'best', '--limit', '2000', '--json']);
    assert.deepEqual([o.preset, o.seeds, o.firstSeed, o.json, o.build], ['best', 5, 1, true, true]);
    assert.deepEqual(o.train, ['--limit', '2000']);
    assert.equal(parseSpeedrunArgs([]).preset, 'fast99');
    assert.throws(() => parseSpeedrunArgs(['--seeds', '0']), /--seeds: expected a whole number ≥ 1, got 0/);
    assert.throws(() => parseSpeedrunArgs(['--thresholds', '99']), /--thresholds: expected fractions/);
    assert.throws(() => parseSpeedrunArgs(['--fast']), /--fast: unknown option/);
    assert.throws(() => parseSpeedrunArgs(['--preset']), /--preset: needs a value/);
  });
});

describe('npm run speedrun, a tiny real run', () => {
  it('two seeds of fast99 on 2,000 images: per-seed figures and a summary that agree', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/speedrun.ts', '--preset', 'fast99', '--seeds', '2', '--first-seed', '3', '--limit', '2000', '--epochs', '2', '--thresholds', '0.5,0.999', '--no-build', '--json'], { cwd: ROOT, encoding: 'utf8' });
    const report = JSON.parse(out) as { preset: string; runs: SpeedrunRun[]; summary: SpeedrunSummary; machine: { cores: number }; load: { before: number[] } };
    assert.equal(report.preset, 'fast99');
    assert.deepEqual(report.runs.map((r) => r.seed), [3, 4]);
    assert.ok(report.machine.cores >= 1);
    assert.equal(report.load.before.length, 3);
    for (const r of report.runs) {
      assert.deepEqual(r.epochs.map((e) => e.epoch), [1, 2]);
      assert.ok(r.testAccuracy > 0.5 && r.testAccuracy <= 1, `seed ${r.seed}: ${r.testAccuracy}`);
      // Without a validation split the saved model is the last epoch's.
      assert.equal(r.testAccuracy, r.epochs[1].testAccuracy);
      assert.ok(r.epochs[0].atSeconds < r.epochs[1].atSeconds && r.epochs[1].atSeconds < r.wallSeconds);
      // Linux: the process's CPU time is read (/proc): Node's start-up alone takes some.
      if (process.platform === 'linux') assert.ok(r.cpuSeconds !== null && r.cpuSeconds > 0, `CPU ${r.cpuSeconds} s`);
    }
    const again = summarize(report.runs, [0.5, 0.999]);
    assert.deepEqual(report.summary, again);
    assert.equal(report.summary.thresholds[0].reached, 2);
    assert.equal(report.summary.thresholds[1].reached, 0);
  });
});
