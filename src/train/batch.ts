import type { Dataset } from '../data/dataset.js';

/**
 * Copies examples `indices[start .. start+count)` of a data set into a batch: pixels as
 * floats in [0, 1] (byte / 255) row after row, and their labels. This is the only place
 * bytes become floats, one mini-batch at a time.
 */
export function gatherBatch(
  data: Dataset,
  indices: ArrayLike<number>,
  start: number,
  count: number,
  pixels: Float32Array,
  labels: Uint8Array,
): void {
  const size = data.rows * data.cols;
  for (let r = 0; r < count; r++) {
    const example = indices[start + r];
    const from = example * size;
    const to = r * size;
    for (let p = 0; p < size; p++) pixels[to + p] = data.images[from + p] / 255;
    labels[r] = data.labels[example];
  }
}

/** Copies the consecutive examples [start, start+count) (for evaluation, no shuffling). */
export function gatherRange(data: Dataset, start: number, count: number, pixels: Float32Array): void {
  const size = data.rows * data.cols;
  const from = start * size;
  for (let i = 0; i < count * size; i++) pixels[i] = data.images[from + i] / 255;
}
