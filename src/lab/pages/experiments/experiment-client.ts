import type { TrainingCurves } from '../../../experiments/training-curves.js';
import type { ExperimentName, ExperimentTypes, FromExperimentWorker } from './protocol.js';

/** What a panel hears while its experiment runs. */
export interface RunListener<N extends ExperimentName> {
  readonly onStatus?: (stage: 'loading-data' | 'loading-model' | 'running') => void;
  readonly onEpoch?: (run: string, epoch: number, curves: TrainingCurves) => void;
  readonly onResult: (result: ExperimentTypes[N]['result'], seconds: number, backend: string) => void;
  readonly onError: (message: string) => void;
}

/**
 * The page's side of the experiments Worker: `run(name, options, listener)` posts one request
 * and routes the Worker's replies to that request's listener. One Worker serves all panels;
 * its data and model are fetched once.
 */
export class ExperimentClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly listeners = new Map<number, RunListener<ExperimentName>>();

  /** Starts the module Worker. */
  constructor(private readonly root: string) {
    this.worker = new Worker(new URL('./experiment-worker.ts', import.meta.url), { type: 'module', name: 'digitlab-experiments' });
    this.worker.onmessage = (event: MessageEvent<FromExperimentWorker>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      for (const l of this.listeners.values()) l.onError(event.message || 'the experiments worker failed');
      this.listeners.clear();
    };
  }

  /** Runs experiment `name` with `options` in the Worker. */
  run<N extends ExperimentName>(name: N, options: ExperimentTypes[N]['options'], listener: RunListener<N>): void {
    const id = this.nextId++;
    this.listeners.set(id, listener as unknown as RunListener<ExperimentName>);
    this.worker.postMessage({ type: 'run', id, experiment: name, options, root: this.root });
  }

  private receive(m: FromExperimentWorker): void {
    const l = this.listeners.get(m.id);
    if (!l) return;
    if (m.type === 'status') l.onStatus?.(m.stage);
    else if (m.type === 'epoch') l.onEpoch?.(m.run, m.epoch, m.curves);
    else if (m.type === 'result') {
      this.listeners.delete(m.id);
      l.onResult(m.result, m.seconds, m.backend);
    } else {
      this.listeners.delete(m.id);
      l.onError(m.message);
    }
  }
}
