import type { SgdPathResult } from '../../explain/sgd-path.js';

/** What the page asks the SGD-path Worker to run. */
export interface SgdPathRequest {
  readonly type: 'run';
  /** The first n training images (n × 784 bytes) and their labels. */
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly fullSteps: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly grid: number;
}

/** What the Worker answers: progress lines, then the result or an error. */
export type SgdPathReply =
  | { readonly type: 'progress'; readonly message: string }
  | { readonly type: 'result'; readonly result: SgdPathResult; readonly backend: string; readonly seconds: number }
  | { readonly type: 'error'; readonly message: string };
