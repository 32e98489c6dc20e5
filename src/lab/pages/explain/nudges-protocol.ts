import type { CostName } from '../../../core/costs.js';
import type { TrainingSetAverage } from '../../../explain/nudges.js';
import type { Snapshot } from '../../shared/model-loader.js';
import type { TrainingSettings } from '../../../model/training-settings.js';

/** What the page asks the nudges Worker: the training-set average −∇C of one network. */
export interface NudgesAverageRequest {
  readonly type: 'average';
  /** The network's layers and parameters, and the activations it uses. */
  readonly network: Snapshot & Pick<TrainingSettings, 'activation' | 'outputActivation'>;
  readonly cost: CostName;
  /** The training images (bytes, row-major 28×28 each) and their labels. */
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

/** What it answers: the average, or why not. */
export type NudgesAverageReply = { readonly type: 'result'; readonly average: TrainingSetAverage; readonly seconds: number } | { readonly type: 'error'; readonly message: string };
