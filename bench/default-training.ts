import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtFromCurrentSources } from '../bin/fresh-build.js';
import { ROOT, runChild } from './children.js';

/** The default `digitlab train`, watched from outside. */
export interface DefaultTrainingResult {
  /** `--backend` it ran with. */
  readonly backend: string;
  /** Wall seconds from spawning the process (Node start-up and data loading included) to the first epoch line with test accuracy ≥ 95 %; null if never. */
  readonly secondsTo95: number | null;
  /** Epoch at which 95 % was first reached (null if never). */
  readonly epochTo95: number | null;
  /** Test accuracy after the last epoch. */
  readonly finalTestAccuracy: number;
  readonly epochs: number;
  /** Wall seconds of the whole process. */
  readonly totalSeconds: number;
  /** Peak RSS of the `digitlab train` process in MB (null where /proc is missing). */
  readonly peakRssMB: number | null;
}

interface EpochLine {
  epoch: number;
  testAccuracy: number;
}

/**
 * Runs `node bin/digitlab.js train --json` with its defaults (the seed's settings) and
 * timestamps each epoch's JSON line as it arrives on stdout.
 */
export async function runDefaultTraining(backend: 'wasm' | 'reference', target = 0.95): Promise<DefaultTrainingResult> {
  // bin/digitlab.js runs the sources through tsx when lib/ is older than them: slower to
  // start and ~30 MB larger than the compiled CLI a user runs, so compile it first.
  if (!builtFromCurrentSources()) {
    console.error('lib/ is older than src/: compiling it first (tsc -p tsconfig.build.json)');
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  }
  const dir = mkdtempSync(join(tmpdir(), 'digitlab-bench-'));
  try {
    let secondsTo95: number | null = null;
    let epochTo95: number | null = null;
    let last: EpochLine | null = null;
    const started = performance.now();
    const out = await runChild(process.execPath, ['bin/digitlab.js', 'train', '--json', '--backend', backend, '--out', join(dir, 'model.json')], (line, ms) => {
      if (!line.startsWith('{')) return;
      const event = JSON.parse(line) as Partial<EpochLine>;
      if (typeof event.epoch !== 'number' || typeof event.testAccuracy !== 'number') return;
      last = { epoch: event.epoch, testAccuracy: event.testAccuracy };
      if (secondsTo95 === null && event.testAccuracy >= target) {
        secondsTo95 = ms / 1000;
        epochTo95 = event.epoch;
      }
    });
    const totalSeconds = (performance.now() - started) / 1000;
    const final = last as EpochLine | null;
    if (out.code !== 0 || final === null) throw new Error(`digitlab train failed (exit ${out.code}): ${out.stderr.trim().slice(-300)}`);
    return { backend, secondsTo95, epochTo95, finalTestAccuracy: final.testAccuracy, epochs: final.epoch, totalSeconds, peakRssMB: out.peakRssMB };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
