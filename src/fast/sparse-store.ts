import type { Dataset } from '../data/dataset.js';
import type { Kernels } from './kernels.js';
import { ENTRY_BYTES, ensureMemory, type MemoryPlan } from './layout.js';

/** A data set encoded once into the kernels' memory: non-zero pixels only (asm/sparse.ts). */
export interface SparseStore {
  /** The data set's bytes it was made from (identity, to know when to re-encode). */
  readonly images: Uint8Array;
  readonly count: number;
  /** Byte offsets in the kernels' memory. */
  readonly offsets: number;
  readonly labels: number;
  readonly entries: number;
  /** First byte after the store. */
  readonly end: number;
}

/**
 * Copies `data` into the kernels' memory at `at` as a sparse store, `plan`'s chunk buffer
 * at a time (the dense bytes never sit in wasm memory all at once). MNIST's 60,000 training
 * images take ~27 MB. Grows the memory as needed.
 */
export function encodeDataset(kernels: Kernels, plan: MemoryPlan, capacity: number, data: Dataset, at: number): SparseStore {
  const size = data.rows * data.cols;
  const { memory } = kernels;
  const offsets = at;
  const labels = offsets + (data.count + 1) * 4;
  const entries = Math.ceil((labels + data.count) / 64) * 64;
  ensureMemory(memory, entries);
  new Uint8Array(memory.buffer, labels, data.count).set(data.labels.subarray(0, data.count));
  let next = 0;
  for (let first = 0; first < data.count; first += capacity) {
    const n = Math.min(capacity, data.count - first);
    // Worst case every pixel of the chunk is ink.
    ensureMemory(memory, entries + (next + n * size) * ENTRY_BYTES + 16);
    new Uint8Array(memory.buffer, plan.chunkBytes, n * size).set(data.images.subarray(first * size, (first + n) * size));
    next = kernels.encodeSparse(plan.chunkBytes, n, size, offsets + first * 4, entries, next);
  }
  return { images: data.images, count: data.count, offsets, labels, entries, end: entries + next * ENTRY_BYTES };
}
