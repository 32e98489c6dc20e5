/// <reference lib="webworker" />
import type { Dataset } from '../../../../data/dataset.js';
import { runNoise } from '../../../../experiments/noise.js';
import { runShuffledLabels } from '../../../../experiments/shuffled-labels.js';
import { datasetCost, sparseImages } from '../../../../explain/dataset-cost.js';
import type { Network } from '../../../../core/network.js';
import { loadPair, loadSplit } from '../../../shared/data-loader.js';
import { loadFastBackend } from '../../../shared/kernel-loader.js';
import { loadPretrained } from '../../../shared/model-loader.js';
import type { LessonMessage, LessonRequest, LessonResults } from './lesson-jobs.js';
import { untrainedNetwork } from './lesson.js';

/**
 * Chapter 2's Worker: one job per Worker — the average cost over the 60,000 training images
 * (`datasetCost`, src/explain), the noise experiment (`runNoise`) and the shuffled-labels
 * experiment (`runShuffledLabels`, with the WebAssembly kernels), the very functions the CLI
 * runs. It fetches what the job needs (MNIST through the shared loader, the pretrained model)
 * and reports loading, each epoch and the result.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: LessonMessage): void => scope.postMessage(m);

function progress(): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    if (fraction - last >= 0.05 || fraction === 1) {
      last = fraction;
      post({ type: 'loading', fraction });
    }
  };
}

async function pretrainedNetwork(root: string): Promise<Network> {
  return (await loadPretrained(root)).network;
}

async function run(r: LessonRequest): Promise<LessonResults[LessonRequest['job']]> {
  switch (r.job) {
    case 'average-cost': {
      const [train, trained] = await Promise.all([loadSplit(r.root, 'mnist', 'train', progress()), pretrainedNetwork(r.root)]);
      post({ type: 'running' });
      const images = sparseImages(train);
      const untrained = untrainedNetwork(r.seed);
      return { count: images.count, seed: r.seed, untrained: datasetCost(untrained, untrained, 'quadratic', images), trained: datasetCost(trained, trained, 'quadratic', images) };
    }
    case 'noise': {
      const [test, net]: [Dataset, Network] = await Promise.all([loadSplit(r.root, 'mnist', 'test', progress()), pretrainedNetwork(r.root)]);
      post({ type: 'running' });
      return runNoise(net, test, { count: r.count, seed: r.seed });
    }
    case 'shuffled': {
      const [data, backend] = await Promise.all([loadPair(r.root, 'mnist', progress()), loadFastBackend()]);
      post({ type: 'running' });
      return runShuffledLabels(data, r.options, { backend, onEpoch: (run, epoch, curves) => post({ type: 'epoch', run, epoch, curves }) });
    }
  }
}

scope.onmessage = (event: MessageEvent<LessonRequest>) => {
  const t0 = performance.now();
  run(event.data)
    .then((result) => post({ type: 'result', result, seconds: (performance.now() - t0) / 1000 }))
    .catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
};
