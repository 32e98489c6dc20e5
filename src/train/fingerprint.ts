import type { Dataset } from '../data/dataset.js';

/**
 * FNV-1a (32-bit) over a training set's labels and pixels, with its size: enough to notice
 * that `--resume` found different data than the run started with.
 */
export function datasetFingerprint(data: Dataset): string {
  let h = 0x811c9dc5;
  const mix = (bytes: Uint8Array): void => {
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  };
  mix(data.labels);
  mix(data.images);
  return `fnv1a32:${(h >>> 0).toString(16).padStart(8, '0')}:${data.count}x${data.rows}x${data.cols}`;
}
