import type { FromWorker, ToWorker } from './worker-protocol.js';

/** The page's side of the training Worker: typed messages in both directions. */
export class TrainingClient {
  private worker: Worker | null = null;

  /**
   * A client whose Worker starts with the first command; `onMessage` receives everything it
   * reports. `adopt` receives the new Worker (the course hands it to its section, which ends
   * it when the learner leaves).
   */
  constructor(
    private readonly onMessage: (message: FromWorker) => void,
    private readonly adopt: (make: () => Worker) => Worker = (make) => make(),
  ) {}

  /** Sends one command (starting the module Worker first, if this is the first). */
  send(message: ToWorker): void {
    if (this.worker === null) {
      const worker = this.adopt(() => new Worker(new URL('./training-worker.ts', import.meta.url), { type: 'module', name: 'digitlab-training' }));
      worker.onmessage = (event: MessageEvent<FromWorker>) => this.onMessage(event.data);
      worker.onerror = (event) => this.onMessage({ type: 'error', message: event.message || 'the training worker failed to start' });
      this.worker = worker;
    }
    this.worker.postMessage(message);
  }
}
