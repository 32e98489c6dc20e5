import { MAX_PARAMETERS } from '../../core/network.js';

/**
 * The limits of the training settings a Lab page accepts, from its form or its address.
 * Each is the CLI's own limit (`resolveSettings` in src/train/settings.ts — the test
 * test/lab/setting-limits.test.ts holds these numbers to it at every boundary), narrowed
 * where a browser tab must stay smaller: layers of at most 4,096 neurons, 8 hidden layers,
 * 5 million parameters, mini-batches no larger than the 60,000 training images.
 */
export const LAB_LIMITS = {
  /** Neurons per hidden layer (the CLI: 1–100,000). */
  layerSize: { min: 1, max: 4096 },
  hiddenLayers: { max: 8 },
  /** Largest network the Lab trains in a tab (784-800-800-10 has 1.3 million; the CLI: MAX_PARAMETERS). */
  parameters: { max: Math.min(5_000_000, MAX_PARAMETERS) },
  /** η: more than 0, at most 10⁶ (the CLI's). */
  learningRate: { min: 0, max: 1e6 },
  /** Mini-batch size (the CLI: 1–1,000,000). */
  batchSize: { min: 1, max: 60_000 },
  seed: { min: 0, max: 0xffffffff },
  /** L2 penalty λ (the CLI: 0 up to 10⁶). */
  l2: { min: 0, max: 1 },
  /** Dropout probability, capped as the CLI's --dropout is. */
  dropout: { min: 0, max: 0.99 },
} as const;
