import type { FromFineTuneWorker, ToFineTuneWorker } from './finetune-protocol.js';

/** The page's side of the fine-tuning Worker: started on first use, typed messages both ways. */
export class FineTuneClient {
  private worker: Worker | null = null;

  /** `onMessage` hears everything the Worker reports. */
  constructor(private readonly onMessage: (message: FromFineTuneWorker) => void) {}

  /** Sends one command (starting the Worker the first time). */
  send(message: ToFineTuneWorker): void {
    if (this.worker === null) {
      this.worker = new Worker(new URL('./finetune-worker.ts', import.meta.url), { type: 'module', name: 'digitlab-fine-tuning' });
      this.worker.onmessage = (event: MessageEvent<FromFineTuneWorker>) => this.onMessage(event.data);
      this.worker.onerror = (event) => this.onMessage({ type: 'error', message: event.message || 'the fine-tuning worker failed to start' });
    }
    this.worker.postMessage(message);
  }
}
