import type { Network } from '../../../../core/network.js';
import { resolveSettings, SEED_SETTINGS } from '../../../../train/settings.js';
import type { PartialSettings, TrainingSettings } from '../../../../model/training-settings.js';
import type { SpeedValues } from '../../../components/speed-control.js';
import { networkFromSnapshot } from '../../../shared/model-loader.js';
import { WATCH_RATE } from '../../../shared/step-clock.js';
import { TrainingClient } from '../../../shared/training-client.js';
import { costPoints, TrainingDriver } from '../../../shared/training-driver.js';
import type { FromWorker } from '../../../shared/worker-protocol.js';
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
  /** A progress report, and the cost curve's points it adds. */
  progress(m: FromWorker & { type: 'progress' }, points: readonly (readonly [number, number])[]): void;
  test(batches: number, accuracy: number): void;
  /** The run's network after `batches` mini-batches. */
  network(net: Network, batches: number): void;
  running(running: boolean): void;
  error(message: string): void;
}

/**
 * The course's side of the Lab's training Worker: one run of `lessonSettings`, driven by the
 * Lab's own driver (shared/training-driver.ts) — at watch speed one mini-batch step at a time,
 * the next asked for only after the snapshot of the last one has been drawn, or at full speed,
 * the Worker on its own. The Worker ends when the learner leaves the section.
 */
export class LessonTraining {
  private readonly client: TrainingClient;
  private readonly driver: TrainingDriver;
  private readyToTrain = false;
  settings: TrainingSettings;
  speed: SpeedValues = { pace: 'watch', watchRate: WATCH_RATE.default };

  /** Starts the Worker and loads MNIST into it; `seed` picks the run's start. */
  constructor(ctx: Pick<SectionContext, 'worker'>, seed: number, private readonly on: SessionEvents) {
    this.settings = lessonSettings(seed);
    this.client = new TrainingClient((m) => this.driver.receive(m), (make) => ctx.worker(make));
    this.driver = new TrainingDriver((m) => this.client.send(m), this.speed, { receive: (m, watching) => this.receive(m, watching), running: on.running });
    this.client.send({ type: 'load', root: siteRoot(), dataSet: 'mnist', fast: true });
  }

  /** Starts or pauses. */
  toggle(): void {
    if (!this.readyToTrain) return;
    if (this.driver.running) this.driver.pause();
    else this.driver.play();
  }

  /** One mini-batch, then stop. */
  step(): void {
    if (this.readyToTrain) this.driver.step();
  }

  /** A fresh network from `seed`, paused. */
  reset(seed: number): void {
    this.settings = lessonSettings(seed);
    this.driver.reset([{ id: 'main', request: lessonRequest(seed) }]);
  }

  /** A new speed: a new rate at once; a new pace while training switches over. */
  setSpeed(values: SpeedValues): void {
    this.speed = values;
    this.driver.setSpeed(values);
  }

  /** Stops the clock (the Worker itself is ended by the section). */
  stop(): void {
    this.driver.stop();
  }

  private receive(m: FromWorker, watching: boolean): void {
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
        this.on.progress(m, costPoints(m, watching));
        break;
      case 'test':
        this.on.test(m.batches, m.testAccuracy);
        break;
      case 'snapshot':
        this.on.network(networkFromSnapshot(m.snapshot, this.settings), m.batches);
        break;
      case 'error':
        this.on.error(m.message);
        break;
    }
  }
}
