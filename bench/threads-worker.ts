// The worker side of bench/threads.ts: computes the second half of every mini-batch.
import { workerData } from 'node:worker_threads';
import { loadMnist } from '../src/data/idx-dir.js';
import { Rng } from '../src/core/rng.js';
import { experimentSettings, HalfTrainer } from './threads-shared.js';

const { module, sizes, control, params, grads, batches } = workerData as {
  module: WebAssembly.Module; sizes: number[]; control: SharedArrayBuffer; params: SharedArrayBuffer; grads: SharedArrayBuffer; batches: number;
};
const settings = experimentSettings(sizes);
const { train } = await loadMnist();
const half = new HalfTrainer(module, settings, train);
const order = new Uint32Array(train.count).map((_, i) => i);
new Rng(99).shuffle(order);
const ctrl = new Int32Array(control);
const sharedParams = new Float32Array(params);
const sharedGrads = new Float32Array(grads);
const m = settings.batchSize;
const first = m >> 1;
Atomics.store(ctrl, 2, 1); // ready
Atomics.notify(ctrl, 2);
for (let b = 0; b < batches; b++) {
  // Wait for batch b to be posted (ctrl[0] = b + 1), then read the current parameters.
  while (Atomics.load(ctrl, 0) < b + 1) Atomics.wait(ctrl, 0, b);
  half.exchange(half.paramRanges, sharedParams, false);
  half.gradients(order, (b % 600) * m + first, m - first);
  half.exchange(half.gradRanges, sharedGrads, true);
  Atomics.store(ctrl, 1, b + 1);
  Atomics.notify(ctrl, 1);
}
