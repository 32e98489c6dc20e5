import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { DigitlabError } from '../errors.js';
import { digitFromRgba, type DigitImage } from './digit-image.js';
import { checkPngHeader } from './png-header.js';
import { checkScanlines, pixelDataBytes, readPngLayout, type PngLayout } from './png-structure.js';

/** A PNG digit read for classification. */
export interface PngDigit extends DigitImage {
  readonly width: number;
  readonly height: number;
}

/**
 * Reads a PNG file of a digit (any size, colour or gray, dark-on-light or light-on-dark,
 * transparent background = paper) as a 28×28 MNIST input, with a measure of its ink.
 * Every fault is a DigitlabError in our words naming the file: missing, not a PNG, damaged
 * chunks (png-structure.ts), absurd sizes (png-header.ts), damaged pixel data (checked
 * here after a bounded inflate, before pngjs decodes). `name` starts every message (default:
 * the file's base name).
 */
export async function readPngDigit(file: string, name = basename(file)): Promise<PngDigit> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new DigitlabError(
      code === 'ENOENT' ? `${name}: no such file (${file})` : `${name}: cannot read ${file} (${(error as Error).message})`,
    );
  }
  const layout = readPngLayout(bytes, name);
  checkPngHeader(bytes, name);
  checkScanlines(inflatePixelData(layout, name), layout.header, name);
  let png: PNG;
  try {
    // pngjs expands every colour type and bit depth to 8-bit RGBA. It gets the file up to IEND only.
    png = PNG.sync.read(bytes.subarray(0, layout.end));
  } catch (error) {
    throw new DigitlabError(`${name}: ${decoderFault((error as Error).message, layout.paletteEntries)}`);
  }
  return { ...digitFromRgba(png.data, png.width, png.height), width: png.width, height: png.height };
}

/** Reads a PNG file of a digit as a 28×28 MNIST input (bytes, 255 = ink); see readPngDigit. */
export async function readPngAsMnist(file: string): Promise<Uint8Array> {
  return (await readPngDigit(file)).input;
}

/** The IDAT data inflated, never to more than one byte past what the header promises (no decompression bomb). */
function inflatePixelData(layout: PngLayout, name: string): Buffer {
  const limit = pixelDataBytes(layout.header) + 1;
  try {
    return inflateSync(Buffer.concat(layout.pixelData), { maxOutputLength: limit });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') return Buffer.alloc(limit);
    throw new DigitlabError(
      code === 'Z_BUF_ERROR' ? `${name}: the compressed pixel data ends early (truncated)` : `${name}: the compressed pixel data is damaged (not a valid deflate stream)`,
    );
  }
}

/** pngjs's message for a fault the checks before it let through, in our words. */
function decoderFault(message: string, paletteEntries: number): string {
  const palette = /index (\d+) not in palette/.exec(message);
  if (palette) return `a pixel uses palette entry ${palette[1]} of ${paletteEntries} (damaged)`;
  return 'the pixel data cannot be decoded (a damaged PNG)';
}

/**
 * Writes a grayscale image as an 8-bit gray PNG. `pixels` are `width × height` values,
 * row by row: bytes 0..255, or floats in [0, 1] (clamped). Each pixel becomes a
 * `scale × scale` block (nearest neighbour, so 28×28 digits stay crisp when enlarged).
 * The file is written atomically: a temporary file in the same folder, then a rename, so a
 * reader never sees half a PNG.
 */
export async function writeGrayPng(
  file: string,
  pixels: Uint8Array | Float32Array,
  width: number,
  height: number,
  scale = 1,
): Promise<void> {
  if (pixels.length !== width * height) {
    throw new RangeError(`writeGrayPng: ${pixels.length} pixels for a ${width}×${height} image`);
  }
  if (!Number.isInteger(scale) || scale < 1) {
    throw new RangeError(`writeGrayPng: scale must be a positive integer, got ${scale}`);
  }
  const outWidth = width * scale;
  const outHeight = height * scale;
  const png = new PNG({ width: outWidth, height: outHeight, colorType: 0, inputColorType: 0, bitDepth: 8 });
  const gray = Buffer.alloc(outWidth * outHeight);
  const isFloat = pixels instanceof Float32Array;
  for (let y = 0; y < outHeight; y++) {
    const sourceRow = Math.floor(y / scale) * width;
    for (let x = 0; x < outWidth; x++) {
      const v = pixels[sourceRow + Math.floor(x / scale)];
      gray[y * outWidth + x] = isFloat ? Math.round(Math.min(1, Math.max(0, v)) * 255) : v;
    }
  }
  png.data = gray;
  const encoded = PNG.sync.write(png, { colorType: 0, inputColorType: 0, bitDepth: 8 });
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, encoded);
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new DigitlabError(`${basename(file)}: cannot write ${file} (${(error as Error).message})`);
  }
}
