import { join } from 'node:path';
import type { Network } from '../../src/core/network.js';
import type { DatasetPair } from '../../src/data/dataset.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { type NoiseResult, runNoise } from '../../src/experiments/noise.js';
import { runShuffledLabels, type ShuffledLabelsResult } from '../../src/experiments/shuffled-labels.js';
import { datasetCost, type SparseImages, sparseImages } from '../../src/explain/dataset-cost.js';
import { fastBackendFactory } from '../../src/fast/node.js';
import { shuffledRun } from '../../src/lab/pages/learn/chapter2/shuffled-run.js';
import { loadModel } from '../../src/model/model-io.js';
import type { BackendFactory } from '../../src/train/trainer.js';
import { resolveSettings } from '../../src/train/settings.js';
import { Trainer } from '../../src/train/trainer.js';
import { ROOT } from './harness.js';

/**
 * What chapter 2's browser test recomputes in Node, independently of the page: the pretrained
 * model, the real MNIST (both splits) and the WebAssembly backend, and the long results the
 * figures show — average costs over the training set, the noise experiment, the shuffled-labels
 * run, a training run stopped after n mini-batches — each computed once per input.
 */
export interface Chapter2Engine {
  readonly net: Network;
  readonly data: DatasetPair;
  averageCost(net: Network): number;
  noise(seed: number): NoiseResult;
  shuffled(seed: number): ShuffledLabelsResult;
  /** The network of "watch it learn" from `seed` after `batches` mini-batches, and its test accuracy. */
  trained(seed: number, batches: number): { readonly network: Network; readonly accuracy: number };
  /** The network `digitlab train --seed <seed>` starts from (the source document's settings). */
  untrained(seed: number): Network;
}

/** Loads the model, the data and the backend. */
export async function loadChapter2Engine(): Promise<Chapter2Engine> {
  const [model, data, backend] = await Promise.all([loadModel(join(ROOT, 'models/pretrained.json')), loadMnist(), fastBackendFactory()]);
  let sparse: SparseImages | null = null;
  const costs = new Map<Network, number>();
  const noises = new Map<number, NoiseResult>();
  const shuffles = new Map<number, ShuffledLabelsResult>();
  const runs = new Map<string, { network: Network; accuracy: number }>();
  return {
    net: model.network,
    data,
    averageCost(net) {
      sparse ??= sparseImages(data.train);
      if (!costs.has(net)) costs.set(net, datasetCost(net, net, 'quadratic', sparse));
      return costs.get(net) as number;
    },
    noise(seed) {
      if (!noises.has(seed)) noises.set(seed, runNoise(model.network, data.test, { count: 1000, seed }));
      return noises.get(seed) as NoiseResult;
    },
    shuffled(seed) {
      if (!shuffles.has(seed)) shuffles.set(seed, runShuffledLabels(data, shuffledRun(seed), { backend }));
      return shuffles.get(seed) as ShuffledLabelsResult;
    },
    untrained(seed) {
      return trainFor(data, seed, 0, backend).network;
    },
    trained(seed, batches) {
      const key = `${seed}:${batches}`;
      if (!runs.has(key)) runs.set(key, trainFor(data, seed, batches, backend));
      return runs.get(key) as { network: Network; accuracy: number };
    },
  };
}

function trainFor(data: DatasetPair, seed: number, batches: number, backend: BackendFactory): { network: Network; accuracy: number } {
  const trainer = new Trainer(resolveSettings({ seed }), data, { backend });
  for (let i = 0; i < batches; i++) trainer.step();
  const accuracy = trainer.evaluate(data.test);
  const network = trainer.network().clone();
  trainer.dispose();
  return { network, accuracy };
}
