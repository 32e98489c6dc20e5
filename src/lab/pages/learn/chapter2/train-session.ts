import type { Network } from '../../../../core/network.js';
import { resolveSettings, SEED_SETTINGS } from '../../../../train/settings.js';
import type { PartialSettings, TrainingSettings } from '../../../../model/training-settings.js';
import type { SpeedValues } from '../../../components/speed-control.js';
import { networkFromSnapshot } from '../../../shared/model-loader.js';
import { StepClock, WATCH_RATE } from '../../../shared/step-clock.js';
import type { FromWorker, ToWorker } from '../../../shared/worker-protocol.js';
import type { SectionContext } from '../chapter.js';
import { siteRoot } from '../../../site/site-root.js';

/** What "watch it learn" asks the Worker for: the source document's network and training (the seed preset) from `seed`. */
export function lessonRequest(seed: number): PartialSettings {
  return { ...SEED_SETTINGS, seed };
}

/** The run of "watch it learn", resolved as the Worker resolves `lessonRequest(seed)`. */
export function lessonSettings(seed: number): TrainingSettings {
  return resolveSettings(lessonRequest(seed));
}

/** What the session tells the figure. */
export interface SessionEvents {
  loading(fraction: number): void;
  ready(train: number, test: number, backend: string): void;
  /** A progress report: mini-batches, epoch, images seen, the mean cost since the last one and the points of the cost curve. */
  progress(m: FromWorker & { type: 'progress' }, watching: boolean): void;
  test(batches: number, accuracy: number): void;
  /** The run's network after `batches` mini-batches. */
  network(net: Network, batches: number): void;
  running(running: boolean): void;
  error(message: string): void;
}

/**
 * The course's side of the Lab's training Worker (src/lab/shared/training-worker.ts): one run
 * of `lessonSettings`, trained at watch speed — one mini-batch step at a time from the shared
 * StepClock, the next asked for only after the snapshot of the last one has been drawn — or at
 * full speed, the Worker on its own. The Worker ends when the learner leaves the section.
 */
export class LessonTraining {
  private readonly worker: Worker;
  private readonly clock: StepClock;
  private workerRunning = false;
  private snapshotDue = false;
  private readyToTrain = false;
  settings: TrainingSettings;
  speed: SpeedValues = { pace: 'watch', watchRate: WATCH_RATE.default };

  /** Starts the Worker and loads MNIST into it; `seed` picks the run's start. */
  constructor(ctx: Pick<SectionContext, 'worker'>, seed: number, private readonly on: SessionEvents) {
    this.settings = lessonSettings(seed);
    this.worker = ctx.worker(() => new Worker(new URL('../../../shared/training-worker.ts', import.meta.url), { type: 'module', name: 'digitlab-course-training' }));
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    this.worker.onerror = (event) => on.error(event.message || 'the training worker failed to start');
    this.clock = new StepClock(() => this.askStep(), this.speed.watchRate);
    this.post({ type: 'load', root: siteRoot(), dataSet: 'mnist', fast: true });
  }

  /** Training now (at either speed). */
  get running(): boolean {
    return this.workerRunning || this.clock.running;
  }

  /** Starts or pauses. */
  toggle(): void {
    if (!this.readyToTrain) return;
    if (this.running) {
      this.clock.stop();
      if (this.workerRunning) this.post({ type: 'pause' });
      this.on.running(this.workerRunning);
    } else if (this.speed.pace === 'watch') {
      this.clock.start();
      this.on.running(true);
    } else this.post({ type: 'start' });
  }

  /** One mini-batch, then stop. */
  step(): void {
    if (!this.readyToTrain) return;
    this.clock.stop();
    this.post({ type: 'step', count: 1 });
    this.on.running(this.workerRunning);
  }

  /** A fresh network from `seed`, paused. */
  reset(seed: number): void {
    this.clock.stop();
    this.snapshotDue = false;
    this.settings = lessonSettings(seed);
    this.post({ type: 'reset', runs: [{ id: 'main', request: lessonRequest(seed) }] });
  }

  /** A new speed: a new rate at once; a new pace while training switches over. */
  setSpeed(values: SpeedValues): void {
    const before = this.speed.pace;
    this.speed = values;
    this.clock.rate = values.watchRate;
    if (!this.running || values.pace === before) return;
    if (values.pace === 'watch') {
      this.post({ type: 'pause' });
      this.snapshotDue = true;
      this.clock.start(true);
    } else {
      this.clock.stop();
      this.post({ type: 'start' });
    }
  }

  /** Stops the clock (the Worker itself is ended by the section). */
  stop(): void {
    this.clock.stop();
  }

  private post(m: ToWorker): void {
    this.worker.postMessage(m);
  }

  private askStep(): void {
    this.snapshotDue = true;
    this.post({ type: 'step', count: 1 });
  }

  private receive(m: FromWorker): void {
    switch (m.type) {
      case 'loading':
        this.on.loading(m.fraction);
        break;
      case 'ready':
        this.on.ready(m.trainCount, m.testCount, m.backend);
        this.readyToTrain = true;
        this.reset(this.settings.seed);
        break;
      case 'progress':
        this.on.progress(m, this.clock.running);
        break;
      case 'test':
        this.on.test(m.batches, m.testAccuracy);
        break;
      case 'snapshot':
        this.on.network(networkFromSnapshot(m.snapshot, this.settings), m.batches);
        // Drawn on the next frame; the clock's next step may come after that.
        if (this.snapshotDue) {
          this.snapshotDue = false;
          requestAnimationFrame(() => requestAnimationFrame(() => this.clock.stepDrawn()));
        }
        break;
      case 'running':
        this.workerRunning = m.running;
        this.on.running(this.running);
        break;
      case 'error':
        this.clock.stop();
        this.on.error(m.message);
        break;
    }
  }
}
