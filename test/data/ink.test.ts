import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MIN_INK_CONTRAST, measureInk } from '../../src/data/ink.js';

const flat = (width: number, height: number, rgba: readonly number[]): Uint8Array => {
  const out = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) out.set(rgba, i * 4);
  return out;
};

test('measureInk: a flat picture (any shade, any size, transparent) has contrast 0 and no ink', () => {
  for (const rgba of [[255, 255, 255, 255], [0, 0, 0, 255], [128, 64, 200, 255], [0, 0, 0, 0], [255, 0, 0, 0]]) {
    for (const [w, h] of [[1, 1], [28, 28], [3, 100]]) assert.deepEqual(measureInk(flat(w, h, rgba), w, h), { contrast: 0, hasInk: false }, `${rgba} ${w}×${h}`);
  }
  assert.deepEqual(measureInk(new Uint8Array(0), 0, 0), { contrast: 0, hasInk: false });
});

test('measureInk: contrast is the brightness range after compositing over the paper; the threshold is 10 %', () => {
  const page = flat(10, 10, [255, 255, 255, 255]);
  page.set([0, 0, 0, 255], 4 * 55);
  assert.deepEqual(measureInk(page, 10, 10), { contrast: 1, hasInk: true }, 'one black pixel on white');
  // A half-transparent black pixel over white paper is mid grey: contrast 0.5 (to rounding of 128/255).
  page.set([0, 0, 0, 128], 4 * 55);
  assert.ok(Math.abs(measureInk(page, 10, 10).contrast - 128 / 255) < 1e-6);
  // Over black paper, the same transparent pixels count the other way.
  assert.deepEqual(measureInk(flat(2, 2, [255, 255, 255, 0]), 2, 2, 0), { contrast: 0, hasInk: false });
  // Just under and at the threshold: 25 and 26 grey levels on white (25/255 = 0.098, 26/255 = 0.102).
  for (const [levels, inked] of [[25, false], [26, true]] as const) {
    const faint = flat(4, 4, [255, 255, 255, 255]);
    faint.set([255 - levels, 255 - levels, 255 - levels, 255], 0);
    assert.equal(measureInk(faint, 4, 4).hasInk, inked, `${levels} levels`);
  }
  assert.equal(MIN_INK_CONTRAST, 0.1);
  assert.throws(() => measureInk(new Uint8Array(7), 2, 1), RangeError);
});
