import type { SgdPathJob } from '../../components/explain/sgd-path-panel.js';
import type { SgdPathResult } from '../../../explain/sgd-path.js';

/** What the page asks the SGD-path Worker to run (the panel's job). */
export interface SgdPathRequest extends SgdPathJob {
  readonly type: 'run';
}

/** What the Worker answers: progress lines, then the result or an error. */
export type SgdPathReply =
  | { readonly type: 'progress'; readonly message: string }
  | { readonly type: 'result'; readonly result: SgdPathResult; readonly backend: string; readonly seconds: number }
  | { readonly type: 'error'; readonly message: string };
