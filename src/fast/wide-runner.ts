import type { Kernels } from './kernels.js';

/** Runs one wide-path batch (asm/wide.ts) in a mode of `WIDE_MODE`; returns Σ C_x. */
export interface WideRunner {
  /** Runs the batch of `count` rows (the sparse rows, offsets, entries and labels at those byte offsets); returns Σ C_x. */
  run(count: number, rows: number, offsets: number, entries: number, labels: number, mode: number, learningRate: number, c1: number, c2: number): number;
  /**
   * Starts the helper thread predicting `count` images of `size` pixels, whose bytes are in the
   * plan's twin chunk (src/fast/twin-plan.ts `TwinPlan`); false when there is no helper to ask.
   */
  startTwin?(count: number, size: number): boolean;
  /** Waits for the prediction `startTwin` started. */
  finishTwin?(): void;
  /** Work for the waits at the stages' meeting points (see `TrainingBackend.setIdleWork`); runners that never wait leave it out. */
  setIdle?(work: (() => boolean) | null): void;
  /** Lets go of any helper thread. */
  dispose(): void;
}

/** The wide path on the calling thread alone. */
export function oneThread(kernels: Kernels): WideRunner {
  return { run: (...args) => kernels.wideBatch(...args), dispose: () => {} };
}
