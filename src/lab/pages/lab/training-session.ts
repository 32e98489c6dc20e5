import type { TrainingFormValues } from '../../components/training-controls.js';
import { dataSetSource } from '../../shared/data-sets.js';
import { networkFromSnapshot } from '../../shared/model-loader.js';
import type { Store } from '../../shared/store.js';
import type { LabPageState } from './lab-store.js';
import { resolveSettings } from '../../../train/settings.js';
import { runRequest } from './lab-state.js';
import { TrainingClient } from './training-client.js';
import type { FromWorker, RunRequest, RunSpec } from './worker-protocol.js';

/** What the buttons of the training controls ask for. */
export type TrainingCommand = 'toggle' | 'step' | 'reset' | 'compare' | 'pretrained';

/** Where the session's curve points go (the page's two charts). */
export interface CurveSink {
  reset(runs: readonly RunSpec[]): void;
  cost(runId: string, batches: number, cost: number): void;
  accuracy(runId: string, batches: number, accuracy: number): void;
}

/**
 * Sigmoid vs ReLU (S12): both runs share the architecture, cost, mini-batch size and seed;
 * each activation gets the initialisation made for it (Xavier for σ, He for ReLU) and both
 * use Adam with η = 0.003, a step size at which neither diverges (plain SGD at the σ
 * network's η = 4.5 kills every ReLU neuron in the first steps).
 */
const COMPARE = { optimizer: 'adam', learningRate: 0.003 } as const;

/**
 * The Lab's side of training: turns the controls' commands into messages to the training
 * Worker and the Worker's reports into the page's state (and curve points). A setting
 * defines a run: a changed setting starts over, paused, as in TF Playground.
 */
export class TrainingSession {
  private readonly client: TrainingClient;
  /** The shown run's test accuracy curve: (mini-batches, accuracy) pairs. */
  readonly testCurve: [number, number][] = [];

  /** A session over `store`, drawing curves into `curves`. */
  constructor(
    private readonly store: Store<LabPageState>,
    private readonly curves: CurveSink,
  ) {
    this.client = new TrainingClient((message) => this.receive(message));
  }

  /** Asks the Worker to load the chosen data set (and drops any runs). */
  load(): void {
    const s = this.store.state;
    this.client.send({ type: 'load', origin: location.origin, dataSet: s.dataSet, fast: s.backend === 'fast' });
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
        if (s.running) this.client.send({ type: 'pause' });
        else if (s.runs !== null || this.resetRuns(false)) {
          this.store.set({ showRun: true });
          this.client.send({ type: 'start' });
        }
        break;
      case 'step':
        if (s.runs !== null || this.resetRuns(false)) {
          this.store.set({ showRun: true });
          this.client.send({ type: 'step', count: 1 });
        }
        break;
      case 'reset':
        this.resetRuns(s.runs?.length === 2);
        break;
      case 'compare':
        if (this.resetRuns(true)) this.client.send({ type: 'start' });
        break;
      case 'pretrained':
        if (!dataSetSource(s.dataSet).pretrained) break;
        if (s.running) this.client.send({ type: 'pause' });
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
          { id: 'sigmoid', request: runRequest(s, { ...COMPARE, activation: 'sigmoid', init: 'xavier' }) },
          { id: 'relu', request: runRequest(s, { ...COMPARE, activation: 'relu', init: 'he' }) },
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
    this.store.set({ runs, runNetwork: null, showRun: true, progress: null, lastTest: null, diagnoses: {}, error: null });
    this.curves.reset(runs);
    this.client.send({ type: 'reset', runs: requests });
    return true;
  }

  /** Loads the chosen data set afresh: runs, curves and status start over. */
  private switchDataSet(): void {
    if (this.store.state.running) this.client.send({ type: 'pause' });
    this.testCurve.length = 0;
    this.store.set({ workerReady: false, runs: null, runNetwork: null, showRun: false, progress: null, lastTest: null, diagnoses: {}, dataStatus: null });
    this.curves.reset([]);
    this.load();
  }

  private receive(message: FromWorker): void {
    const s = this.store.state;
    const first = s.runs?.[0];
    switch (message.type) {
      case 'loading':
        if (message.dataSet === s.dataSet) this.store.set({ dataStatus: { kind: 'loading', fraction: message.fraction } });
        break;
      case 'ready':
        if (message.dataSet !== s.dataSet) break;
        this.store.set({ workerReady: true, backendName: message.backend, dataStatus: { kind: 'ready', train: message.trainCount, test: message.testCount } });
        // The pretrained model knows only MNIST: any other set starts with a fresh network.
        if (!dataSetSource(s.dataSet).pretrained && s.runs === null) this.resetRuns(false);
        break;
      case 'progress':
        if (first && message.runId === first.id) this.store.set({ progress: message });
        for (const [batches, cost] of message.costPoints) this.curves.cost(message.runId, batches, cost);
        // A single Step may not fill a window: then the step's own cost is the point.
        if (message.costPoints.length === 0) this.curves.cost(message.runId, message.batches, message.cost);
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
      case 'running':
        this.store.set({ running: message.running });
        break;
      case 'diagnosis':
        if (s.runs?.some((r) => r.id === message.runId)) this.store.set({ diagnoses: { ...s.diagnoses, [message.runId]: message.diagnosis } });
        break;
      case 'error':
        this.store.set({ error: { kind: s.workerReady ? 'diverged' : 'data', message: message.message } });
        break;
    }
  }
}
