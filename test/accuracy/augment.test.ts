// Augmentation: labels kept, image statistics sane, seeded and deterministic, the identity
// map changes nothing, shifts move ink where they should, and nothing outside the batch is
// touched.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from '../../src/core/rng.js';
import { IDENTITY_AFFINE, sampleAffine, sampleElasticField, warpImage, DEFAULT_AFFINE, DEFAULT_ELASTIC } from '../../src/data/augment.js';
import { Augmenter } from '../../src/data/augmenter.js';
import type { Dataset } from '../../src/data/dataset.js';
import { realMnist } from '../fast/helpers.js';

/** Mean pixel value and ink centre of mass of image i. */
function stats(images: Uint8Array, i: number): { mean: number; cx: number; cy: number } {
  let sum = 0, sx = 0, sy = 0;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const v = images[i * 784 + y * 28 + x];
      sum += v;
      sx += v * x;
      sy += v * y;
    }
  }
  return { mean: sum / 784, cx: sx / sum, cy: sy / sum };
}

describe('warpImage', () => {
  it('the identity map copies the image exactly', async () => {
    const { train } = await realMnist();
    const out = new Uint8Array(784);
    for (let i = 0; i < 20; i++) {
      warpImage(train.images, i * 784, out, 0, 28, 28, IDENTITY_AFFINE);
      assert.deepEqual(out, train.images.subarray(i * 784, (i + 1) * 784));
    }
  });

  it('a whole-pixel shift moves every pixel by that much (background comes in at the edge)', () => {
    const src = new Uint8Array(784);
    src[10 * 28 + 12] = 200;
    src[14 * 28 + 14] = 90;
    const out = new Uint8Array(784);
    warpImage(src, 0, out, 0, 28, 28, { angle: 0, scale: 1, dx: 2, dy: -1 });
    assert.equal(out[9 * 28 + 14], 200);
    assert.equal(out[13 * 28 + 16], 90);
    assert.equal(out.reduce((a, b) => a + b, 0), 290);
  });

  it('elastic fields are smooth and of the documented size', () => {
    const fx = new Float32Array(784);
    const fy = new Float32Array(784);
    sampleElasticField(new Rng(4), 28, 28, DEFAULT_ELASTIC, fx, fy);
    let sq = 0, jump = 0;
    for (let y = 0; y < 28; y++) {
      for (let x = 0; x < 28; x++) {
        sq += fx[y * 28 + x] ** 2 + fy[y * 28 + x] ** 2;
        if (x > 0) jump = Math.max(jump, Math.abs(fx[y * 28 + x] - fx[y * 28 + x - 1]));
      }
    }
    const rms = Math.sqrt(sq / (2 * 784));
    assert.ok(rms > 0.3 && rms < 2, `rms displacement ${rms} px`);
    // Neighbouring pixels move almost together (control points 4 px apart).
    assert.ok(jump < 2, `largest step between neighbours ${jump} px`);
  });

  it('random affine maps stay within their ranges', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 1000; i++) {
      const m = sampleAffine(rng);
      assert.ok(Math.abs(m.dx) <= DEFAULT_AFFINE.shift && Math.abs(m.dy) <= DEFAULT_AFFINE.shift);
      assert.ok(Math.abs(m.angle) <= (DEFAULT_AFFINE.rotation * Math.PI) / 180);
      assert.ok(Math.abs(m.scale - 1) <= DEFAULT_AFFINE.scale);
    }
  });
});

describe('Augmenter', () => {
  for (const kind of ['affine', 'elastic'] as const) {
    it(`${kind}: keeps labels, ink and centre sane, leaves the data set alone, and is seeded`, async () => {
      const { train } = await realMnist();
      const copy = train.images.slice(0, 200 * 784);
      const indices = new Uint32Array(200).map((_, i) => (i * 37) % 200);
      const a = new Augmenter(kind, 28, 28, 200);
      const batch: Dataset = a.batch(train, indices, 0, 200, new Rng(3));
      assert.equal(batch.count, 200);
      for (let r = 0; r < 200; r++) assert.equal(batch.labels[r], train.labels[indices[r]]);
      assert.deepEqual(train.images.subarray(0, 200 * 784), copy);
      let changed = 0;
      for (let r = 0; r < 200; r++) {
        const before = stats(train.images, indices[r]);
        const after = stats(batch.images, r);
        // Scale ±10 % changes the ink area by up to ~±21 %; bilinear resampling blurs a little.
        assert.ok(after.mean > 0.6 * before.mean && after.mean < 1.5 * before.mean, `image ${r}: mean ${before.mean} → ${after.mean}`);
        // Shift ≤ 2 px, plus rotation/scale about the centre and bending: the ink's centre stays near.
        assert.ok(Math.hypot(after.cx - before.cx, after.cy - before.cy) < 5, `image ${r}: centre moved too far`);
        if (batch.images.subarray(r * 784, (r + 1) * 784).some((v, p) => v !== train.images[indices[r] * 784 + p])) changed++;
      }
      assert.ok(changed > 190, `only ${changed} of 200 images changed`);
      const again = new Augmenter(kind, 28, 28, 200).batch(train, indices, 0, 200, new Rng(3));
      assert.deepEqual(again.images, batch.images);
      const other = new Augmenter(kind, 28, 28, 200).batch(train, indices, 0, 200, new Rng(4));
      assert.notDeepEqual(other.images, batch.images);
    });
  }

  it('none copies the images', async () => {
    const { train } = await realMnist();
    const indices = Uint32Array.from([5, 3, 9]);
    const b = new Augmenter('none', 28, 28, 3).batch(train, indices, 0, 3, new Rng(1));
    for (let r = 0; r < 3; r++) assert.deepEqual(b.images.subarray(r * 784, (r + 1) * 784), train.images.subarray(indices[r] * 784, (indices[r] + 1) * 784));
  });

  it('each batch is a new view object (backends that cache an encoding by identity re-encode)', async () => {
    const { train } = await realMnist();
    const a = new Augmenter('affine', 28, 28, 10);
    const rng = new Rng(1);
    const first = a.batch(train, Uint32Array.from([0, 1]), 0, 2, rng);
    const second = a.batch(train, Uint32Array.from([0, 1]), 0, 2, rng);
    assert.notEqual(first.images, second.images);
  });
});
