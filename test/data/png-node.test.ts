import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { PNG } from 'pngjs';
import { DigitlabError } from '../../src/errors.js';
import { readPngAsMnist, readPngDigit, writeGrayPng } from '../../src/data/png-node.js';
import { blankPngs, craftedPng, hostilePngs, interlacedPng, rgbaPng } from './png-fixtures.js';
import { useMnistAndScratch } from './scratch.js';

const data = useMnistAndScratch('digitlab-png-');

const isErrorWith = (fragment: string) => (error: unknown) =>
  error instanceof DigitlabError && error.message.includes(fragment);

test('an MNIST digit drawn 5× larger, black on white, in a PNG reads back as itself', async () => {
  for (const k of [0, 1, 2, 3, 4]) {
    const image = data.mnist.test.images.subarray(k * 784, (k + 1) * 784);
    // 5× nearest-neighbour, inverted, on a 160 × 150 white RGBA page at an odd offset.
    const png = new PNG({ width: 160, height: 150 });
    png.data.fill(255);
    for (let y = 0; y < 140; y++) {
      for (let x = 0; x < 140; x++) {
        const ink = image[Math.floor(y / 5) * 28 + Math.floor(x / 5)];
        const at = ((y + 7) * 160 + x + 13) * 4;
        png.data[at] = png.data[at + 1] = png.data[at + 2] = 255 - ink;
      }
    }
    const file = join(data.scratch, `digit-${k}.png`);
    await writeFile(file, PNG.sync.write(png));
    const back = await readPngAsMnist(file);
    let close = 0;
    let maxDiff = 0;
    for (let i = 0; i < 784; i++) {
      const diff = Math.abs(back[i] - image[i]);
      maxDiff = Math.max(maxDiff, diff);
      if (diff <= 2) close++;
    }
    // Area-averaging 5×5 blocks recovers each pixel; only the ink stretch (max → 255) can shift levels.
    assert.ok(close >= 780, `image ${k}: ${close} of 784 within 2 levels (max difference ${maxDiff})`);
  }
});

test('writeGrayPng: bytes and floats, upscaled by nearest neighbour, round-trip through pngjs', async () => {
  const bytes = Uint8Array.from({ length: 12 }, (_, i) => i * 20);
  const file = join(data.scratch, 'gray.png');
  await writeGrayPng(file, bytes, 4, 3, 3);
  const png = PNG.sync.read(readFileSync(file));
  assert.equal(png.width, 12);
  assert.equal(png.height, 9);
  for (let y = 0; y < 9; y++) {
    for (let x = 0; x < 12; x++) {
      assert.equal(png.data[(y * 12 + x) * 4], bytes[Math.floor(y / 3) * 4 + Math.floor(x / 3)]);
    }
  }
  await writeGrayPng(file, Float32Array.from([0, 0.5, 1, 2]), 2, 2);
  const floats = PNG.sync.read(readFileSync(file));
  assert.deepEqual([0, 1, 2, 3].map((i) => floats.data[i * 4]), [0, 128, 255, 255]);
  // Atomic write: no temporary file is left behind.
  assert.deepEqual((await readdir(data.scratch)).filter((name) => name.endsWith('.tmp')), []);
});

test('writeGrayPng into a missing folder is a DigitlabError', async () => {
  await assert.rejects(writeGrayPng(join(data.scratch, 'no', 'x.png'), new Uint8Array(4), 2, 2), isErrorWith('x.png: cannot write'));
});

test('not a PNG, or no file at all: DigitlabErrors naming the file', async () => {
  const file = join(data.scratch, 'fake.png');
  await writeFile(file, 'GIF89a pretending');
  await assert.rejects(readPngAsMnist(file), isErrorWith('fake.png: not a PNG file (it starts like a GIF image; save it as PNG)'));
  const good = PNG.sync.write(new PNG({ width: 8, height: 8 }));
  await writeFile(file, good.subarray(0, good.length - 20));
  await assert.rejects(readPngAsMnist(file), isErrorWith('(truncated or damaged)'));
  await assert.rejects(readPngAsMnist(join(data.scratch, 'absent.png')), isErrorWith('absent.png: no such file'));
});

test('damaged and hostile PNGs (a chunk claiming 2 GiB, bad checksums, broken pixel data…): our one-line message naming the file, at once', async () => {
  for (const [what, { bytes, message }] of Object.entries(hostilePngs())) {
    const file = join(data.scratch, 'hostile.png');
    await writeFile(file, bytes);
    const start = performance.now();
    const error = await readPngAsMnist(file).then(
      () => null,
      (e: unknown) => e,
    );
    assert.ok(error instanceof DigitlabError, `${what}: ${String(error)}`);
    assert.match(error.message, /^hostile\.png: /, what);
    assert.match(error.message, message, what);
    assert.ok(!error.message.includes('\n'), `${what}: one line`);
    // pngjs's own words ("There are some read requests waitng…", "unrecognised content…") never reach the user.
    assert.doesNotMatch(error.message, /waitng|unrecognised|Unrecognised|read requests|Crc error/, what);
    assert.ok(performance.now() - start < 1000, `${what}: refused at once`);
  }
});

test('blank images read as inputs without ink; a digit, even a faint one, has ink', async () => {
  for (const [what, bytes] of Object.entries(blankPngs())) {
    const file = join(data.scratch, 'blank.png');
    await writeFile(file, bytes);
    const digit = await readPngDigit(file);
    assert.equal(digit.ink.hasInk, false, `${what}: contrast ${digit.ink.contrast}`);
    assert.equal(digit.input.length, 784);
  }
  const image = data.mnist.test.images.subarray(0, 784);
  const faint = rgbaPng(28, 28, (x, y) => {
    const v = 255 - Math.round(image[y * 28 + x] * 0.3);
    return [v, v, v, 255];
  });
  const file = join(data.scratch, 'faint.png');
  await writeFile(file, faint);
  const digit = await readPngDigit(file);
  assert.equal(digit.ink.hasInk, true, `a 30 %-contrast digit: ${digit.ink.contrast}`);
  assert.ok(Math.abs(digit.ink.contrast - 0.3) < 0.01);
  assert.deepEqual([digit.width, digit.height], [28, 28]);
});

test('an interlaced PNG and one with bytes after IEND are read like any other', async () => {
  const image = data.mnist.test.images.subarray(784, 2 * 784);
  const file = join(data.scratch, 'interlaced.png');
  await writeFile(file, interlacedPng(28, 28, 8, 0, (x, y) => image[y * 28 + x]));
  const interlaced = await readPngAsMnist(file);
  await writeFile(file, Buffer.concat([craftedPng(28, 28, 8, 0, Buffer.from(Array.from({ length: 28 * 29 }, (_, i) => (i % 29 === 0 ? 0 : image[Math.floor(i / 29) * 28 + (i % 29) - 1])))), Buffer.from('junk')]));
  assert.deepEqual(await readPngAsMnist(file), interlaced);
});
