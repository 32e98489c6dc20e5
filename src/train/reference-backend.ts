import { backward, createGradients, type Gradients } from '../core/backprop.js';
import type { Cost } from '../core/costs.js';
import { forward } from '../core/forward.js';
import { argmaxRow } from '../core/metrics.js';
import type { Network } from '../core/network.js';
import { createOptimizer, type Optimizer } from '../core/optimizers.js';
import { Workspace } from '../core/workspace.js';
import type { Dataset } from '../data/dataset.js';
import { gatherBatch } from './batch.js';
import { EVAL_CHUNK, predictRange } from './predict.js';
import type { OptimizerState, StepResult, TrainingBackend } from './backend.js';
import type { TrainingSettings } from '../model/training-settings.js';
import type { DropoutMasks } from './dropout.js';
import { trainingCost } from './label-smoothing.js';

/**
 * The plain TypeScript implementation of training: `forward`, `backward` and the optimizer
 * from `core`, on the `Network` object itself. Readable and exact (float64 sums); the fast
 * kernels are tested against it.
 */
export class ReferenceBackend implements TrainingBackend {
  readonly name = 'reference';
  private readonly ws: Workspace;
  private readonly evalWs: Workspace;
  private readonly grads: Gradients;
  private readonly optimizer: Optimizer;
  private readonly cost: Cost;
  private readonly labels: Uint8Array;

  /** Trains `network` in place with the optimizer and cost of `settings`. */
  constructor(private readonly network: Network, settings: TrainingSettings) {
    this.ws = Workspace.for(network, settings.batchSize);
    this.evalWs = Workspace.for(network, EVAL_CHUNK);
    this.grads = createGradients(network);
    this.optimizer = createOptimizer({ name: settings.optimizer, learningRate: settings.learningRate, l2: settings.l2 }, network);
    this.cost = trainingCost(settings);
    this.labels = new Uint8Array(settings.batchSize);
  }

  trainMiniBatch(data: Dataset, indices: Uint32Array, start: number, count: number, learningRate: number): StepResult {
    return this.step(data, indices, start, count, learningRate);
  }

  /** `trainMiniBatch` with dropout masks on the hidden layers (see train/dropout.ts). */
  trainMiniBatchDropout(data: Dataset, indices: Uint32Array, start: number, count: number, learningRate: number, masks: DropoutMasks): StepResult {
    return this.step(data, indices, start, count, learningRate, masks.masks);
  }

  private step(data: Dataset, indices: Uint32Array, start: number, count: number, learningRate: number, masks?: readonly Float32Array[]): StepResult {
    const net = this.network;
    gatherBatch(data, indices, start, count, this.ws.input, this.labels);
    const output = forward(net, this.ws, count, masks);
    const classes = net.sizes[net.layerCount];
    let correct = 0;
    for (let r = 0; r < count; r++) if (argmaxRow(output, r, classes) === this.labels[r]) correct++;
    const costSum = backward(net, this.ws, this.labels, count, this.cost, this.grads, false, masks);
    this.optimizer.step(net, this.grads, learningRate);
    return { costSum, correct };
  }

  predict(data: Dataset, start: number, count: number, predictions: Uint8Array): void {
    predictRange(this.network, this.evalWs, data, start, count, predictions);
  }

  readNetwork(target: Network): void {
    if (target !== this.network) target.copyParametersFrom(this.network);
  }

  writeNetwork(source: Network): void {
    if (source !== this.network) this.network.copyParametersFrom(source);
  }

  getOptimizerState(): OptimizerState {
    const s = this.optimizer.getState();
    return { step: s.step, buffers: s.buffers.map((b) => b.slice()) };
  }

  setOptimizerState(state: OptimizerState): void {
    this.optimizer.setState(state);
  }

  dispose(): void {}
}
