import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';
import type { DatasetPair } from '../../src/data/dataset.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { grayFromRgba, toMnistInput } from '../../src/data/preprocess.js';

let mnist: DatasetPair;
before(async () => {
  mnist = await loadMnist();
});

/** Bounding box of non-zero pixels and centre of mass Σ v·x / Σ v of a 28×28 byte image. */
function measure(image: Uint8Array): { width: number; height: number; comX: number; comY: number; mass: number } {
  let left = 28, right = -1, top = 28, bottom = -1, mass = 0, mx = 0, my = 0;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const v = image[y * 28 + x];
      if (v === 0) continue;
      left = Math.min(left, x); right = Math.max(right, x);
      top = Math.min(top, y); bottom = Math.max(bottom, y);
      mass += v; mx += v * x; my += v * y;
    }
  }
  return { width: right - left + 1, height: bottom - top + 1, comX: mx / mass, comY: my / mass, mass };
}

/** A `width × height` canvas of zeros with a filled rectangle of ink 1. */
function rectangle(width: number, height: number, x0: number, y0: number, w: number, h: number): Float32Array {
  const gray = new Float32Array(width * height);
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) gray[y * width + x] = 1;
  return gray;
}

test('an off-centre rectangle is fitted to 20 px and centred by mass', () => {
  // 30 × 50 rectangle in the top-left corner of a 200 × 120 canvas.
  const out = toMnistInput(rectangle(200, 120, 3, 4, 30, 50), 200, 120);
  const m = measure(out);
  assert.equal(m.height, 20);
  assert.ok(Math.abs(m.width - 12) <= 1, `width ${m.width}, expected 20·30/50 = 12`);
  assert.ok(Math.abs(m.comX - 14) <= 0.5 && Math.abs(m.comY - 14) <= 0.5, `centre of mass (${m.comX}, ${m.comY})`);
  // Area is preserved: 12 × 20 px of full ink.
  assert.ok(Math.abs(m.mass - 12 * 20 * 255) < 255, `mass ${m.mass}`);
});

test('any rectangle, anywhere, at any scale: longer side 20 ± 1, centre within 0.5 px', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 90 }), fc.integer({ min: 1, max: 90 }),
      fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }),
      (w, h, x0, y0) => {
        const out = toMnistInput(rectangle(100, 100, x0, y0, w, h), 100, 100);
        const m = measure(out);
        assert.ok(Math.abs(Math.max(m.width, m.height) - 20) <= 1, `box ${m.width}×${m.height} from ${w}×${h}`);
        assert.ok(Math.abs(m.comX - 14) <= 0.5 + 1e-9 && Math.abs(m.comY - 14) <= 0.5 + 1e-9, `centre (${m.comX}, ${m.comY}) from ${w}×${h}`);
      },
    ),
    { numRuns: 200 },
  );
});

test('a lopsided shape is centred by mass, not by its box', () => {
  // An L: a long 4-px bar down the left and a short foot; the mass leans left and down.
  const gray = new Float32Array(80 * 80);
  for (let y = 10; y < 70; y++) for (let x = 10; x < 22; x++) gray[y * 80 + x] = 1;
  for (let y = 58; y < 70; y++) for (let x = 22; x < 50; x++) gray[y * 80 + x] = 1;
  const m = measure(toMnistInput(gray, 80, 80));
  assert.ok(Math.abs(m.comX - 14) <= 0.5 && Math.abs(m.comY - 14) <= 0.5, `centre (${m.comX}, ${m.comY})`);
});

test('downscaling anti-aliases: partly covered pixels are grey', () => {
  // 30 px wide at scale 20/70 covers 8.57 output pixels: the ninth column is ~57 % ink.
  const out = toMnistInput(rectangle(100, 100, 5, 5, 30, 70), 100, 100);
  const greys = Array.from(out).filter((v) => v > 0 && v < 255);
  assert.ok(greys.length >= 15, `${greys.length} grey pixels`);
  assert.ok(greys.some((v) => v > 120 && v < 170), `no ~57 % grey among ${greys.join(',')}`);
});

test('no ink, or ink below the threshold, gives all zeros', () => {
  assert.ok(toMnistInput(new Float32Array(50 * 40), 50, 40).every((v) => v === 0));
  assert.ok(toMnistInput(new Float32Array(50 * 40).fill(0.001), 50, 40).every((v) => v === 0));
});

test('real MNIST test images pass through unchanged (they were made this way)', () => {
  // Measured: 9,997 of all 10,000 come back byte-identical; demand it of the first 100.
  let identical = 0;
  for (let k = 0; k < 100; k++) {
    const image = mnist.test.images.subarray(k * 784, (k + 1) * 784);
    const out = toMnistInput(Float32Array.from(image, (v) => v / 255), 28, 28);
    if (out.every((v, i) => v === image[i])) identical++;
  }
  assert.ok(identical >= 99, `${identical} of 100 identical`);
});

test('an MNIST digit enlarged 4× and moved comes back as the original', () => {
  const image = mnist.test.images.subarray(0, 784);
  const gray = new Float32Array(150 * 130);
  for (let y = 0; y < 112; y++) for (let x = 0; x < 112; x++) gray[(y + 11) * 150 + x + 30] = image[(y >> 2) * 28 + (x >> 2)] / 255;
  const out = toMnistInput(gray, 150, 130);
  let maxDiff = 0;
  for (let i = 0; i < 784; i++) maxDiff = Math.max(maxDiff, Math.abs(out[i] - image[i]));
  assert.ok(maxDiff <= 1, `max difference ${maxDiff}`);
});

/** RGBA pixels from a function of (x, y) → [r, g, b, a]. */
function rgba(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out.set(pixel(x, y), (y * width + x) * 4);
  return out;
}
const inStroke = (x: number, y: number) => x >= 4 && x < 6 && y >= 2 && y < 8;

test('grayFromRgba: dark ink on white paper is inverted', () => {
  const gray = grayFromRgba(rgba(10, 10, (x, y) => (inStroke(x, y) ? [0, 0, 0, 255] : [255, 255, 255, 255])), 10, 10);
  assert.equal(gray[2 * 10 + 4], 1);
  assert.equal(gray[0], 0);
  assert.equal(gray.reduce((a, b) => a + b, 0), 12);
});

test('grayFromRgba: white ink on black is kept as is', () => {
  const gray = grayFromRgba(rgba(10, 10, (x, y) => (inStroke(x, y) ? [255, 255, 255, 255] : [0, 0, 0, 255])), 10, 10);
  assert.equal(gray[2 * 10 + 4], 1);
  assert.equal(gray.reduce((a, b) => a + b, 0), 12);
});

test('grayFromRgba: a transparent background is paper', () => {
  const gray = grayFromRgba(rgba(10, 10, (x, y) => (inStroke(x, y) ? [0, 0, 255, 255] : [0, 0, 0, 0])), 10, 10);
  assert.equal(gray[0], 0);
  assert.equal(gray[2 * 10 + 4], 1);
});

test('grayFromRgba: grey paper becomes 0, the darkest ink 1, half-dark ink ≈ 0.5', () => {
  const gray = grayFromRgba(
    rgba(10, 10, (x, y) => (inStroke(x, y) ? (y < 5 ? [40, 40, 40, 255] : [120, 120, 120, 255]) : [200, 200, 200, 255])),
    10, 10,
  );
  assert.equal(gray[0], 0);
  assert.ok(Math.abs(gray[2 * 10 + 4] - 1) < 1e-6);
  assert.ok(Math.abs(gray[7 * 10 + 4] - 0.5) < 0.01, `${gray[7 * 10 + 4]}`);
});

test('grayFromRgba: inversion can be forced off', () => {
  const gray = grayFromRgba(rgba(4, 4, () => [255, 255, 255, 255]), 4, 4, { invert: false });
  assert.ok(gray.every((v) => v === 0), 'white paper without inversion is the paper level');
  const forced = grayFromRgba(rgba(10, 10, (x, y) => (inStroke(x, y) ? [0, 0, 0, 255] : [255, 255, 255, 255])), 10, 10, { invert: false });
  assert.equal(forced[2 * 10 + 4], 0);
});
