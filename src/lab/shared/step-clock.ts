/**
 * How fast live training runs. At *full speed* the training Worker trains as fast as it can
 * and the views sample it a few times a second; at *watch speed* the page asks for one
 * mini-batch step at a time, a few per second, and every view draws every step, so a learner
 * can follow the weights, the outputs and the curves move.
 */
export type TrainingPace = 'watch' | 'full';
/** Both paces, for the speed control and the URL state. */
export const TRAINING_PACES: readonly TrainingPace[] = ['full', 'watch'];
/** Mini-batch steps per second at watch speed: the range of the control and its default. */
export const WATCH_RATE = { min: 1, max: 30, default: 4 } as const;
/** How long the clock waits for a step to be drawn before it asks for the next anyway. */
const MAX_WAIT_MS = 10_000;

/**
 * Watch speed's clock: asks for one step (`askStep`) `rate` times a second, and for the next
 * only after `stepDrawn` says the views have drawn the one before. A slow machine or a big
 * network lowers the rate; no step goes undrawn.
 */
export class StepClock {
  private active = false;
  private waiting = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastAsked = -Infinity;

  /** A stopped clock that calls `askStep` for each step, `rate` steps per second. */
  constructor(
    private readonly askStep: () => void,
    private stepsPerSecond: number,
  ) {}

  /** Whether the clock is asking for steps. */
  get running(): boolean {
    return this.active;
  }

  /** Steps per second. */
  get rate(): number {
    return this.stepsPerSecond;
  }

  set rate(rate: number) {
    this.stepsPerSecond = Math.max(WATCH_RATE.min, Math.min(WATCH_RATE.max, rate));
    if (this.active && !this.waiting) this.schedule();
  }

  /**
   * Starts asking for steps: the first at once (unless one was asked less than a period ago),
   * or, with `afterDraw`, once `stepDrawn` says what is already on its way has been drawn.
   */
  start(afterDraw = false): void {
    if (this.active) return;
    this.active = true;
    this.waiting = afterDraw;
    if (afterDraw) this.watch();
    else this.schedule();
  }

  /** Stops; a step already asked for still arrives, but no other is asked for. */
  stop(): void {
    this.active = false;
    this.waiting = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The step asked for last has been drawn: the next may come. */
  stepDrawn(): void {
    if (!this.waiting) return;
    this.waiting = false;
    if (this.active) this.schedule();
  }

  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    const delay = Math.max(0, this.lastAsked + 1000 / this.stepsPerSecond - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.active || this.waiting) return;
      this.waiting = true;
      this.lastAsked = performance.now();
      this.askStep();
      this.watch();
    }, delay);
  }

  /** A step whose drawing is never reported (a lost message) must not stop the clock for good. */
  private watch(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.stepDrawn();
    }, MAX_WAIT_MS);
  }
}
