import { DigitlabError, formatCount } from '../errors.js';

/**
 * An IDX array as stored in the file: its dimensions (outermost first, e.g.
 * [60000, 28, 28]) and its unsigned-byte elements in row-major order.
 */
export interface IdxArray {
  readonly dims: number[];
  readonly data: Uint8Array;
}

/** IDX type code for unsigned bytes, the only element type MNIST-like data sets use. */
const TYPE_UNSIGNED_BYTE = 0x08;

/** Names of the other IDX type codes, so an error can say what the file holds instead. */
const OTHER_TYPE_NAMES: Readonly<Record<number, string>> = {
  0x09: 'signed byte',
  0x0b: 'short (16-bit)',
  0x0c: 'int (32-bit)',
  0x0d: 'float (32-bit)',
  0x0e: 'double (64-bit)',
};

/** Most dimensions an IDX file may declare here: 1-D labels up to 4-D (e.g. colour images). */
const MAX_DIMS = 4;

/**
 * Largest element count accepted (2^31 − 1): beyond this a typed array cannot be indexed
 * safely everywhere, and no digit data set comes anywhere near it.
 */
const MAX_ELEMENTS = 0x7fffffff;

/**
 * Parses an IDX file (the format MNIST ships in, http://yann.lecun.com/exdb/mnist/).
 * Layout: 2 zero bytes, 1 type byte, 1 byte = number of dimensions n, then n big-endian
 * uint32 sizes, then the elements. Only unsigned bytes (type 0x08) are accepted.
 * `name` (usually the file name) starts every error message. The result's data is a view
 * of `bytes`, not a copy. Pure: runs in Node and in the browser.
 */
export function parseIdx(bytes: Uint8Array, name: string): IdxArray {
  const fail = (problem: string): never => {
    throw new DigitlabError(`${name}: ${problem}`);
  };
  if (bytes.length < 4) {
    fail(`file ends after ${formatCount(bytes.length)} bytes, before the 4-byte IDX header`);
  }
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    fail(
      `not an IDX file (the first two bytes are 0x${hex(bytes[0])} 0x${hex(bytes[1])}, ` +
        `expected 0x00 0x00; a gzipped file needs the .gz suffix)`,
    );
  }
  const typeCode = bytes[2];
  if (typeCode !== TYPE_UNSIGNED_BYTE) {
    const typeName = OTHER_TYPE_NAMES[typeCode];
    fail(
      typeName === undefined
        ? `unknown IDX type code 0x${hex(typeCode)}`
        : `IDX elements are ${typeName} (type 0x${hex(typeCode)}); only unsigned bytes (0x08) are supported`,
    );
  }
  const dimCount = bytes[3];
  if (dimCount < 1 || dimCount > MAX_DIMS) {
    fail(`IDX header declares ${dimCount} dimensions; expected 1 to ${MAX_DIMS}`);
  }
  const headerLength = 4 + 4 * dimCount;
  if (bytes.length < headerLength) {
    fail(`file ends after ${formatCount(bytes.length)} of ${formatCount(headerLength)} header bytes`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  // Multiply in float64: exact up to 2^53, and each step is checked against a bound far
  // below that, so an absurd header cannot overflow silently.
  let elementCount = 1;
  for (let i = 0; i < dimCount; i++) {
    const size = view.getUint32(4 + 4 * i, false);
    if (size === 0) {
      // An empty data set trains nothing and divides by zero in every average.
      fail(`dimension ${i + 1} of ${dimCount} is 0; an IDX array must not be empty`);
    }
    dims.push(size);
    elementCount *= size;
    if (elementCount > MAX_ELEMENTS) {
      fail(
        `IDX header declares dimensions ${dims.join(' × ')}${i + 1 < dimCount ? ' × …' : ''}, ` +
          `more than ${formatCount(MAX_ELEMENTS)} elements`,
      );
    }
  }
  const expectedLength = headerLength + elementCount;
  // Checked against the real length before anything is allocated or sliced.
  if (bytes.length < expectedLength) {
    fail(`file ends after ${formatCount(bytes.length)} of ${formatCount(expectedLength)} bytes`);
  }
  if (bytes.length > expectedLength) {
    fail(
      `file has ${formatCount(bytes.length - expectedLength)} extra bytes after the ` +
        `${formatCount(expectedLength)} its header (${dims.join(' × ')}) describes`,
    );
  }
  return { dims, data: bytes.subarray(headerLength, expectedLength) };
}

/**
 * Encodes an unsigned-byte IDX file (the inverse of `parseIdx`), for tests, round trips
 * and writing data slices. Throws if `data.length` is not the product of `dims`.
 */
export function encodeIdx(dims: readonly number[], data: Uint8Array): Uint8Array {
  if (dims.length < 1 || dims.length > MAX_DIMS) {
    throw new DigitlabError(`IDX: ${dims.length} dimensions; expected 1 to ${MAX_DIMS}`);
  }
  const elementCount = dims.reduce((product, size) => product * size, 1);
  if (dims.some((size) => !Number.isInteger(size) || size < 1 || size > 0xffffffff) || elementCount !== data.length) {
    throw new DigitlabError(
      `IDX: dimensions ${dims.join(' × ')} do not describe ${formatCount(data.length)} bytes`,
    );
  }
  const headerLength = 4 + 4 * dims.length;
  const bytes = new Uint8Array(headerLength + data.length);
  const view = new DataView(bytes.buffer);
  bytes[2] = TYPE_UNSIGNED_BYTE;
  bytes[3] = dims.length;
  dims.forEach((size, i) => view.setUint32(4 + 4 * i, size, false));
  bytes.set(data, headerLength);
  return bytes;
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}
