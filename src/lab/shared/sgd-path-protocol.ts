import type { SgdPathResult } from '../../explain/sgd-path.js';

/** One run of the SGD-path explorable: the first n training images and the settings. */
export interface SgdPathJob {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly fullSteps: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly grid: number;
}

/** The part of the run in progress: full-batch descent, mini-batch SGD, or the plane and its cost grid. */
export type SgdPathPhase = 'full' | 'mini' | 'grid';

/** What the SGD-path Worker answers: progress (the engine's line and its phase), then the result or an error. */
export type SgdPathReply =
  | { readonly type: 'progress'; readonly message: string; readonly phase: SgdPathPhase }
  | {
      readonly type: 'result';
      readonly result: SgdPathResult;
      /** The backend's name (backendName), and whether it is the WebAssembly kernels. */
      readonly backend: string;
      readonly fast: boolean;
      readonly seconds: number;
    }
  | { readonly type: 'error'; readonly message: string };
