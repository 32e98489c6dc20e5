import type { TrainingCurves } from '../../experiments/training-curves.js';
import { percent } from '../format.js';
import { progress } from './context.js';

/** One stderr line per epoch of an experiment's training run. */
export function epochProgress(run: string, epoch: number, c: TrainingCurves): void {
  const i = c.epochs.length - 1;
  progress(
    `${run.padEnd(8)} epoch ${String(epoch).padStart(3)}  cost ${c.cost[i].toFixed(4)}  train ${percent(c.trainAccuracy[i], 1).padStart(7)}  ` +
      `test ${percent(c.testAccuracy[i], 1).padStart(7)}  ${c.seconds.toFixed(1)} s`,
  );
}
