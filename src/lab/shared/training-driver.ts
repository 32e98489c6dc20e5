import { StepClock, type TrainingPace } from './step-clock.js';
import type { FromWorker, RunRequest, ToWorker } from './worker-protocol.js';

/** A pace and a watch-speed rate (what the speed control gives). */
export interface PaceValues {
  readonly pace: TrainingPace;
  readonly watchRate: number;
}

/** What the driver tells its page, after its own bookkeeping. */
export interface DriverEvents {
  /** Every message of the Worker; `watching`: the clock is driving (watch speed), so each step is a point of its own. */
  receive(message: FromWorker, watching: boolean): void;
  /** Training (at either pace) started or stopped. */
  running(running: boolean): void;
}

/** A progress report's points for the cost curve: at watch speed each step is one; else the Worker's windows (or, when a step filled none, the step's own cost). */
export function costPoints(m: FromWorker & { type: 'progress' }, watching: boolean): readonly (readonly [number, number])[] {
  return watching || m.costPoints.length === 0 ? [[m.batches, m.cost]] : m.costPoints;
}

/**
 * The one watch/full-speed training driver, for the Lab and the course's "watch it learn":
 * it turns play, pause, step, reset and a change of speed into commands to the training
 * Worker (shared/training-worker.ts). At full speed the Worker trains on its own and reports
 * a few times a second; at watch speed the driver's clock asks for one mini-batch step at a
 * time (`watchRate` a second) and for the next only when every live run's snapshot of the
 * step has arrived and been drawn (two frames later), so every view shows every step. A run
 * that fails sends no more snapshots: the clock stops waiting for it, and stops when all have
 * failed.
 */
export class TrainingDriver {
  private readonly clock: StepClock;
  private pace: TrainingPace;
  /** Whether the Worker itself trains (full speed). */
  private workerRunning = false;
  /** The runs of the last reset. */
  private runIds: readonly string[] = [];
  /**
   * The snapshot each live run still owes before the clock's step (or a pause) has been drawn:
   * the least mini-batch count it must carry. A snapshot from before (the reset's, at 0) does
   * not count, or the next step could be asked for before this one was drawn.
   */
  private readonly awaited = new Map<string, number>();
  /** The latest mini-batch count each run has reported (progress or snapshot). */
  private readonly known = new Map<string, number>();
  /** Runs that stopped with an error (e.g. diverged). */
  private readonly failed = new Set<string>();

  /** A stopped driver sending to the Worker through `send`, at `speed`. */
  constructor(
    private readonly send: (message: ToWorker) => void,
    speed: PaceValues,
    private readonly on: DriverEvents,
  ) {
    this.pace = speed.pace;
    this.clock = new StepClock(() => this.askStep(), speed.watchRate);
  }

  /** Training now, at either pace. */
  get running(): boolean {
    return this.workerRunning || this.clock.running;
  }

  /** Trains at the current pace: the clock's steps (watch speed) or the Worker on its own (full speed). */
  play(): void {
    if (this.pace === 'watch') {
      this.clock.start();
      this.on.running(true);
    } else this.send({ type: 'start' });
  }

  /** Stops training at either pace. */
  pause(): void {
    this.clock.stop();
    if (this.workerRunning) this.send({ type: 'pause' });
    this.on.running(this.workerRunning);
  }

  /** One mini-batch for every run, then stop. */
  step(): void {
    this.clock.stop();
    this.send({ type: 'step', count: 1 });
    this.on.running(this.workerRunning);
  }

  /** Fresh runs in the Worker, paused (what was awaited, known or failed is forgotten). */
  reset(runs: readonly RunRequest[]): void {
    this.clock.stop();
    this.awaited.clear();
    this.known.clear();
    this.failed.clear();
    this.runIds = runs.map((r) => r.id);
    this.send({ type: 'reset', runs });
  }

  /** A new speed: a new rate applies at once; a new pace while training switches over without a gap. */
  setSpeed(values: PaceValues): void {
    const before = this.pace;
    this.pace = values.pace;
    this.clock.rate = values.watchRate;
    if (!this.running || values.pace === before) return;
    if (values.pace === 'watch') {
      // The Worker's last report of the fast run is the step the clock waits for first.
      this.send({ type: 'pause' });
      this.awaitSnapshots(0);
      this.clock.start(this.awaited.size > 0);
    } else {
      this.clock.stop();
      this.send({ type: 'start' });
    }
  }

  /** Stops the clock (a step already asked for still arrives). */
  stop(): void {
    this.clock.stop();
  }

  /** A message of the Worker: noted, then handed to the page. */
  receive(message: FromWorker): void {
    const watching = this.clock.running;
    switch (message.type) {
      case 'progress':
        this.reported(message.runId, message.batches, false);
        break;
      case 'snapshot':
        this.reported(message.runId, message.batches, true);
        break;
      case 'running':
        this.workerRunning = message.running;
        break;
      case 'error':
        if (message.runId !== undefined) {
          this.failed.add(message.runId);
          if (this.awaited.delete(message.runId) && this.awaited.size === 0) requestAnimationFrame(() => this.clock.stepDrawn());
        }
        if (message.runId === undefined || this.failed.size >= this.runIds.length) this.clock.stop();
        break;
    }
    this.on.receive(message, watching);
    if (message.type === 'running' || message.type === 'error') this.on.running(this.running);
  }

  /** The clock's step: one mini-batch for every run; done when each run's snapshot has arrived. */
  private askStep(): void {
    this.awaitSnapshots(1);
    this.send({ type: 'step', count: 1 });
  }

  /** Waits for a snapshot from each live run at least `ahead` mini-batches past what it last reported. */
  private awaitSnapshots(ahead: number): void {
    this.awaited.clear();
    for (const id of this.runIds) if (!this.failed.has(id)) this.awaited.set(id, (this.known.get(id) ?? 0) + ahead);
  }

  /** Notes a run's report of `batches`; a snapshot may be the last one the clock waits for. */
  private reported(runId: string, batches: number, snapshot: boolean): void {
    this.known.set(runId, Math.max(this.known.get(runId) ?? 0, batches));
    const due = this.awaited.get(runId);
    if (!snapshot || due === undefined || batches < due) return;
    this.awaited.delete(runId);
    // The views draw it on the next frame; the clock's next step may come after that.
    if (this.awaited.size === 0) requestAnimationFrame(() => requestAnimationFrame(() => this.clock.stepDrawn()));
  }
}
