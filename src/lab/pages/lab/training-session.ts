import { activationSettings } from '../../../experiments/activations.js';
import { resolveSettings } from '../../../train/settings.js';
import type { TrainingSettings } from '../../../model/training-settings.js';
import type { SpeedValues } from '../../components/speed-control.js';
import type { TrainingFormValues } from '../../components/training-controls.js';
import type { Dataset } from '../../../data/dataset.js';
import { type DataSetName, dataSetSource } from '../../shared/data-sets.js';
import { networkFromSnapshot } from '../../shared/model-loader.js';
import { costPoints, TrainingDriver } from '../../shared/training-driver.js';
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
 * The Lab's side of training: turns the controls' commands into the shared training driver's
 * (shared/training-driver.ts: watch speed or full speed, every step drawn at watch speed) and
 * the Worker's reports into the page's state (and curve points). A setting defines a run: a
 * changed setting starts over, paused, as in TF Playground. Sigmoid vs ReLU trains two runs
 * side by side.
 */
export class TrainingSession {
  private readonly client: TrainingClient;
  private readonly driver: TrainingDriver;
  /** The shown run's test accuracy curve: (mini-batches, accuracy) pairs. */
  readonly testCurve: [number, number][] = [];
  /** Test sets asked of the Worker and not yet arrived, by data set. */
  private readonly testSets = new Map<DataSetName, { resolve: (test: Dataset) => void; reject: (error: Error) => void }[]>();

  /** A session over `store`, drawing curves into `curves`. */
  constructor(
    private readonly store: Store<LabPageState>,
    private readonly curves: CurveSink,
  ) {
    this.client = new TrainingClient((message) => this.driver.receive(message));
    this.driver = new TrainingDriver((message) => this.client.send(message), store.state, {
      receive: (message, watching) => this.receive(message, watching),
      running: (running) => this.store.set({ running }),
    });
  }

  /** The speed control changed: a new rate applies at once; a new pace while training switches over without a gap. */
  speedChanged(values: SpeedValues): void {
    this.store.set(values);
    this.driver.setSpeed(values);
  }

  /** Trains at the state's pace. */
  private play(): void {
    this.store.set({ showRun: true });
    this.driver.play();
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
        if (s.running) this.driver.pause();
        else if (s.runs !== null || this.resetRuns(false)) this.play();
        break;
      case 'step':
        if (s.runs !== null || this.resetRuns(false)) {
          this.store.set({ showRun: true });
          this.driver.step();
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
        if (s.running) this.driver.pause();
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
    this.driver.reset(requests);
    this.store.set({ runs, runNetwork: null, showRun: true, progress: null, lastTest: null, diagnoses: {}, error: null, running: this.driver.running });
    this.curves.reset(runs);
    return true;
  }

  /** Loads the chosen data set afresh: runs, curves and status start over. */
  private switchDataSet(): void {
    if (this.store.state.running) this.driver.pause();
    this.testCurve.length = 0;
    this.store.set({ workerReady: false, runs: null, runNetwork: null, showRun: false, progress: null, lastTest: null, diagnoses: {}, dataStatus: null });
    this.curves.reset([]);
    this.load();
  }

  /** A message of the Worker, after the driver's bookkeeping; `watching`: every step is a point of its own. */
  private receive(message: FromWorker, watching: boolean): void {
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
        for (const [batches, cost] of costPoints(message, watching)) this.curves.cost(message.runId, batches, cost);
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
        break;
      case 'diagnosis':
        if (s.runs?.some((r) => r.id === message.runId)) this.store.set({ diagnoses: { ...s.diagnoses, [message.runId]: message.diagnosis } });
        break;
      case 'error': {
        // Before the data arrive, a failure is theirs (the next Start fetches them again).
        const dataFailed = message.runId === undefined && s.dataStatus?.kind !== 'ready';
        if (dataFailed) this.store.set({ dataStatus: { kind: 'failed', message: message.message } });
        this.store.set({ error: { kind: dataFailed ? 'data' : 'diverged', message: message.message } });
        break;
      }
    }
  }
}
