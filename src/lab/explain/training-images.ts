import type { Dataset } from '../../data/dataset.js';
import { parseIdx } from '../../data/idx.js';
import { makeDataset } from '../../data/pair.js';

/** The MNIST training set's two files as the Lab's server gives them under /data/. */
const NAMES = { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte' } as const;
const TOTAL_BYTES = 47_040_016 + 60_008;

let loading: Promise<Dataset> | null = null;

/**
 * The 60,000 MNIST training images (fetched once per page, ~47 MB), for the nudges and
 * SGD-path panels. `onProgress` gets the fraction of bytes received.
 */
export function loadTrainingSet(baseUrl: string, onProgress: (fraction: number) => void): Promise<Dataset> {
  loading ??= (async () => {
    let received = 0;
    const [images, labels] = await Promise.all(
      [NAMES.images, NAMES.labels].map(async (name) => {
        const response = await fetch(`${baseUrl}${name}`);
        if (!response.ok || !response.body) throw new Error(`${name}: HTTP ${response.status}`);
        const reader = response.body.getReader();
        const chunks: Uint8Array[] = [];
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          received += value.length;
          onProgress(Math.min(1, received / TOTAL_BYTES));
        }
        const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let o = 0;
        for (const c of chunks) {
          bytes.set(c, o);
          o += c.length;
        }
        return parseIdx(bytes, name);
      }),
    );
    return makeDataset(images, labels, NAMES);
  })();
  return loading;
}
