import { DIAGNOSIS_MIN_STEPS, diagnoseLearning, plainlyLearning } from '../../train/learning-diagnosis.js';
import { measureLearning } from '../../train/learning-measure.js';
import type { Trainer } from '../../train/trainer.js';
import type { FromWorker, Snapshot } from './worker-protocol.js';

/** Evaluate the test set at most every this many mini-batches… */
const MIN_EVAL_GAP = 25;
/**
 * …and, after the first DETAILED_BATCHES (where the curve moves most), only when training
 * since the last evaluation took this many times its cost (evaluation ≤ 20 % of the time).
 */
const EVAL_RATIO = 4;
const DETAILED_BATCHES = 1200;
/** Mini-batches averaged into one point of the cost curve (early on; 5× that later). */
const COST_WINDOW = 20;

/** Sends a message to the page (with buffers to transfer). */
export type Post = (message: FromWorker, transfer?: Transferable[]) => void;

/**
 * One training run of the Worker: an unchanged `Trainer` (so a seed gives the same weights
 * as `digitlab train`) and the bookkeeping of what the page is told — the cost curve in
 * windows of mini-batches, test accuracy evaluated so that it takes ≤ 20 % of the time, the
 * speed over the last second, weight snapshots, and — every DIAGNOSIS_MIN_STEPS mini-batches
 * until it finds one — the run layer's stalled-learning diagnosis.
 */
export class WorkerRun {
  batches = 0;
  failed = false;
  private costSum = 0;
  private costCount = 0;
  /** Cost points (mini-batches, mean cost over a window) not yet sent. */
  private points: [number, number][] = [];
  private windowSum = 0;
  private windowCount = 0;
  private lastEvalBatches = 0;
  private evalMs = 0;
  private trainMsSinceEval = 0;
  /** (time, batches) samples for the speed over the last second. */
  private readonly speed: { t: number; batches: number }[] = [];
  /** Mini-batches at which the run is next checked for stalled learning (Infinity once diagnosed). */
  private nextDiagnosis = DIAGNOSIS_MIN_STEPS;

  /** Run `id`, trained by `trainer`, reporting through `post`. */
  constructor(
    readonly id: string,
    readonly trainer: Trainer,
    private readonly post: Post,
  ) {}

  /** Trains one mini-batch; on a failure (e.g. divergence) reports it and marks the run failed. */
  step(): void {
    const t0 = performance.now();
    try {
      const event = this.trainer.step();
      this.costSum += event.cost;
      this.costCount++;
      this.windowSum += event.cost;
      this.windowCount++;
    } catch (error) {
      this.failed = true;
      this.post({ type: 'error', runId: this.id, message: error instanceof Error ? error.message : String(error) });
      return;
    }
    this.batches++;
    this.trainMsSinceEval += performance.now() - t0;
    // The cost curve: one point per window of mini-batches (finer while the curve is steep).
    if (this.windowCount >= (this.batches <= DETAILED_BATCHES ? COST_WINDOW : 5 * COST_WINDOW)) {
      this.points.push([this.batches, this.windowSum / this.windowCount]);
      this.windowSum = 0;
      this.windowCount = 0;
    }
    // Early on the curve moves fastest: a point every MIN_EVAL_GAP mini-batches, whatever it costs.
    if (this.batches <= DETAILED_BATCHES && this.batches - this.lastEvalBatches >= MIN_EVAL_GAP) this.evaluate();
  }

  /** Test accuracy on the whole test set, sent to the page. */
  evaluate(): void {
    const t0 = performance.now();
    const testAccuracy = this.trainer.evaluate(this.trainer.test);
    // The first evaluation includes warm-up; after it, a running average of the cost.
    const ms = performance.now() - t0;
    this.evalMs = this.batches === 0 ? 0 : this.evalMs === 0 ? ms : 0.7 * this.evalMs + 0.3 * ms;
    this.trainMsSinceEval = 0;
    this.lastEvalBatches = this.batches;
    this.post({ type: 'test', runId: this.id, batches: this.batches, testAccuracy });
  }

  /** The run's parameters now, copied into fresh buffers (transferred to the page). */
  sendSnapshot(): void {
    const net = this.trainer.network();
    const snapshot: Snapshot = { sizes: [...net.sizes], weights: net.weights.map((w) => w.slice()), biases: net.biases.map((b) => b.slice()) };
    this.post({ type: 'snapshot', runId: this.id, batches: this.batches, snapshot }, [...snapshot.weights.map((w) => w.buffer), ...snapshot.biases.map((b) => b.buffer)]);
  }

  /** Progress since the last report (cost, curve points, speed), a due evaluation (or any pending one when `force`), a snapshot. */
  report(now: number, force: boolean): void {
    if (this.costCount > 0) {
      const t = this.trainer;
      this.speed.push({ t: now, batches: this.batches });
      while (this.speed.length > 2 && now - this.speed[0].t > 1000) this.speed.shift();
      const first = this.speed[0];
      const seconds = (now - first.t) / 1000;
      const epochsPerSecond = seconds > 0 ? (this.batches - first.batches) / t.batchesPerEpoch / seconds : 0;
      this.post({
        type: 'progress',
        runId: this.id,
        batches: this.batches,
        epoch: t.epochsDone + (t.batchesDone === 0 ? 0 : 1),
        batch: t.batchesDone === 0 ? t.batchesPerEpoch : t.batchesDone,
        batchesPerEpoch: t.batchesPerEpoch,
        examplesSeen: t.examplesSeen,
        cost: this.costSum / this.costCount,
        costPoints: this.points,
        epochsPerSecond,
        threads: t.threads,
      });
      this.costSum = 0;
      this.costCount = 0;
      this.points = [];
    }
    const due = this.batches - this.lastEvalBatches >= MIN_EVAL_GAP && this.trainMsSinceEval >= EVAL_RATIO * this.evalMs;
    if (due || (force && this.batches !== this.lastEvalBatches)) this.evaluate();
    if (this.batches >= this.nextDiagnosis) this.diagnose();
    this.sendSnapshot();
  }

  /** Measures the network on the training images (as the CLI does after an epoch) and reports a stall. */
  private diagnose(): void {
    // The reference measurement only when the fast answers do not plainly show learning (at
    // 784-256-256-10 it cost about as much as the 300 mini-batches between two diagnoses).
    const diagnosis = plainlyLearning(this.trainer) ? null : diagnoseLearning(measureLearning(this.trainer.network(), this.trainer.train), this.trainer.settings, this.batches);
    this.nextDiagnosis = diagnosis ? Infinity : this.batches + DIAGNOSIS_MIN_STEPS;
    if (diagnosis) this.post({ type: 'diagnosis', runId: this.id, diagnosis });
  }
}
