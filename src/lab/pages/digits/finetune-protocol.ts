import type { FineTuneSummary } from '../../shared/digit-db.js';

/**
 * The messages between the "Your handwriting" page and its fine-tuning Worker
 * (finetune-worker.ts); a finished run is remembered by its FineTuneSummary (shared/digit-db.ts).
 */

/** What the page asks: fine-tune the model `baseText` (a model file's JSON) on these digits. */
export interface FineTuneRequest {
  readonly type: 'fine-tune';
  /** The site's root, where the MNIST files are (the shared data loader's first argument). */
  readonly root: string;
  /** The model file fine-tuning starts from (the pretrained one), as its JSON text. */
  readonly baseText: string;
  /** Where the base came from, for the new model's `data` field. */
  readonly baseName: string;
  /** The learner's digits: count × 784 bytes and count labels. */
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly seed: number;
}

/** What the page tells the Worker. */
export type ToFineTuneWorker = FineTuneRequest | { readonly type: 'stop' };

/** What the Worker tells the page. */
export type FromFineTuneWorker =
  | { readonly type: 'loading'; readonly fraction: number }
  | { readonly type: 'progress'; readonly epoch: number; readonly epochs: number; readonly batch: number; readonly batches: number }
  /** The run ended: the fine-tuned model file's JSON and its summary. */
  | { readonly type: 'done'; readonly modelText: string; readonly summary: FineTuneSummary }
  | { readonly type: 'stopped' }
  | { readonly type: 'error'; readonly message: string };

/** The `data` field of a model fine-tuned here: the base, how many of the learner's digits, and MNIST's source. */
export function fineTunedSource(baseName: string, trained: number, mnistSource: string): string {
  return `${baseName} fine-tuned on your digits in the Lab (${trained} images) + ${mnistSource}`;
}
