import type { ScheduleName } from '../model/training-settings.js';

// The names are part of the settings' vocabulary (model layer); re-exported for menus and parsers.
export { SCHEDULES, type ScheduleName } from '../model/training-settings.js';

/**
 * The learning rate η_t for mini-batch `step` (0-based, counted from the start of the run)
 * of a run planned for `totalSteps` mini-batches, with base rate η₀ = `base`. With p = t / T
 * the fraction of the run done:
 *
 * - `constant`: η₀ (the source document's plain SGD).
 * - `step`: η₀ until half the run, η₀/10 until three quarters, η₀/100 after ("divide by 10
 *   when the curve flattens", fixed in advance as in He et al. 2016).
 * - `cosine`: η₀ · ½(1 + cos πp) (Loshchilov & Hutter 2017, without restarts): large steps
 *   while far from a minimum, ever smaller ones as the run ends, so the last epochs average
 *   out the mini-batch noise instead of bouncing around the minimum.
 *
 * The schedule is a pure function of the step counter, so a resumed run continues it
 * exactly, and early stopping (which ends a run before T) does not change it. Past T (the
 * Lab may train on beyond the planned epochs) the rate stays at its final value: 0.01·η₀ for
 * `step`, 0 for `cosine`.
 */
export function learningRateAt(schedule: ScheduleName, base: number, step: number, totalSteps: number): number {
  if (schedule === 'constant' || totalSteps <= 0) return base;
  const p = Math.min(Math.max(step / totalSteps, 0), 1);
  if (schedule === 'step') return p < 0.5 ? base : p < 0.75 ? base * 0.1 : base * 0.01;
  return base * 0.5 * (1 + Math.cos(Math.PI * p));
}
