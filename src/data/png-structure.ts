import { DigitlabError, formatCount } from '../errors.js';

/**
 * The structure of a PNG file (W3C PNG, 3rd ed., §5 chunks, §11.2 IHDR), checked before any
 * decoder runs so that a damaged or hostile file is named in our words: which chunk, at
 * which byte, what is wrong. Pure (no I/O): the decoder's own errors are internal text
 * ("There are some read requests waitng on finished stream") that names nothing.
 */

/** The header fields of a PNG (its IHDR chunk). */
export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  readonly colorType: number;
  readonly interlace: number;
}

/** What the chunk walk found. */
export interface PngLayout {
  readonly header: PngHeader;
  /** The data of the IDAT chunks, in order (together: one zlib stream). */
  readonly pixelData: readonly Uint8Array[];
  /** Entries in the palette (PLTE), 0 without one. */
  readonly paletteEntries: number;
  /** The byte just past the IEND chunk; anything after it is ignored, as browsers do. */
  readonly end: number;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The largest chunk length the format allows (§5.3: 2^31 − 1). */
const MAX_CHUNK_LENGTH = 2 ** 31 - 1;
/** Colour types and the bit depths each allows (§11.2.2). */
const DEPTHS: Readonly<Record<number, readonly number[]>> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const COLOR_NAMES: Readonly<Record<number, string>> = { 0: 'grey', 2: 'RGB', 3: 'palette', 4: 'grey with alpha', 6: 'RGBA' };
/** Channels per colour type. */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const KNOWN_CRITICAL = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);

/** Other formats often saved under a .png name, by their first bytes. */
const LOOKALIKES: readonly { readonly name: string; readonly magic: readonly number[]; readonly at?: number }[] = [
  { name: 'a JPEG', magic: [0xff, 0xd8, 0xff] },
  { name: 'a GIF', magic: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a WebP', magic: [0x57, 0x45, 0x42, 0x50], at: 8 },
  { name: 'a BMP', magic: [0x42, 0x4d] },
  { name: 'a TIFF', magic: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'a TIFF', magic: [0x4d, 0x4d, 0x00, 0x2a] },
];

let crcTable: Uint32Array | null = null;

/** CRC-32 (ISO 3309, as PNG §5.5 uses) of `bytes`. */
function crc32(bytes: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function notAPng(bytes: Uint8Array, name: string): DigitlabError {
  if (bytes.length === 0) return new DigitlabError(`${name}: not a PNG file (it is empty)`);
  const like = LOOKALIKES.find(({ magic, at = 0 }) => magic.every((b, i) => bytes[at + i] === b));
  return new DigitlabError(
    like ? `${name}: not a PNG file (it starts like ${like.name} image; save it as PNG)` : `${name}: not a PNG file (it does not start with the PNG signature)`,
  );
}

function checkHeader(data: Uint8Array, name: string): PngHeader {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const header = { width: view.getUint32(0), height: view.getUint32(4), depth: data[8], colorType: data[9], interlace: data[12] };
  const depths = DEPTHS[header.colorType];
  if (depths === undefined) throw new DigitlabError(`${name}: colour type ${header.colorType} does not exist in PNG (damaged header)`);
  if (!depths.includes(header.depth)) {
    throw new DigitlabError(`${name}: bit depth ${header.depth} with colour type ${header.colorType} (${COLOR_NAMES[header.colorType]}) is not a PNG combination (damaged header)`);
  }
  if (data[10] !== 0 || data[11] !== 0) throw new DigitlabError(`${name}: the header names compression method ${data[10]} and filter method ${data[11]}; PNG has only method 0 (damaged header)`);
  if (header.interlace > 1) throw new DigitlabError(`${name}: interlace method ${header.interlace} does not exist in PNG (damaged header)`);
  return header;
}

/**
 * Walks the chunks of a PNG and checks what a decoder relies on: the signature (naming a
 * JPEG, GIF, WebP, BMP or TIFF saved as .png), every chunk's length within the format's
 * limit and the file, its type, its checksum, IHDR first and valid, a palette where the
 * colour type needs one, pixel data present, and the closing IEND. Throws a DigitlabError
 * naming `name`, the chunk and its byte offset.
 */
export function readPngLayout(bytes: Uint8Array, name: string): PngLayout {
  if (bytes.length < SIGNATURE.length || !SIGNATURE.every((b, i) => bytes[i] === b)) throw notAPng(bytes, name);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: PngHeader | null = null;
  const pixelData: Uint8Array[] = [];
  let paletteEntries = 0;
  let at = SIGNATURE.length;
  for (;;) {
    if (at === bytes.length) throw new DigitlabError(`${name}: the file ends after byte ${formatCount(at)} without the closing IEND chunk (truncated)`);
    if (at + 12 > bytes.length) throw new DigitlabError(`${name}: the file ends inside the chunk at byte ${formatCount(at)} (truncated)`);
    const length = view.getUint32(at);
    const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new DigitlabError(`${name}: the chunk at byte ${formatCount(at)} has no valid type (damaged)`);
    if (length > MAX_CHUNK_LENGTH) {
      throw new DigitlabError(`${name}: the ${type} chunk at byte ${formatCount(at)} claims ${formatCount(length)} bytes, more than the PNG format allows (${formatCount(MAX_CHUNK_LENGTH)}; damaged)`);
    }
    const left = bytes.length - at - 12;
    if (length > left) {
      throw new DigitlabError(`${name}: the ${type} chunk at byte ${formatCount(at)} claims ${formatCount(length)} bytes, but only ${formatCount(Math.max(0, left))} follow (truncated or damaged)`);
    }
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) {
      throw new DigitlabError(`${name}: the ${type} chunk at byte ${formatCount(at)} is damaged (its checksum does not match)`);
    }
    if (header === null) {
      if (type !== 'IHDR') throw new DigitlabError(`${name}: the first chunk is ${type}, not the IHDR header (damaged)`);
      if (length !== 13) throw new DigitlabError(`${name}: the IHDR header holds ${formatCount(length)} bytes, not 13 (damaged)`);
      header = checkHeader(data, name);
    } else if (type === 'PLTE') {
      if (length % 3 !== 0 || length === 0 || length > 256 * 3) throw new DigitlabError(`${name}: the palette (PLTE) holds ${formatCount(length)} bytes, not 1–256 colours of 3 (damaged)`);
      paletteEntries = length / 3;
    } else if (type === 'tRNS' && header.colorType === 3 && (paletteEntries === 0 || length > paletteEntries)) {
      throw new DigitlabError(`${name}: the transparency chunk (tRNS) ${paletteEntries === 0 ? 'comes before the palette' : `holds ${length} entries for ${paletteEntries} colours`} (damaged)`);
    } else if (type === 'IDAT') {
      if (header.colorType === 3 && paletteEntries === 0) throw new DigitlabError(`${name}: a palette image without its palette (PLTE) before the pixel data (damaged)`);
      pixelData.push(data);
    } else if (type === 'IEND') {
      if (pixelData.length === 0) throw new DigitlabError(`${name}: the PNG holds no pixel data (no IDAT chunk; damaged)`);
      return { header, pixelData, paletteEntries, end: at + 12 + length };
    } else if (type === 'IHDR' || (type.charCodeAt(0) < 0x61 && !KNOWN_CRITICAL.has(type))) {
      throw new DigitlabError(`${name}: ${type === 'IHDR' ? 'a second IHDR header' : `an unknown critical chunk ${type}`} at byte ${formatCount(at)} (damaged, or a PNG extension this reader does not know)`);
    }
    at += 12 + length;
  }
}

/** Adam7's seven passes (§8.2): first column and row, column and row steps. */
const ADAM7: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2],
];

/** The scanlines of the pixel data: for each (sub-)image, its rows and bytes per row (filter byte excluded). */
function scanlineBlocks(header: PngHeader): { rows: number; rowBytes: number }[] {
  const bitsPerPixel = CHANNELS[header.colorType] * header.depth;
  const block = (width: number, rows: number) => ({ rows, rowBytes: Math.ceil((width * bitsPerPixel) / 8) });
  if (header.interlace === 0) return [block(header.width, header.height)];
  return ADAM7.map(([x0, y0, dx, dy]) => block(Math.ceil(Math.max(0, header.width - x0) / dx), Math.ceil(Math.max(0, header.height - y0) / dy))).filter(
    (b) => b.rows > 0 && b.rowBytes > 0,
  );
}

/** How many bytes the decompressed pixel data of an image with this header holds (§7.2: a filter byte, then the row). */
export function pixelDataBytes(header: PngHeader): number {
  return scanlineBlocks(header).reduce((sum, b) => sum + b.rows * (1 + b.rowBytes), 0);
}

/**
 * Checks decompressed pixel data against the header: exactly `pixelDataBytes` long and every
 * row's filter byte one of the five filters (0–4, §9.2). Throws a DigitlabError naming `name`.
 */
export function checkScanlines(raw: Uint8Array, header: PngHeader, name: string): void {
  const expected = pixelDataBytes(header);
  if (raw.length !== expected) {
    const size = `${formatCount(header.width)}×${formatCount(header.height)}`;
    throw new DigitlabError(
      raw.length < expected
        ? `${name}: the pixel data ends early: ${formatCount(raw.length)} of the ${formatCount(expected)} bytes that ${size} pixels need (truncated or damaged)`
        : `${name}: the pixel data holds more than the ${formatCount(expected)} bytes that ${size} pixels need (damaged)`,
    );
  }
  let at = 0;
  for (const { rows, rowBytes } of scanlineBlocks(header)) {
    for (let row = 0; row < rows; row++, at += 1 + rowBytes) {
      if (raw[at] > 4) throw new DigitlabError(`${name}: a row of pixels has an unknown filter type ${raw[at]} (damaged)`);
    }
  }
}
