import { activationSettings } from '../../../experiments/activations.js';
import { resolveSettings } from '../../../train/settings.js';
import type { TrainingSettings } from '../../../model/training-settings.js';
import type { SpeedValues } from '../../components/speed-control.js';
import type { TrainingFormValues } from '../../components/training-controls.js';
import type { Dataset } from '../../../data/dataset.js';
import { type DataSetName, dataSetSource } from '../../shared/data-sets.js';
import { networkFromSnapshot } from '../../shared/model-loader.js';
import { StepClock } from '../../shared/step-clock.js';
import type { Store } from '../../shared/store.js';
import type { LabPageState } from './lab-store.js';
import { runRequest } from './lab-state.js';
import { TrainingClient } from '../../shared/training-client.js';
import type { FromWorker, RunRequest, RunSpec } from '../../shared/worker-protocol.js';
import { siteRoot } from '../../site/site-root.js';

/** What the buttons of the training controls ask for. */
export type TrainingCommand = 'toggle' | 'step' | 'reset' | 'compare' | 'pretrained';

/** Where the session's curve points go (the page's two charts). */
export interface CurveSink {
  reset(runs: readonly RunSpec[]): void;
  cost(runId: string, batches: number, cost: number): void;
  accuracy(runId: string, batches: number, accuracy: number): void;
}

/**
 * Sigmoid vs ReLU, the comparison of the Experiments page and `digitlab experiment
 * activations`: the Lab's layers and seed, plain SGD on mini-batches of 100 and the quadratic
 * cost for both, and each activation at its own rate and initial weights
 * (`FAIR_ACTIVATION_SETTINGS`, measured on a validation split: σ η 3 Xavier, ReLU η 0.3 He) —
 * one shared rate is unfair to one side.
 */
export function compareSettings(state: LabPageState, activation: 'sigmoid' | 'relu'): TrainingSettings {
  return activationSettings(activation, { sizes: [784, ...state.hidden, 10], seed: state.seed });
}

/**
 * The Lab's side of training: turns the controls' commands into messages to the training
 * Worker and the Worker's reports into the page's state (and curve points). A setting
 * defines a run: a changed setting starts over, paused, as in TF Playground.
 *
 * Two speeds (the state's `pace`): at full speed the Worker trains on its own and reports a
 * few times a second; at watch speed the session's clock asks the Worker for one mini-batch
 * step at a time (`watchRate` a second) and for the next only when every run's snapshot of
 * the step has arrived and been drawn, so every view shows every step.
 */
export class TrainingSession {
  private readonly client: TrainingClient;
  private readonly clock: StepClock;
  /** Whether the Worker itself trains (full speed). */
  private workerRunning = false;
  /**
   * The snapshot each live run still owes before the clock's step (or a pause) has been drawn:
   * the least mini-batch count it must carry. A snapshot from before (the reset's, at 0) does
   * not count, or the next step could be asked for before this one was drawn.
   */
  private readonly awaited = new Map<string, number>();
  /** The latest mini-batch count each run has reported (progress or snapshot). */
  private readonly known = new Map<string, number>();
  /** Runs that stopped with an error (e.g. diverged): when all have, watch speed stops too. */
  private readonly failed = new Set<string>();
  /** The shown run's test accuracy curve: (mini-batches, accuracy) pairs. */
  readonly testCurve: [number, number][] = [];
  /** Test sets asked of the Worker and not yet arrived, by data set. */
  private readonly testSets = new Map<DataSetName, { resolve: (test: Dataset) => void; reject: (error: Error) => void }[]>();

  /** A session over `store`, drawing curves into `curves`. */
  constructor(
    private readonly store: Store<LabPageState>,
    private readonly curves: CurveSink,
  ) {
    this.client = new TrainingClient((message) => this.receive(message));
    this.clock = new StepClock(() => this.askStep(), store.state.watchRate);
  }

  /** The speed control changed: a new rate applies at once; a new pace while training switches over without a gap. */
  speedChanged(values: SpeedValues): void {
    const before = this.store.state.pace;
    this.store.set(values);
    this.clock.rate = values.watchRate;
    if (!this.store.state.running || values.pace === before) return;
    if (values.pace === 'watch') {
      // The Worker's last report of the fast run is the step the clock waits for first.
      this.client.send({ type: 'pause' });
      this.awaitSnapshots(0);
      this.clock.start(this.awaited.size > 0);
    } else {
      this.clock.stop();
      this.client.send({ type: 'start' });
    }
  }

  /** Trains at the state's pace: the Worker on its own (full speed) or the clock's steps (watch speed). */
  private play(): void {
    this.store.set({ showRun: true });
    if (this.store.state.pace === 'watch') {
      this.clock.start();
      this.store.set({ running: true });
    } else this.client.send({ type: 'start' });
  }

  /** Stops training at either pace. */
  private pause(): void {
    this.clock.stop();
    if (this.workerRunning) this.client.send({ type: 'pause' });
    this.store.set({ running: this.workerRunning });
  }

  /** The clock's step: one mini-batch for every run; done when each run's snapshot has arrived. */
  private askStep(): void {
    this.awaitSnapshots(1);
    this.client.send({ type: 'step', count: 1 });
  }

  /** Waits for a snapshot from each live run at least `ahead` mini-batches past what it last reported. */
  private awaitSnapshots(ahead: number): void {
    this.awaited.clear();
    for (const run of this.store.state.runs ?? []) if (!this.failed.has(run.id)) this.awaited.set(run.id, (this.known.get(run.id) ?? 0) + ahead);
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

  /**
   * Tells the Worker the chosen data set (and drops any runs). Lazily: the 11 MB of training
   * data are fetched only when the first run starts, so the Lab's first view downloads none.
   */
  load(): void {
    const s = this.store.state;
    this.client.send({ type: 'load', root: siteRoot(), dataSet: s.dataSet, fast: s.backend === 'fast', lazy: true });
  }

  /**
   * Data set `dataSet`'s test images, fetched and gunzipped by the Worker (off the page's
   * thread), which keeps them for training: the page never downloads them twice.
   */
  testSet(dataSet: DataSetName): Promise<Dataset> {
    return new Promise((resolve, reject) => {
      const waiting = this.testSets.get(dataSet) ?? [];
      waiting.push({ resolve, reject });
      this.testSets.set(dataSet, waiting);
      this.client.send({ type: 'test-set', root: siteRoot(), dataSet });
    });
  }

  /** The form changed: a new data set reloads; any other setting starts the runs over. */
  settingsChanged(values: TrainingFormValues): void {
    const switched = values.dataSet !== this.store.state.dataSet;
    this.store.set({ ...values, error: null });
    if (switched) this.switchDataSet();
    else if (this.store.state.runs !== null && this.store.state.workerReady) this.resetRuns(this.store.state.runs.length === 2);
  }

  /** A button of the training controls. */
  command(command: TrainingCommand): void {
    const s = this.store.state;
    if (!s.workerReady && command !== 'pretrained') return;
    switch (command) {
      case 'toggle':
        if (s.running) this.pause();
        else if (s.runs !== null || this.resetRuns(false)) this.play();
        break;
      case 'step':
        if (s.runs !== null || this.resetRuns(false)) {
          this.clock.stop();
          this.store.set({ showRun: true, running: this.workerRunning });
          this.client.send({ type: 'step', count: 1 });
        }
        break;
      case 'reset':
        this.resetRuns(s.runs?.length === 2);
        break;
      case 'compare':
        if (this.resetRuns(true)) this.play();
        break;
      case 'pretrained':
        if (!dataSetSource(s.dataSet).pretrained) break;
        if (s.running) this.pause();
        this.store.set({ showRun: false });
        break;
    }
  }

  /**
   * Starts fresh runs in the Worker (paused) from the current settings; false if they are bad.
   * The Worker resolves the requests through the run layer; the page resolves them the same
   * way to check them at once and to know what it shows.
   */
  private resetRuns(compare: boolean): boolean {
    const s = this.store.state;
    const requests: RunRequest[] = compare
      ? [
          { id: 'sigmoid', request: compareSettings(s, 'sigmoid') },
          { id: 'relu', request: compareSettings(s, 'relu') },
        ]
      : [{ id: 'main', request: runRequest(s) }];
    let runs: RunSpec[];
    try {
      runs = requests.map((r) => ({ id: r.id, settings: resolveSettings(r.request) }));
    } catch (error) {
      this.store.set({ error: { kind: 'settings', message: error instanceof Error ? error.message : String(error) } });
      return false;
    }
    this.testCurve.length = 0;
    this.clock.stop();
    this.awaited.clear();
    this.known.clear();
    this.failed.clear();
    this.store.set({ runs, runNetwork: null, showRun: true, progress: null, lastTest: null, diagnoses: {}, error: null, running: this.workerRunning });
    this.curves.reset(runs);
    this.client.send({ type: 'reset', runs: requests });
    return true;
  }

  /** Loads the chosen data set afresh: runs, curves and status start over. */
  private switchDataSet(): void {
    if (this.store.state.running) this.pause();
    this.testCurve.length = 0;
    this.store.set({ workerReady: false, runs: null, runNetwork: null, showRun: false, progress: null, lastTest: null, diagnoses: {}, dataStatus: null });
    this.curves.reset([]);
    this.load();
  }

  private receive(message: FromWorker): void {
    const s = this.store.state;
    const first = s.runs?.[0];
    switch (message.type) {
      case 'open':
        if (message.dataSet !== s.dataSet) break;
        this.store.set({ workerReady: true, backendName: message.backend });
        // The pretrained model knows only MNIST: any other set starts with a fresh network (its data load now).
        if (!dataSetSource(s.dataSet).pretrained && s.runs === null) this.resetRuns(false);
        break;
      case 'loading':
        if (message.dataSet === s.dataSet) this.store.set({ dataStatus: { kind: 'loading', fraction: message.fraction } });
        break;
      case 'test-set':
      case 'test-set-failed': {
        const waiting = this.testSets.get(message.dataSet) ?? [];
        this.testSets.delete(message.dataSet);
        for (const w of waiting) {
          if (message.type === 'test-set') w.resolve(message.test);
          else w.reject(new Error(message.message));
        }
        break;
      }
      case 'ready':
        if (message.dataSet !== s.dataSet) break;
        this.store.set({ workerReady: true, backendName: message.backend, dataStatus: { kind: 'ready', train: message.trainCount, test: message.testCount } });
        break;
      case 'progress':
        if (first && message.runId === first.id) this.store.set({ progress: message });
        this.reported(message.runId, message.batches, false);
        // At watch speed every step is a point of its own; else the Worker's windows.
        if (!this.clock.running) for (const [batches, cost] of message.costPoints) this.curves.cost(message.runId, batches, cost);
        // A single Step may not fill a window: then the step's own cost is the point.
        if (this.clock.running || message.costPoints.length === 0) this.curves.cost(message.runId, message.batches, message.cost);
        break;
      case 'test':
        this.curves.accuracy(message.runId, message.batches, message.testAccuracy);
        if (first && message.runId === first.id) {
          this.testCurve.push([message.batches, message.testAccuracy]);
          this.store.set({ lastTest: { batches: message.batches, accuracy: message.testAccuracy } });
        }
        break;
      case 'snapshot':
        if (first && message.runId === first.id) this.store.set({ runNetwork: networkFromSnapshot(message.snapshot, first.settings), snapshotBatches: message.batches });
        this.reported(message.runId, message.batches, true);
        break;
      case 'running':
        this.workerRunning = message.running;
        this.store.set({ running: message.running || this.clock.running });
        break;
      case 'diagnosis':
        if (s.runs?.some((r) => r.id === message.runId)) this.store.set({ diagnoses: { ...s.diagnoses, [message.runId]: message.diagnosis } });
        break;
      case 'error':
        if (message.runId !== undefined) {
          this.failed.add(message.runId);
          // A run that failed sends no more snapshots: the clock no longer waits for it.
          if (this.awaited.delete(message.runId) && this.awaited.size === 0) requestAnimationFrame(() => this.clock.stepDrawn());
        }
        if (message.runId === undefined || this.failed.size === (s.runs?.length ?? 0)) this.clock.stop();
        // Before the data arrive, a failure is theirs (the next Start fetches them again).
        const dataFailed = message.runId === undefined && s.dataStatus?.kind !== 'ready';
        if (dataFailed) this.store.set({ dataStatus: { kind: 'failed', message: message.message } });
        this.store.set({ error: { kind: dataFailed ? 'data' : 'diverged', message: message.message }, running: this.workerRunning || this.clock.running });
        break;
    }
  }
}
