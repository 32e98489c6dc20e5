import { Network, SEED_ARCHITECTURE } from '../../../../core/network.js';
import { Rng } from '../../../../core/rng.js';
import { SEED_SETTINGS } from '../../../../train/settings.js';

/**
 * What chapter 2's sections share during the visit: the seed of the untrained network (chosen
 * in "a random start", used again for the cost), and the network the learner trained live in
 * "watch it learn" (for "what the first layer learned").
 */
export const lesson = {
  /** Seed of the untrained network shown. */
  seed: SEED_SETTINGS.seed,
  /** The learner's live run: its latest network, mini-batches and test accuracy (null before any step). */
  trained: null as { readonly network: Network; readonly batches: number; readonly seed: number } | null,
};

/**
 * The network a training run with `seed` starts from: the source document's 784-16-16-10
 * sigmoid network with the seed's initial weights and biases (`Trainer` draws the same numbers
 * from `Rng(seed)` first).
 */
export function untrainedNetwork(seed: number): Network {
  return Network.random(SEED_ARCHITECTURE, SEED_SETTINGS.init, new Rng(seed));
}
