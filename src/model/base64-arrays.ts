/**
 * Typed arrays as base64 text, little-endian whatever the machine: how checkpoints store
 * float32 parameters and uint32 orders compactly and bit-exactly inside JSON. Decoding
 * checks the text's length against the expected element count *before* allocating, so a
 * hostile file cannot ask for more memory than its own size.
 */

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Characters of base64 text for `bytes` bytes (with padding). */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** Float32 values → base64 of their little-endian bytes. */
export function encodeFloat32(values: Float32Array): string {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(4 * i, values[i], true);
  return Buffer.from(bytes).toString('base64');
}

/** Uint32 values → base64 of their little-endian bytes. */
export function encodeUint32(values: Uint32Array): string {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setUint32(4 * i, values[i], true);
  return Buffer.from(bytes).toString('base64');
}

/**
 * Base64 text → `count` float32 values, or a string saying what is wrong (wrong length,
 * not base64). Values are not checked here (NaN and ±∞ pass); callers decide.
 */
export function decodeFloat32(text: unknown, count: number): Float32Array | string {
  const view = decodeBytes(text, count);
  if (typeof view === 'string') return view;
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = view.getFloat32(4 * i, true);
  return out;
}

/** Base64 text → `count` uint32 values, or a string saying what is wrong. */
export function decodeUint32(text: unknown, count: number): Uint32Array | string {
  const view = decodeBytes(text, count);
  if (typeof view === 'string') return view;
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = view.getUint32(4 * i, true);
  return out;
}

function decodeBytes(text: unknown, count: number): DataView | string {
  if (typeof text !== 'string') return `must be base64 text, got ${typeof text}`;
  const expected = base64Length(4 * count);
  if (text.length !== expected) return `must be ${expected} base64 characters (${count} values), got ${text.length}`;
  if (!BASE64.test(text)) return 'is not base64 text';
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== 4 * count) return `decodes to ${bytes.length} bytes, expected ${4 * count}`;
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
