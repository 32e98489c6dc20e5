// `node --import tsx bench/threads.ts`: measures whether splitting each mini-batch into two
// halves computed on two threads (worker_threads, SharedArrayBuffer + Atomics.wait) beats
// one thread, for the seed's network and a wide one. Prints one JSON line per network.
//
// Two threads per batch: post the batch → both compute the summed gradient of their half →
// the worker copies its gradient to shared memory → the main thread adds it, updates, and
// copies the new parameters to shared memory for the worker's next batch. Deterministic:
// the sum is always (first half) + (second half), whatever finishes first.
import { Worker } from 'node:worker_threads';
import { Rng } from '../src/core/rng.js';
import { loadMnist } from '../src/data/idx-dir.js';
import { loadKernelsModule } from '../src/fast/node.js';
import { experimentSettings, HalfTrainer } from './threads-shared.js';

const NETWORKS = process.argv.includes('--seed-only') ? [[784, 16, 16, 10]] : [[784, 16, 16, 10], [784, 100, 100, 10], [784, 800, 800, 10]];
const module = await loadKernelsModule();
const { train } = await loadMnist();
const order = new Uint32Array(train.count).map((_, i) => i);
new Rng(99).shuffle(order);

for (const sizes of NETWORKS) {
  const settings = experimentSettings(sizes);
  const m = settings.batchSize;
  const batches = sizes[1] > 100 ? 60 : 1200;
  const single = new HalfTrainer(module, settings, train);
  const run1 = (): number => {
    const t0 = performance.now();
    for (let b = 0; b < batches; b++) {
      single.gradients(order, (b % 600) * m, m);
      single.kernels.applyUpdate(m, settings.learningRate, 1, 1);
    }
    return (performance.now() - t0) / batches;
  };
  run1();
  const oneThread = Math.min(run1(), run1());

  const main = new HalfTrainer(module, settings, train);
  const control = new SharedArrayBuffer(16);
  const params = new SharedArrayBuffer(main.floats * 4);
  const grads = new SharedArrayBuffer(main.floats * 4);
  const ctrl = new Int32Array(control);
  const sharedParams = new Float32Array(params);
  const sharedGrads = new Float32Array(grads);
  const total = 3 * batches;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./threads-worker.ts', import.meta.url).href)}); });`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { module, sizes, control, params, grads, batches: total } });
  while (Atomics.load(ctrl, 2) === 0) await new Promise((r) => setTimeout(r, 10));
  main.exchange(main.paramRanges, sharedParams, true);
  let posted = 0;
  const first = m >> 1;
  const run2 = (): number => {
    const t0 = performance.now();
    for (let b = 0; b < batches; b++) {
      const n = posted++;
      Atomics.store(ctrl, 0, n + 1);
      Atomics.notify(ctrl, 0);
      main.gradients(order, (n % 600) * m, first);
      while (Atomics.load(ctrl, 1) < n + 1) Atomics.wait(ctrl, 1, n);
      main.addGradients(sharedGrads);
      main.kernels.applyUpdate(m, settings.learningRate, 1, 1);
      main.exchange(main.paramRanges, sharedParams, true);
    }
    return (performance.now() - t0) / batches;
  };
  run2();
  const twoThreads = Math.min(run2(), run2());
  await worker.terminate();
  console.log(JSON.stringify({ sizes: sizes.join('-'), batchSize: m, oneThreadMsPerBatch: +oneThread.toFixed(4), twoThreadsMsPerBatch: +twoThreads.toFixed(4), twoOverOne: +(twoThreads / oneThread).toFixed(2) }));
}
