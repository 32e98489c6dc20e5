import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { DatasetPair } from '../../src/data/dataset.js';
import { loadMnist } from '../../src/data/idx-dir.js';

/** What a data test file works with: full MNIST and a scratch folder of its own. */
export interface MnistAndScratch {
  readonly mnist: DatasetPair;
  readonly scratch: string;
}

/**
 * Called at a test file's top level: registers the hooks that load full MNIST and make a fresh
 * scratch folder (its name starting with `prefix`) before the tests, and remove the folder after
 * them. The returned object is filled in by that `before`, so its fields are read in tests only.
 */
export function useMnistAndScratch(prefix: string): MnistAndScratch {
  const data = { mnist: undefined as unknown as DatasetPair, scratch: '' };
  before(async () => {
    data.mnist = await loadMnist();
    data.scratch = await mkdtemp(join(tmpdir(), prefix));
  });
  after(async () => {
    if (data.scratch !== '') await rm(data.scratch, { recursive: true, force: true });
  });
  return data;
}
