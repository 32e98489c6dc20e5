import { join } from 'node:path';
import { backward, createGradients } from '../../src/core/backprop.js';
import { quadratic } from '../../src/core/costs.js';
import { forward } from '../../src/core/forward.js';
import { Network, SEED_ARCHITECTURE } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import { traceExample, traceForward } from '../../src/core/trace.js';
import { Workspace } from '../../src/core/workspace.js';
import type { Dataset } from '../../src/data/dataset.js';
import { takeFirst } from '../../src/data/dataset.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { DEFAULT_CHAIN } from '../../src/explain/chain.js';
import { type SgdArrival, sgdArrival } from '../../src/explain/sgd-arrival.js';
import { sgdPath } from '../../src/explain/sgd-path.js';
import { trainingSetAverage } from '../../src/explain/training-set-nudges.js';
import { fastBackendFactory } from '../../src/fast/node.js';
import { loadModel } from '../../src/model/model-io.js';
import { resolveSettings } from '../../src/train/settings.js';
import { ROOT } from './harness.js';

/**
 * What chapter 3's browser test recomputes in Node, independently of the page: the pretrained
 * model and the untrained network (N(0, 1), seed 1, as `digitlab explain nudges --untrained 1`),
 * the real MNIST, and each figure's numbers from the engine's own passes — the transparent
 * pass for wishes and levers, the batched forward/backward for gradients, the training-set
 * average, the SGD path and the chain. Results that take seconds are computed once.
 */
export interface Engine3 {
  readonly nets: { readonly trained: Network; readonly untrained: Network };
  readonly train: Dataset;
  /** The per-image nudges averaged over the first n training images (cached). */
  average(net: 'trained' | 'untrained', n: number): ReturnType<typeof trainingSetAverage>;
  /** The course's SGD run at learning rate `rate`, as `sgdArrival` counts it (cached). */
  arrival(rate: number): SgdArrival;
}

/** Loads the models and the data. */
export async function loadEngine3(): Promise<Engine3> {
  const [model, data, backend] = await Promise.all([loadModel(join(ROOT, 'models/pretrained.json')), loadMnist(), fastBackendFactory()]);
  const nets = { trained: model.network, untrained: Network.random(SEED_ARCHITECTURE, 'normal', new Rng(1)) };
  const averages = new Map<string, ReturnType<typeof trainingSetAverage>>();
  const arrivals = new Map<number, SgdArrival>();
  return {
    nets,
    train: data.train,
    average(net, n) {
      const key = `${net}:${n}`;
      if (!averages.has(key)) averages.set(key, trainingSetAverage(nets[net], 'quadratic', data.train, n));
      return averages.get(key) as ReturnType<typeof trainingSetAverage>;
    },
    arrival(rate) {
      if (!arrivals.has(rate)) {
        const result = sgdPath({ settings: resolveSettings({ learningRate: rate }), train: takeFirst(data.train, 1000), fullBatchSteps: 50, sgdEpochs: 10, gridSize: 15, backend });
        arrivals.set(rate, sgdArrival(result));
      }
      return arrivals.get(rate) as SgdArrival;
    },
  };
}

/** The 784 bytes as the network takes them. */
export const scaled = (pixels: readonly number[]): Float64Array => Float64Array.from(pixels, (v) => v / 255);

/** Activations and slopes of the transparent pass, and −∂C/∂a of every layer (the wishes), for `pixels` labelled `label`. */
export function wishesOf(net: Network, pixels: readonly number[], label: number): { activations: Float64Array[]; slopes: Float64Array[]; wishes: Float64Array[] } {
  const t = traceExample(net, quadratic, scaled(pixels), label);
  return { activations: t.activations, slopes: t.slopes, wishes: t.activationGradients.map((g) => g.map((v) => -v)) };
}

/** The output activations of the forward pass alone. */
export function outputs(net: Network, pixels: ArrayLike<number>): Float64Array {
  return traceForward(net, pixels).activations[net.layerCount];
}

/** ∂C/∂W, ∂C/∂b and ∂C/∂a⁰ of one example by the engine's batched pass (float32), on a batch of one. */
export function batchedGradient(net: Network, pixels: readonly number[], label: number): { weights: Float32Array[]; input: Float32Array; deltas: Float32Array[] } {
  const ws = Workspace.for(net, 1);
  scaled(pixels).forEach((v, i) => (ws.input[i] = v));
  forward(net, ws, 1);
  const g = createGradients(net);
  backward(net, ws, [label], 1, quadratic, g, true);
  return { weights: g.weights, input: ws.inputGradient, deltas: ws.deltas };
}

/** ∂C0/∂w(1) of the default chain with input `a0`, measured: the central difference of its own forward pass (step 1e−6). */
export function chainSlope(a0: number): number {
  const sigma = (z: number): number => 1 / (1 + Math.exp(-z));
  const cost = (w1: number): number => {
    const w = [w1, DEFAULT_CHAIN.weights[1], DEFAULT_CHAIN.weights[2]];
    let a = a0;
    for (let l = 0; l < 3; l++) a = sigma(w[l] * a + DEFAULT_CHAIN.biases[l]);
    return (a - DEFAULT_CHAIN.target) ** 2;
  };
  const h = 1e-6;
  return (cost(DEFAULT_CHAIN.weights[0] + h) - cost(DEFAULT_CHAIN.weights[0] - h)) / (2 * h);
}
