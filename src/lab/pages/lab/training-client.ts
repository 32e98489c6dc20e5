import type { FromWorker, ToWorker } from './worker-protocol.js';

/** The page's side of the training Worker: typed messages in both directions. */
export class TrainingClient {
  private readonly worker: Worker;

  /** Starts the module Worker; `onMessage` receives everything it reports. */
  constructor(onMessage: (message: FromWorker) => void) {
    this.worker = new Worker(new URL('./training-worker.ts', import.meta.url), { type: 'module', name: 'digitlab-training' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
    this.worker.onerror = (event) => onMessage({ type: 'error', message: event.message || 'the training worker failed to start' });
  }

  /** Sends one command. */
  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }
}
