import { resolveSettings } from '../src/train/settings.js';
import type { TrainingSettings } from '../src/model/training-settings.js';

/** The two recipes of the wide bench. */
export type RecipeName = 'seed' | 'modern';
/** Both, in report order. */
export const RECIPES: readonly RecipeName[] = ['seed', 'modern'];

/** The networks of the wide bench. */
export const WIDE_NETWORKS: readonly (readonly number[])[] = [[784, 16, 16, 10], [784, 100, 10], [784, 256, 256, 10], [784, 512, 512, 10]];

/**
 * The settings of a recipe for these layer sizes, as the peers (bench/peers/mlp.py) train it:
 *   seed:   sigmoid everywhere, quadratic cost, plain SGD η 0.5, Xavier init, batch 100;
 *   modern: ReLU hidden layers, softmax + cross-entropy, Adam η 0.001, He init, batch 100.
 */
export function recipeSettings(sizes: readonly number[], recipe: RecipeName): TrainingSettings {
  return recipe === 'modern'
    ? resolveSettings({ sizes: [...sizes], activation: 'relu', cost: 'cross-entropy', optimizer: 'adam', init: 'he', learningRate: 0.001, batchSize: 100, seed: 1 })
    : resolveSettings({ sizes: [...sizes], activation: 'sigmoid', cost: 'quadratic', optimizer: 'sgd', init: 'xavier', learningRate: 0.5, batchSize: 100, seed: 1 });
}
