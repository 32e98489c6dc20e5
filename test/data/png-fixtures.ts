import { crc32, deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';

/** The eight bytes every PNG starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One PNG chunk: length, type, data, CRC (correct unless `badCrc`); `length` may lie about the data. */
export function chunk(type: string, data: Uint8Array, options: { length?: number; badCrc?: boolean } = {}): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(options.length ?? data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE((crc32(body) ^ (options.badCrc ? 1 : 0)) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** The 13 bytes of an IHDR chunk's data. */
export function ihdr(width: number, height: number, depth: number, colorType: number, interlace = 0): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = depth;
  data[9] = colorType;
  data[12] = interlace;
  return data;
}

/** A PNG with a valid IHDR (correct CRC) for any size, colour type and depth, and `rows` as its (deflated) pixel data. */
export function craftedPng(width: number, height: number, depth: number, colorType: number, rows: Uint8Array): Buffer {
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr(width, height, depth, colorType)), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array(0))]);
}

/** An RGBA image filled by `pixel(x, y)` → [r, g, b, a], encoded by pngjs. */
export function rgbaPng(width: number, height: number, pixel: (x: number, y: number) => readonly number[]): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) png.data.set(pixel(x, y), (y * width + x) * 4);
  }
  return PNG.sync.write(png);
}

/** Images with no ink, each a way a learner ends up with one: a photo of nothing, an empty canvas export… */
export function blankPngs(): Record<string, Buffer> {
  let seed = 7;
  const noise = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 7) - 3;
  return {
    '1×1 white': rgbaPng(1, 1, () => [255, 255, 255, 255]),
    '1×1 transparent': rgbaPng(1, 1, () => [0, 0, 0, 0]),
    '200×200 white': rgbaPng(200, 200, () => [255, 255, 255, 255]),
    '200×200 black': rgbaPng(200, 200, () => [0, 0, 0, 255]),
    '64×64 mid grey': rgbaPng(64, 64, () => [128, 128, 128, 255]),
    '64×64 transparent (black, alpha 0)': rgbaPng(64, 64, () => [0, 0, 0, 0]),
    '100×100 white with ±3 levels of noise': rgbaPng(100, 100, () => {
      const v = 250 + noise();
      return [v, v, v, 255];
    }),
  };
}

/** Damaged or hostile PNGs, each with the words our message must hold (the file's name comes first in all). */
export function hostilePngs(): Record<string, { bytes: Buffer; message: RegExp }> {
  const header = chunk('IHDR', ihdr(8, 8, 8, 0));
  const rows = Buffer.alloc(8 * 9, 0);
  const idat = deflateSync(rows);
  const end = chunk('IEND', new Uint8Array(0));
  const png = (...chunks: Buffer[]): Buffer => Buffer.concat([PNG_SIGNATURE, ...chunks]);
  const bad = (filterByte: number): Buffer => {
    const r = Buffer.from(rows);
    r[9] = filterByte;
    return deflateSync(r);
  };
  const good = png(header, chunk('IDAT', idat), end);
  return {
    'IDAT chunk claiming 2 GiB': { bytes: png(header, chunk('IDAT', idat, { length: 2 ** 31 })), message: /the IDAT chunk at byte 33 claims 2,147,483,648 bytes.*more than the PNG format allows/ },
    'IDAT chunk claiming 4 GiB − 1': { bytes: png(header, chunk('IDAT', idat, { length: 2 ** 32 - 1 })), message: /claims 4,294,967,295 bytes/ },
    'IDAT chunk claiming 1 MB in a small file': { bytes: png(header, chunk('IDAT', idat, { length: 1_000_000 }), end), message: /the IDAT chunk at byte 33 claims 1,000,000 bytes, but only \d+ follow \(truncated or damaged\)/ },
    'wrong checksum': { bytes: png(header, chunk('IDAT', idat, { badCrc: true }), end), message: /the IDAT chunk at byte 33 is damaged \(its checksum does not match\)/ },
    'cut inside the pixel data': { bytes: good.subarray(0, 33 + 8 + 4), message: /truncated/ },
    'no IEND': { bytes: png(header, chunk('IDAT', idat)), message: /the file ends after byte \d+ without the closing IEND chunk \(truncated\)/ },
    'empty file': { bytes: Buffer.alloc(0), message: /not a PNG file \(it is empty\)/ },
    'a JPEG named .png': { bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]), message: /not a PNG file \(it starts like a JPEG image; save it as PNG\)/ },
    'first chunk not IHDR': { bytes: png(chunk('tEXt', Buffer.from('a\0b')), header, chunk('IDAT', idat), end), message: /the first chunk is tEXt, not the IHDR header/ },
    'bit depth 4 with RGB': { bytes: png(chunk('IHDR', ihdr(8, 8, 4, 2)), chunk('IDAT', idat), end), message: /bit depth 4 with colour type 2 \(RGB\) is not a PNG combination/ },
    'colour type 5': { bytes: png(chunk('IHDR', ihdr(8, 8, 8, 5)), chunk('IDAT', idat), end), message: /colour type 5 does not exist/ },
    'palette image without a palette': { bytes: png(chunk('IHDR', ihdr(8, 8, 8, 3)), chunk('IDAT', idat), end), message: /a palette image without its palette \(PLTE\)/ },
    'unknown critical chunk': { bytes: png(header, chunk('ABCD', Buffer.alloc(4)), chunk('IDAT', idat), end), message: /an unknown critical chunk ABCD/ },
    'chunk type not letters': { bytes: png(header, chunk('ID\x00T', idat), end), message: /the chunk at byte 33 has no valid type \(damaged\)/ },
    'no pixel data': { bytes: png(header, end), message: /holds no pixel data \(no IDAT chunk; damaged\)/ },
    'pixel data not deflate': { bytes: png(header, chunk('IDAT', Buffer.from('this is not zlib data at all')), end), message: /the compressed pixel data is damaged/ },
    'pixel data too short': { bytes: png(header, chunk('IDAT', deflateSync(rows.subarray(0, 30))), end), message: /the pixel data ends early: 30 of the 72 bytes that 8×8 pixels need/ },
    'unknown row filter': { bytes: png(header, chunk('IDAT', bad(9)), end), message: /a row of pixels has an unknown filter type 9 \(damaged\)/ },
    'palette index past the palette': {
      bytes: png(chunk('IHDR', ihdr(8, 8, 8, 3)), chunk('PLTE', Buffer.from([0, 0, 0, 255, 255, 255])), chunk('IDAT', deflateSync(Buffer.from(Array.from({ length: 8 * 9 }, (_, i) => (i % 9 === 0 ? 0 : 200))))), end),
      message: /a pixel uses palette entry 200 of 2/,
    },
    'interlace method 2': { bytes: png(chunk('IHDR', ihdr(8, 8, 8, 0, 2)), chunk('IDAT', idat), end), message: /interlace method 2 does not exist/ },
  };
}

/** Adam7's passes: first column and row, steps (PNG §8.2). */
const ADAM7 = [
  [0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2],
] as const;

/**
 * An interlaced (Adam7) PNG written by hand — pngjs reads interlaced files but cannot write
 * them. `sample(x, y, channel)` gives each sample (0 … 2^depth − 1); rows are packed most
 * significant bit first, filter 0.
 */
export function interlacedPng(width: number, height: number, depth: number, colorType: 0 | 2 | 4 | 6, sample: (x: number, y: number, channel: number) => number): Buffer {
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType];
  const rows: number[] = [];
  for (const [x0, y0, dx, dy] of ADAM7) {
    if (x0 >= width || y0 >= height) continue;
    for (let y = y0; y < height; y += dy) {
      rows.push(0);
      let bits = 0;
      let used = 0;
      for (let x = x0; x < width; x += dx) {
        for (let c = 0; c < channels; c++) {
          const v = sample(x, y, c);
          if (depth === 16) rows.push(v >> 8, v & 255);
          else {
            bits = (bits << depth) | v;
            used += depth;
            if (used === 8) {
              rows.push(bits);
              bits = used = 0;
            }
          }
        }
      }
      if (used > 0) rows.push(bits << (8 - used));
    }
  }
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr(width, height, depth, colorType, 1)), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', new Uint8Array(0))]);
}
