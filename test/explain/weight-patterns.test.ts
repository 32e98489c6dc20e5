import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Network, SEED_ARCHITECTURE } from '../../src/core/network.js';
import { Rng } from '../../src/core/rng.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { layerPatterns, usedPixels, weightPattern } from '../../src/explain/weight-patterns.js';
import { loadModel } from '../../src/model/model-io.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const [mnist, model] = await Promise.all([loadMnist(), loadModel(join(ROOT, 'models/pretrained.json'))]);
const mask = usedPixels(mnist.test);

test('the pixels used are the ones MNIST inks: never the corners, always the centre', () => {
  assert.equal(mask[0], 0);
  assert.equal(mask[27], 0);
  assert.equal(mask[27 * 28 + 27], 0);
  assert.equal(mask[14 * 28 + 14], 1);
  const used = mask.reduce((s, v) => s + v, 0);
  assert.ok(used > 300 && used < 700, `${used} pixels`);
});

test('random starting weights: no smoothness, no locality', () => {
  for (const seed of [1, 2, 3]) {
    const p = layerPatterns(Network.random(SEED_ARCHITECTURE, 'xavier', new Rng(seed)).weights[0], 16, mask);
    assert.ok(Math.abs(p.medianSmoothness) < 0.1, `seed ${seed}: smoothness ${p.medianSmoothness}`);
    assert.ok(p.medianLocality < 0.25, `seed ${seed}: locality ${p.medianLocality}`);
  }
});

test('a clean edge is local; a wide blob is smooth but not local', () => {
  const edge = new Float64Array(784);
  for (let y = 10; y < 15; y++) for (let x = 12; x < 17; x++) edge[y * 28 + x] = x < 14 ? 1 : x > 14 ? -1 : 0;
  const e = weightPattern(edge, mask);
  assert.ok(e.locality > 0.99, `edge locality ${e.locality}`);
  assert.ok(e.smoothness > 0.5, `edge smoothness ${e.smoothness}`);
  const blob = Float64Array.from({ length: 784 }, (_, p) => Math.exp(-(((p % 28) - 14) ** 2 + (Math.floor(p / 28) - 14) ** 2) / (2 * 36)));
  const b = weightPattern(blob, mask);
  assert.ok(b.smoothness > 0.9, `blob smoothness ${b.smoothness}`);
  assert.ok(b.locality < 0.6, `blob locality ${b.locality}`);
});

test('the trained first layer lies between: far smoother than noise, far less local than edges', () => {
  const p = layerPatterns(model.network.weights[0], 16, mask);
  assert.ok(p.medianSmoothness > 0.3, `smoothness ${p.medianSmoothness}`);
  assert.ok(p.medianLocality < 0.6, `locality ${p.medianLocality}`);
  assert.equal(p.neurons.length, 16);
});
