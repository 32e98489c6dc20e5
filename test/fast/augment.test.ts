// The kernels' augmentation (asm/augment.ts through src/fast/wasm-warp.ts) writes the bytes of
// the TypeScript warp, bit for bit: on real MNIST batches (affine and elastic, several seeds),
// on odd-sized images (the two-pixel passes' spare lane), on maps that push the digit out of
// the frame, and on a NaN map; and the fast backend hands it to the trainer.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Network } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import { type Affine, type AugmentName, controlGrid, DEFAULT_ELASTIC, warpImage } from '../../src/data/augment.js';
import { Augmenter } from '../../src/data/augmenter.js';
import type { Dataset } from '../../src/data/dataset.js';
import { createFastBackend } from '../../src/fast/factory.js';
import { instantiateKernels } from '../../src/fast/kernels.js';
import { loadKernelsModule } from '../../src/fast/node.js';
import { WasmWarp } from '../../src/fast/wasm-warp.js';
import { randomDataset, realMnist, settingsFor } from './helpers.js';

async function engine(): Promise<WasmWarp> {
  return new WasmWarp(instantiateKernels(await loadKernelsModule()));
}

/** Batches from both augmenters over the same order and seed; returns the number of differing bytes. */
function differingBytes(data: Dataset, kind: AugmentName, warp: WasmWarp, seed: number, batches: number, batchSize: number): number {
  const here = new Augmenter(kind, data.rows, data.cols, batchSize);
  const fast = new Augmenter(kind, data.rows, data.cols, batchSize, undefined, undefined, warp);
  const order = new Uint32Array(data.count).map((_, i) => i);
  new Rng(seed + 100).shuffle(order);
  const rngHere = new Rng(seed);
  const rngFast = new Rng(seed);
  let differing = 0;
  for (let b = 0; b < batches; b++) {
    const start = (b * batchSize) % (data.count - batchSize);
    const expected = here.batch(data, order, start, batchSize, rngHere);
    const actual = fast.batch(data, order, start, batchSize, rngFast);
    assert.deepEqual(actual.labels, expected.labels);
    for (let i = 0; i < expected.images.length; i++) if (actual.images[i] !== expected.images[i]) differing++;
  }
  assert.equal(rngFast.uniform(), rngHere.uniform(), 'both drew the same random numbers');
  return differing;
}

describe('augmentation in the kernels', () => {
  it('writes the same bytes as the TypeScript warp on real MNIST batches', async () => {
    const { train } = await realMnist();
    const warp = await engine();
    for (const kind of ['affine', 'elastic'] as const) {
      for (const seed of [1, 2, 3]) assert.equal(differingBytes(train, kind, warp, seed, 20, 100), 0, `${kind}, seed ${seed}`);
    }
  });

  it('writes the same bytes on odd-sized images and odd batch sizes', async () => {
    const warp = await engine();
    for (const [rows, cols] of [[27, 25], [28, 27], [13, 28], [5, 3]]) {
      const data = randomDataset(200, rows, cols, 10, rows * cols);
      for (const kind of ['affine', 'elastic'] as const) {
        assert.equal(differingBytes(data, kind, warp, 5, 8, 33), 0, `${rows}×${cols}, ${kind}`);
      }
    }
  });

  it('writes the same bytes for maps far out of the frame, and a NaN map', async () => {
    const { train } = await realMnist();
    const warp = await engine();
    const maps: Affine[] = [
      { angle: 3, scale: 0.2, dx: 40, dy: -35 },
      { angle: -1, scale: 5, dx: -1e6, dy: 1e6 },
      { angle: 0.3, scale: 1.5, dx: 14, dy: 0 },
      { angle: NaN, scale: 1, dx: 0, dy: 0 },
    ];
    const target = new Uint8Array(maps.length * 784);
    const flat = new Float64Array(4 * maps.length);
    maps.forEach((m, r) => flat.set([Math.cos(m.angle) / m.scale, Math.sin(m.angle) / m.scale, m.dx, m.dy], 4 * r));
    const sourceOffsets = Int32Array.from(maps, (_, r) => (r + 7) * 784);
    warp.warp({ source: train.images, sourceOffsets, count: maps.length, rows: 28, cols: 28, maps: flat, elastic: null, target });
    const expected = new Uint8Array(784);
    maps.forEach((m, r) => {
      warpImage(train.images, (r + 7) * 784, expected, 0, 28, 28, m);
      assert.deepEqual(target.subarray(r * 784, (r + 1) * 784), expected, `map ${r}`);
    });
    assert.ok(target.subarray(2 * 784, 3 * 784).some((v) => v > 0), 'a moved digit keeps ink');
  });

  it('is what the fast backend offers the trainer when the settings augment', async () => {
    const module = await loadKernelsModule();
    const factory = createFastBackend(module);
    const plain = settingsFor({ sizes: [784, 16, 16, 10] });
    const augmented = settingsFor({ sizes: [784, 16, 16, 10], augment: 'elastic' });
    const net = Network.random({ sizes: plain.sizes, activation: plain.activation, outputActivation: plain.outputActivation }, plain.init, new Rng(1));
    assert.equal(factory(net, plain).warp, undefined);
    assert.ok(factory(net, augmented).warp instanceof WasmWarp);
    assert.ok(factory(net, { ...augmented, dropout: 0.2 }).warp instanceof WasmWarp);
    assert.deepEqual(controlGrid(28, 28, DEFAULT_ELASTIC), { gx: 8, gy: 8 });
  });
});
