import { gunzipSync } from 'node:zlib';
import { DigitlabError, formatCount } from '../errors.js';

/**
 * Largest decompressed size accepted (1 GiB): far above any IDX data set digitlab uses
 * (MNIST's training images are 47 MB), low enough that a gzip bomb fails cleanly.
 */
export const MAX_GUNZIP_BYTES = 1 << 30;

/**
 * Decompresses gzip bytes in Node. `name` (the file name) starts every error message.
 * Corrupt data and output beyond `maxBytes` raise a DigitlabError.
 */
export function gunzipNode(bytes: Uint8Array, name: string, maxBytes: number = MAX_GUNZIP_BYTES): Uint8Array {
  try {
    const out = gunzipSync(bytes, { maxOutputLength: maxBytes });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || (error instanceof RangeError && /larger than/i.test(error.message))) {
      throw new DigitlabError(`${name}: decompresses to more than ${formatCount(maxBytes)} bytes`);
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new DigitlabError(`${name}: not a valid gzip file (${detail})`);
  }
}

/** True when the bytes start with the gzip magic number 1f 8b (RFC 1952). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
