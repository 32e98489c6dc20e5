import type { ActivationsOptions, ActivationsResult } from '../../../experiments/activations.js';
import type { FoolOptions, FoolResult } from '../../../experiments/fool.js';
import type { MistakesOptions, MistakesResult } from '../../../experiments/mistakes.js';
import type { NeuronInputsOptions, NeuronInputsResult } from '../../../experiments/neuron-inputs.js';
import type { NoiseOptions, NoiseResult } from '../../../experiments/noise.js';
import type { ShuffledLabelsOptions, ShuffledLabelsResult } from '../../../experiments/shuffled-labels.js';
import type { TrainingCurves } from '../../../experiments/training-curves.js';

/** Each experiment's options and result, by name: what the page asks and the Worker answers. */
export interface ExperimentTypes {
  noise: { options: Partial<NoiseOptions>; result: NoiseResult };
  'shuffled-labels': { options: Partial<ShuffledLabelsOptions>; result: ShuffledLabelsResult };
  'neuron-inputs': { options: Partial<NeuronInputsOptions>; result: NeuronInputsResult };
  fool: { options: Partial<FoolOptions>; result: FoolResult };
  mistakes: { options: Partial<MistakesOptions>; result: MistakesResult };
  activations: { options: Partial<ActivationsOptions>; result: ActivationsResult };
}

/** The experiments the Worker runs (the same src/experiments code as the CLI). */
export type ExperimentName = keyof ExperimentTypes;

/** Page → Worker: run one experiment. */
export interface RunRequest {
  readonly type: 'run';
  readonly id: number;
  readonly experiment: ExperimentName;
  readonly options: object;
  /** The site's root URL: its data/ holds MNIST, and the pretrained model sits there. */
  readonly root: string;
}

/** Worker → page. */
export type FromExperimentWorker =
  | { readonly type: 'status'; readonly id: number; readonly stage: 'loading-data' | 'loading-model' | 'running' }
  | { readonly type: 'epoch'; readonly id: number; readonly run: string; readonly epoch: number; readonly curves: TrainingCurves }
  | { readonly type: 'result'; readonly id: number; readonly result: ExperimentTypes[ExperimentName]['result']; readonly seconds: number; readonly backend: string }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
