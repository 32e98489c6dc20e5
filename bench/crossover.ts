// `node --import tsx bench/crossover.ts [--rounds 5] [--batches 60]`: where two threads start
// to pay. For 784-w-w-10 at several widths w, in both recipes, trains `--batches` mini-batches
// on one thread and on two (the helper thread, src/fast/helper-pool.ts), alternating round by
// round in this process, and prints the median ratio two/one of the wall time per batch (below
// 1 = two threads are faster). THREADS_FROM (src/fast/factory.ts) is set from this.
import { Network } from '../src/core/network.js';
import { Rng } from '../src/core/rng.js';
import { loadMnist } from '../src/data/idx-dir.js';
import { createFastBackend } from '../src/fast/factory.js';
import { loadKernelsModule, nodeHelper, SHARED_KERNELS_WASM_PATH } from '../src/fast/node.js';
import type { BackendFactory } from '../src/train/trainer.js';
import { median } from './measurement.js';
import { RECIPES, recipeSettings } from './recipes.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg('rounds', 5);
const batches = arg('batches', 60);
const { train } = await loadMnist();
const module = await loadKernelsModule();
const helper = await nodeHelper();
if (!helper) throw new Error('no helper thread (one core?)');
const one = createFastBackend(module);
// Force two threads at every width: a helper with THREADS_FROM bypassed through the options.
const two = createFastBackend(module, { sharedModule: await loadKernelsModule(SHARED_KERNELS_WASM_PATH), helper, threadsFrom: 0, adaptive: false });
const order = new Uint32Array(train.count).map((_, i) => i);
new Rng(7).shuffle(order);

function msPerBatch(factory: BackendFactory, sizes: number[], recipe: 'seed' | 'modern'): number {
  const s = recipeSettings(sizes, recipe);
  const backend = factory(Network.random(s, s.init, new Rng(1)), s);
  for (let b = 0; b < 5; b++) backend.trainMiniBatch(train, order, b * 100, 100, s.learningRate);
  const t0 = performance.now();
  for (let b = 0; b < batches; b++) backend.trainMiniBatch(train, order, ((b + 5) % 600) * 100, 100, s.learningRate);
  const ms = (performance.now() - t0) / batches;
  backend.dispose();
  return ms;
}

for (const recipe of RECIPES) {
  for (const w of [32, 64, 100, 128, 192, 256, 512]) {
    const sizes = [784, w, w, 10];
    const ratios: number[] = [];
    const ones: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const a = msPerBatch(one, sizes, recipe);
      const b = msPerBatch(two, sizes, recipe);
      ones.push(a);
      ratios.push(b / a);
    }
    console.log(JSON.stringify({ recipe, sizes: sizes.join('-'), oneThreadMsPerBatch: +median(ones).toFixed(3), twoOverOne: +median(ratios).toFixed(3), min: +Math.min(...ratios).toFixed(3), max: +Math.max(...ratios).toFixed(3) }));
  }
}
