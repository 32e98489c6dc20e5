import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { checkPngHeader } from '../../src/data/png-header.js';
import { readPngAsMnist } from '../../src/data/png-node.js';
import { craftedPng } from '../data/png-fixtures.js';
import { FUZZ_RUNS, parsesOrDigitlabError, parsesOrDigitlabErrorAsync } from './expect-digitlab-error.js';

// In memory where the system offers it (tmpfs): 5,000 small writes to a disk take ~10× longer.
const dir = await mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'digitlab-png-fuzz-'));
const file = join(dir, 'input.png');
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** Real PNGs written by pngjs: every colour type, 8 and 16 bits, sizes 1–40. */
const validPngs = fc
  .record({
    width: fc.integer({ min: 1, max: 40 }),
    height: fc.integer({ min: 1, max: 40 }),
    colorType: fc.constantFrom(0, 2, 4, 6),
    bitDepth: fc.constantFrom(8, 16),
    seed: fc.integer({ min: 0, max: 255 }),
  })
  .map(({ width, height, colorType, bitDepth, seed }) => {
    const png = new PNG({ width, height });
    for (let i = 0; i < png.data.length; i++) png.data[i] = (i * 37 + seed) & 255;
    return PNG.sync.write(png, { colorType, bitDepth: bitDepth as 8 | 16, inputHasAlpha: true });
  });

/** Those PNGs with bytes overwritten, cut short or extended. */
const mutatedPngs = fc
  .record({ png: validPngs, flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), cut: fc.option(fc.nat()), tail: fc.uint8Array({ maxLength: 16 }) })
  .map(({ png, flips, cut, tail }) => {
    const b = Uint8Array.from(png);
    for (const [at, v] of flips) b[at % b.length] = v;
    return Uint8Array.from([...(cut === null ? b : b.subarray(0, cut % (b.length + 1))), ...tail]);
  });

/** Headers with a correct CRC but any size (0, huge, lying), any depth and colour type. */
const craftedHeaders = fc
  .record({
    width: fc.oneof(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom(20_000, 0x7fffffff)),
    height: fc.oneof(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom(20_000, 0x7fffffff)),
    depth: fc.constantFrom(1, 2, 4, 8, 16, 0, 3, 255),
    colorType: fc.constantFrom(0, 2, 3, 4, 6, 1, 7),
    rows: fc.uint8Array({ maxLength: 200 }),
  })
  .map(({ width, height, depth, colorType, rows }) => ({ width, height, bytes: craftedPng(width, height, depth, colorType, rows) }));

const anyPng = fc.oneof(
  fc.uint8Array({ maxLength: 80 }),
  fc.uint8Array({ maxLength: 80 }).map((b) => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...b])),
  validPngs,
  mutatedPngs,
  craftedHeaders.map((h) => h.bytes),
  fc.record({ width: fc.integer({ min: 1, max: 30 }), height: fc.integer({ min: 1, max: 30 }), colorType: fc.constantFrom(0, 2, 4, 6), depth: fc.constantFrom(8, 16), rows: fc.uint8Array({ maxLength: 3000 }) }).map(({ width, height, colorType, depth, rows }) => craftedPng(width, height, depth, colorType, rows)),
);

test(`PNG input path: ${FUZZ_RUNS} random, real, mutated and crafted files give a 28×28 input or a DigitlabError`, async () => {
  await fc.assert(
    fc.asyncProperty(anyPng, async (bytes) => {
      await writeFile(file, bytes);
      const pixels = await parsesOrDigitlabErrorAsync(() => readPngAsMnist(file));
      if (pixels) assert.equal(pixels.length, 784);
    }),
    { numRuns: FUZZ_RUNS },
  );
});

test(`PNG input path: ${FUZZ_RUNS} files — every refusal is one line in our words, starting with the file's name`, async () => {
  const fallbacks: string[] = [];
  await fc.assert(
    fc.asyncProperty(anyPng, async (bytes) => {
      await writeFile(file, bytes);
      const error = await readPngAsMnist(file).then(
        () => null,
        (e: unknown) => e,
      );
      if (error === null) return;
      assert.ok(error instanceof Error);
      assert.match(error.message, /^input\.png: /);
      assert.ok(!error.message.includes('\n'), error.message);
      assert.doesNotMatch(error.message, /waitng|read requests|unrecognised|Unrecognised|Crc error|Ran out of data|Invalid file signature/, error.message);
      if (error.message.includes('cannot be decoded')) fallbacks.push(error.message);
    }),
    { numRuns: FUZZ_RUNS },
  );
  console.log(`# ${fallbacks.length} of ${FUZZ_RUNS} refusals were the generic one${fallbacks.length ? `, e.g. ${fallbacks[0]}` : ''}`);
  // The generic fallback means a fault the structure checks missed and only pngjs saw: rare or never.
  assert.ok(fallbacks.length <= FUZZ_RUNS / 100, `${fallbacks.length} generic refusals`);
});

test(`PNG header check: ${FUZZ_RUNS} crafted headers (huge, zero, lying sizes) are judged from 33 bytes`, () => {
  fc.assert(
    fc.property(craftedHeaders, ({ width, height, bytes }) => {
      const ok = parsesOrDigitlabError(() => (checkPngHeader(bytes, 'h.png'), true));
      if (ok) assert.ok(width * height <= 64 * 1024 * 1024 && width > 0 && height > 0);
    }),
    { numRuns: FUZZ_RUNS },
  );
  const bomb = craftedPng(5_000, 5_000, 8, 0, new Uint8Array(5_001 * 10));
  assert.throws(() => checkPngHeader(bomb, 'bomb.png'), /bomb\.png: the PNG header says 5,000×5,000 pixels, more than a \d+-byte file can hold/);
  assert.throws(() => checkPngHeader(craftedPng(100_000, 100_000, 8, 0, new Uint8Array(1)), 'big.png'), /more than the 67,108,864 accepted/);
  const real = PNG.sync.write(new PNG({ width: 1200, height: 900 }), { colorType: 0 });
  assert.doesNotThrow(() => checkPngHeader(real, 'photo.png'), 'a real, highly compressible 1200×900 image passes');
});

test('a 274-byte PNG claiming 20,000×20,000 pixels is refused at once by the PNG input path', async () => {
  await writeFile(file, craftedPng(20_000, 20_000, 8, 0, new Uint8Array(20_001 * 10)));
  const start = performance.now();
  await assert.rejects(readPngAsMnist(file), /input\.png: 20,000×20,000 pixels is more than/);
  assert.ok(performance.now() - start < 100);
});
