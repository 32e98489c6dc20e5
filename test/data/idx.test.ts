import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DigitlabError } from '../../src/errors.js';
import { encodeIdx, parseIdx } from '../../src/data/idx.js';

/** Asserts that `fn` throws a DigitlabError whose message contains every fragment. */
function throwsWith(fn: () => unknown, ...fragments: string[]): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof DigitlabError, `expected DigitlabError, got ${String(error)}`);
    for (const fragment of fragments) assert.ok(error.message.includes(fragment), `"${error.message}" lacks "${fragment}"`);
    return true;
  });
}

test('encodeIdx → parseIdx round-trips any small array', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }), fc.integer(), (dims, seed) => {
      const size = dims.reduce((a, b) => a * b, 1);
      const data = Uint8Array.from({ length: size }, (_, i) => (seed + i * 31) & 255);
      const parsed = parseIdx(encodeIdx(dims, data), 'x');
      assert.deepEqual(parsed.dims, dims);
      assert.deepEqual(Array.from(parsed.data), Array.from(data));
    }),
  );
});

test('header fields are big-endian', () => {
  const bytes = encodeIdx([258, 3], new Uint8Array(774));
  assert.deepEqual(Array.from(bytes.subarray(0, 12)), [0, 0, 8, 2, 0, 0, 1, 2, 0, 0, 0, 3]);
});

test('truncated file: "ends after X of Y bytes"', () => {
  const full = encodeIdx([10, 28, 28], new Uint8Array(7840));
  throwsWith(() => parseIdx(full.subarray(0, 1024), 'train-images-idx3-ubyte'), 'train-images-idx3-ubyte: file ends after 1,024 of 7,856 bytes');
  throwsWith(() => parseIdx(full.subarray(0, 3), 'a'), 'a:', 'ends after 3');
  throwsWith(() => parseIdx(full.subarray(0, 9), 'a'), 'ends after 9 of 16 header bytes');
});

test('trailing bytes are an error', () => {
  const full = encodeIdx([4], new Uint8Array(4));
  const longer = new Uint8Array(full.length + 3);
  longer.set(full);
  throwsWith(() => parseIdx(longer, 'labels'), 'labels:', '3 extra bytes');
});

test('wrong magic, unsupported type, bad dimension counts', () => {
  const good = encodeIdx([2, 2], new Uint8Array(4));
  const badMagic = good.slice();
  badMagic[0] = 0x1f;
  badMagic[1] = 0x8b;
  throwsWith(() => parseIdx(badMagic, 'f.idx'), 'f.idx:', 'not an IDX file', '0x1f 0x8b');
  const floats = good.slice();
  floats[2] = 0x0d;
  throwsWith(() => parseIdx(floats, 'f.idx'), 'float (32-bit)', '0x0d');
  const unknown = good.slice();
  unknown[2] = 0x42;
  throwsWith(() => parseIdx(unknown, 'f.idx'), 'unknown IDX type code 0x42');
  const zeroDims = good.slice();
  zeroDims[3] = 0;
  throwsWith(() => parseIdx(zeroDims, 'f.idx'), '0 dimensions');
  const fiveDims = good.slice();
  fiveDims[3] = 5;
  throwsWith(() => parseIdx(fiveDims, 'f.idx'), '5 dimensions');
});

test('absurd or empty sizes are refused before any allocation', () => {
  // Claims 2^32−1 × 2^32−1 elements in a 12-byte file.
  const huge = new Uint8Array([0, 0, 8, 2, 255, 255, 255, 255, 255, 255, 255, 255]);
  throwsWith(() => parseIdx(huge, 'huge'), 'huge:', 'more than 2,147,483,647 elements');
  // 60,000 × 28 × 28 claimed, 20 bytes present: a length error, not an out-of-memory.
  const claim = new Uint8Array([0, 0, 8, 3, 0, 0, 0xea, 0x60, 0, 0, 0, 28, 0, 0, 0, 28, 1, 2, 3, 4]);
  throwsWith(() => parseIdx(claim, 'claim'), 'ends after 20 of 47,040,016 bytes');
  const empty = new Uint8Array([0, 0, 8, 1, 0, 0, 0, 0]);
  throwsWith(() => parseIdx(empty, 'empty'), 'dimension 1 of 1 is 0');
});

test('parsed data is a view of the input, not a copy', () => {
  const bytes = encodeIdx([3], new Uint8Array([7, 8, 9]));
  const parsed = parseIdx(bytes, 'v');
  bytes[bytes.length - 1] = 1;
  assert.equal(parsed.data[2], 1);
});

test('encodeIdx refuses a size mismatch', () => {
  throwsWith(() => encodeIdx([2, 3], new Uint8Array(5)), '2 × 3', '5 bytes');
});
