import { MAX_PARAMETERS } from '../../core/network.js';
import { SETTING_LIMITS } from '../../model/setting-limits.js';

const S = SETTING_LIMITS;

/**
 * The limits of the training settings a Lab page accepts, from its form or its address:
 * the one set of limits of the command line, the library and the file formats
 * (`SETTING_LIMITS`, src/model/setting-limits.ts), narrowed where a browser tab must stay
 * smaller — layers of at most 4,096 neurons, 8 hidden layers, 5 million parameters,
 * mini-batches no larger than the 60,000 training images, λ at most 1.
 */
export const LAB_LIMITS = {
  layerSize: { min: S.layerSize.min, max: Math.min(S.layerSize.max, 4096) },
  hiddenLayers: { max: 8 },
  /** Largest network the Lab trains in a tab (784-800-800-10 has 1.3 million). */
  parameters: { max: Math.min(5_000_000, MAX_PARAMETERS) },
  /** η: more than the minimum (0), at most the maximum. */
  learningRate: { min: S.learningRate.min, max: S.learningRate.max },
  batchSize: { min: S.batchSize.min, max: Math.min(S.batchSize.max, 60_000) },
  seed: { min: S.seed.min, max: S.seed.max },
  l2: { min: S.l2.min, max: Math.min(S.l2.max, 1) },
  dropout: { min: S.dropout.min, max: S.dropout.max },
} as const;
