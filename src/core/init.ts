import type { Rng } from './rng.js';

/**
 * How the weights and biases start (random, from the seed).
 * - `normal`: every weight and bias ~ N(0, 1), as in Nielsen's `network.py` and the
 *   C reference. With 784 inputs a neuron's z then has a standard deviation of ~10, so
 *   sigmoid neurons start saturated and learn slowly at first.
 * - `xavier`: weights ~ N(0, 1/n_in) (LeCun/Glorot fan-in scaling), biases 0; z starts
 *   with unit variance, where σ is steep.
 * - `he`: weights ~ N(0, 2/n_in), biases 0; the scaling that keeps ReLU activations'
 *   variance constant from layer to layer (He et al., 2015).
 */
export type InitName = 'normal' | 'xavier' | 'he';
/** The names accepted, for parsers and menus. */
export const INITS: readonly InitName[] = ['normal', 'xavier', 'he'];

/**
 * Fills one layer's weights (rows = neurons, columns = inputs) and biases. Draw order is
 * fixed — the weights row by row, then the biases — so a seed means the same network in
 * the CLI and in the Lab.
 */
export function initLayer(
  init: InitName,
  weights: Float32Array,
  biases: Float32Array,
  fanIn: number,
  rng: Rng,
): void {
  const scale = init === 'normal' ? 1 : Math.sqrt((init === 'he' ? 2 : 1) / fanIn);
  for (let i = 0; i < weights.length; i++) weights[i] = rng.normal() * scale;
  for (let j = 0; j < biases.length; j++) biases[j] = init === 'normal' ? rng.normal() : 0;
}
