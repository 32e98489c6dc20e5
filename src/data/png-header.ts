import { DigitlabError, formatCount } from '../errors.js';

/** Largest image accepted as input: 64 megapixels (a phone photo is 12–50). */
export const MAX_PNG_PIXELS = 64 * 1024 * 1024;

/**
 * Deflate expands at most ~1032:1, so a PNG's compressed pixel data can describe no more
 * raw bytes than this many times the file's size. A header promising more is a lie
 * (a decompression bomb or a truncated file) and is refused before decoding.
 */
const MAX_DEFLATE_RATIO = 1032;

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Channels per colour type (PNG spec, IHDR): gray, RGB, palette, gray+alpha, RGBA. */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Checks a PNG's header (IHDR) before any decoder allocates for it: the width and height
 * must be non-zero, at most MAX_PNG_PIXELS together, and possible for the file's size
 * (the raw pixel bytes they need, ≥ width·height·channels·depth/8, cannot exceed what deflate
 * can produce from the file). Bytes that are not a PNG at all are left to readPngLayout (png-structure.ts) to
 * reject. Throws a DigitlabError naming `name`.
 */
export function checkPngHeader(bytes: Uint8Array, name: string): void {
  if (bytes.length < 33 || !SIGNATURE.every((b, i) => bytes[i] === b)) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(8) !== 13 || String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]) !== 'IHDR') return;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const depth = bytes[24];
  const channels = CHANNELS[bytes[25]] ?? 4;
  if (width === 0 || height === 0) throw new DigitlabError(`${name}: the PNG header says ${width}×${height} pixels; an image needs at least one`);
  const pixels = width * height;
  if (pixels > MAX_PNG_PIXELS) {
    throw new DigitlabError(`${name}: ${formatCount(width)}×${formatCount(height)} pixels is more than the ${formatCount(MAX_PNG_PIXELS)} accepted`);
  }
  const rawBytes = (pixels * channels * Math.max(1, depth)) / 8;
  if (rawBytes > MAX_DEFLATE_RATIO * bytes.length + 1024) {
    throw new DigitlabError(
      `${name}: the PNG header says ${formatCount(width)}×${formatCount(height)} pixels, more than a ${formatCount(bytes.length)}-byte file can hold (truncated, or a decompression bomb)`,
    );
  }
}
