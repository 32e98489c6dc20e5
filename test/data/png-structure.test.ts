import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { DigitlabError } from '../../src/errors.js';
import { checkScanlines, pixelDataBytes, readPngLayout } from '../../src/data/png-structure.js';
import { hostilePngs, interlacedPng, rgbaPng } from './png-fixtures.js';

test('every damaged or hostile PNG is refused before decoding, in one line naming the file, the chunk and the fault', () => {
  for (const [what, { bytes, message }] of Object.entries(hostilePngs())) {
    // The layout walk alone, or the walk plus the scanline check on the inflated data.
    let error: unknown = null;
    try {
      const layout = readPngLayout(bytes, 'x.png');
      checkScanlines(inflateSync(Buffer.concat(layout.pixelData), { maxOutputLength: pixelDataBytes(layout.header) + 1 }), layout.header, 'x.png');
    } catch (e) {
      error = e;
    }
    if (what === 'pixel data not deflate' || what === 'palette index past the palette') continue; // zlib's and pngjs's part: test/data/png-node.test.ts
    assert.ok(error instanceof DigitlabError, `${what}: ${String(error)}`);
    assert.match(error.message, /^x\.png: /, what);
    assert.match(error.message, message, what);
    assert.ok(!error.message.includes('\n'), what);
  }
});

test('interlaced (Adam7) PNGs of odd sizes and depths pass the scanline check and decode to the pixels written', () => {
  const cases = [
    { width: 1, height: 1, depth: 8, colorType: 0 as const },
    { width: 13, height: 7, depth: 8, colorType: 0 as const },
    { width: 13, height: 7, depth: 1, colorType: 0 as const },
    { width: 5, height: 9, depth: 4, colorType: 0 as const },
    { width: 28, height: 28, depth: 8, colorType: 6 as const },
    { width: 3, height: 17, depth: 16, colorType: 2 as const },
  ];
  for (const { width, height, depth, colorType } of cases) {
    const max = 2 ** depth - 1;
    const sample = (x: number, y: number, c: number): number => (x * 7 + y * 3 + c * 5) % (max + 1);
    const bytes = interlacedPng(width, height, depth, colorType, sample);
    const layout = readPngLayout(bytes, 'i.png');
    assert.equal(layout.header.interlace, 1);
    assert.doesNotThrow(() => checkScanlines(inflateSync(Buffer.concat(layout.pixelData)), layout.header, 'i.png'), `${width}×${height} depth ${depth}`);
    const png = PNG.sync.read(bytes);
    const to8 = (v: number): number => (depth === 16 ? v >> 8 : Math.round((v * 255) / max));
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        assert.equal(png.data[(y * width + x) * 4], to8(sample(x, y, 0)), `${width}×${height} depth ${depth} at (${x}, ${y})`);
      }
    }
  }
});

test('pixelDataBytes: a filter byte per row plus the packed row, per Adam7 pass when interlaced', () => {
  const header = (width: number, height: number, depth: number, colorType: number, interlace = 0) => ({ width, height, depth, colorType, interlace });
  assert.equal(pixelDataBytes(header(28, 28, 8, 0)), 28 * 29);
  assert.equal(pixelDataBytes(header(10, 2, 1, 0)), 2 * (1 + 2));
  assert.equal(pixelDataBytes(header(3, 1, 16, 6)), 1 + 3 * 8);
  // 1×1 interlaced: only the first pass holds a pixel.
  assert.equal(pixelDataBytes(header(1, 1, 8, 0, 1)), 2);
  // 8×8 grey, 8-bit: passes of 1×1, 1×1, 2×1, 2×2, 4×2, 4×4, 8×4 pixels.
  assert.equal(pixelDataBytes(header(8, 8, 8, 0, 1)), 1 * 2 + 1 * 2 + 1 * 3 + 2 * 3 + 2 * 5 + 4 * 5 + 4 * 9);
});

test('trailing bytes after IEND are ignored, as browsers do; real pngjs files pass', () => {
  const good = rgbaPng(6, 4, (x, y) => [x * 40, y * 60, 0, 255]);
  const layout = readPngLayout(Buffer.concat([good, Buffer.from('trailing junk')]), 't.png');
  assert.equal(layout.end, good.length);
  assert.equal(layout.header.width, 6);
  assert.equal(layout.header.colorType, 6);
});
