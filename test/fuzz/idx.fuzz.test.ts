import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { gunzipNode } from '../../src/data/gzip.js';
import { encodeIdx, parseIdx } from '../../src/data/idx.js';
import { makeDataset } from '../../src/data/pair.js';
import { FUZZ_RUNS, parsesOrDigitlabError } from './expect-digitlab-error.js';

/** An IDX header with any type byte and dimension count, any sizes (0, tiny, 2^32−1), then any bytes. */
const craftedIdx = fc
  .record({
    zero: fc.oneof(fc.constant([0, 0]), fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))),
    type: fc.oneof(fc.constant(0x08), fc.constantFrom(0x09, 0x0b, 0x0c, 0x0d, 0x0e), fc.integer({ min: 0, max: 255 })),
    dims: fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(0xffffffff), fc.constant(0x80000000), fc.integer({ min: 0, max: 0xffffffff })), { maxLength: 6 }),
    declared: fc.option(fc.integer({ min: 0, max: 255 })),
    body: fc.uint8Array({ maxLength: 300 }),
  })
  .map(({ zero, type, dims, declared, body }) => {
    const header = new Uint8Array(4 + 4 * dims.length);
    const view = new DataView(header.buffer);
    header.set([zero[0], zero[1], type, declared ?? dims.length]);
    dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
    return Uint8Array.from([...header, ...body]);
  });

/** A valid small images file, then bytes flipped, cut off or appended. */
const mutatedIdx = fc
  .record({
    count: fc.integer({ min: 1, max: 4 }),
    rows: fc.integer({ min: 1, max: 5 }),
    cols: fc.integer({ min: 1, max: 5 }),
    flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
    cut: fc.option(fc.nat()),
    extra: fc.uint8Array({ maxLength: 8 }),
  })
  .map(({ count, rows, cols, flips, cut, extra }) => {
    const bytes = encodeIdx([count, rows, cols], new Uint8Array(count * rows * cols).fill(7));
    for (const [at, value] of flips) bytes[at % bytes.length] = value;
    const cutBytes = cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
    return Uint8Array.from([...cutBytes, ...extra]);
  });

const anyIdx = fc.oneof(fc.uint8Array({ maxLength: 64 }), craftedIdx, mutatedIdx);

test(`IDX reader: ${FUZZ_RUNS} random, crafted and mutated files parse or fail with DigitlabError`, () => {
  fc.assert(
    fc.property(anyIdx, (bytes) => {
      const parsed = parsesOrDigitlabError(() => parseIdx(bytes, 'fuzz-idx'));
      if (parsed) {
        // Never more elements than the input holds: the data is a view into it.
        assert.ok(parsed.data.length <= bytes.length);
        assert.equal(parsed.data.length, parsed.dims.reduce((a, b) => a * b, 1));
      }
    }),
    { numRuns: FUZZ_RUNS },
  );
});

test(`IDX pairing: ${FUZZ_RUNS} fuzzed images + labels files make a data set or fail with DigitlabError`, () => {
  const labelsIdx = fc
    .record({ n: fc.integer({ min: 1, max: 5 }), labels: fc.uint8Array({ minLength: 5, maxLength: 5 }), mutate: fc.boolean() })
    .map(({ n, labels, mutate }) => (mutate ? encodeIdx([n, 1], labels.subarray(0, n)) : encodeIdx([n], labels.subarray(0, n))));
  fc.assert(
    fc.property(anyIdx, labelsIdx, fc.integer({ min: 1, max: 12 }), (images, labels, classes) => {
      parsesOrDigitlabError(() => {
        const names = Array.from({ length: classes }, (_, i) => String(i));
        const data = makeDataset(parseIdx(images, 'imgs'), parseIdx(labels, 'lbls'), { images: 'imgs', labels: 'lbls' }, names);
        for (const l of data.labels) assert.ok(l < classes);
        return data;
      });
    }),
    { numRuns: FUZZ_RUNS },
  );
});

test(`gzip layer: ${FUZZ_RUNS} random and corrupted .gz files decompress or fail with DigitlabError, bombs included`, () => {
  const valid = gzipSync(encodeIdx([3, 4, 4], new Uint8Array(48).fill(1)));
  const corrupted = fc
    .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 })
    .chain((flips) => fc.nat({ max: valid.length }).map((cut) => {
      const b = Uint8Array.from(valid.subarray(0, cut));
      for (const [at, v] of flips) if (b.length) b[at % b.length] = v;
      return b;
    }));
  fc.assert(
    fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), corrupted), (bytes) => {
      const out = parsesOrDigitlabError(() => gunzipNode(bytes, 'fuzz.gz', 1 << 20));
      if (out) parsesOrDigitlabError(() => parseIdx(out, 'fuzz'));
    }),
    { numRuns: FUZZ_RUNS },
  );
  // 64 MiB of zeros squeezed into ~64 KiB: refused at the limit instead of inflating it all.
  const bomb = gzipSync(new Uint8Array(64 << 20));
  assert.throws(() => gunzipNode(bomb, 'bomb.gz', 1 << 20), /bomb\.gz: decompresses to more than 1,048,576 bytes/);
});
