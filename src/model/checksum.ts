/**
 * The checksum digitlab writes into its model and checkpoint files: CRC-32 (the one of zip,
 * PNG and gzip: polynomial 0xEDB88320, reflected, initial and final XOR 0xFFFFFFFF) over the
 * little-endian bytes of the file's number arrays, in the order the file holds them. It tells
 * a damaged or edited file from the one digitlab saved: any change of up to 32 consecutive
 * bits changes it, and any other change is missed once in 4 billion. Written as
 * `"crc32:" + 8 lowercase hex digits`, so anyone can recompute it, e.g. in Python:
 * `zlib.crc32(b"".join(np.asarray(a, "<f4").tobytes() for a in arrays))`.
 * Browser-safe (no Buffer).
 */

/** The prefix of a checksum field's value. */
export const CHECKSUM_PREFIX = 'crc32:';

/** The shape of a checksum field's value. */
const CHECKSUM_TEXT = /^crc32:[0-9a-f]{8}$/;

/** CRC-32 of each byte value, computed once (the classic table-driven form). */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Whether this machine stores numbers little-endian (then a typed array's bytes are the file's bytes). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** CRC-32 built up array by array: `new Crc32().add(a).add(b).text()`. */
export class Crc32 {
  private state = 0xffffffff;

  /** Adds the little-endian bytes of 32-bit values (float32 parameters, uint32 orders), or raw bytes. */
  add(values: Float32Array | Uint32Array | Uint8Array): this {
    const bytes = values instanceof Uint8Array ? values : littleEndianBytes(values);
    let c = this.state;
    for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    this.state = c;
    return this;
  }

  /** The checksum so far as a file writes it: "crc32:" and 8 hex digits. */
  text(): string {
    return CHECKSUM_PREFIX + ((this.state ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
  }
}

/** Whether a file's checksum field is well formed ("crc32:" and 8 lowercase hex digits). */
export function isChecksumText(value: unknown): value is string {
  return typeof value === 'string' && CHECKSUM_TEXT.test(value);
}

/**
 * The one line a mismatch gets (the caller puts the file's name in front): what was found,
 * both checksums, and what it means.
 */
export function checksumMismatch(what: string, written: string, computed: string): string {
  return `${what} do not match the file's checksum (${written} written, ${computed} computed): the file was changed or damaged after digitlab saved it`;
}

function littleEndianBytes(values: Float32Array | Uint32Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const bytes = new Uint8Array(values.byteLength);
  const view = new DataView(bytes.buffer);
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length);
  for (let i = 0; i < words.length; i++) view.setUint32(4 * i, words[i], true);
  return bytes;
}
