import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import { DigitlabError } from '../errors.js';
import { checkPngHeader } from './png-header.js';
import { grayFromRgba, toMnistInput } from './preprocess.js';

/**
 * Reads a PNG file of a digit (any size, colour or gray, dark-on-light or light-on-dark,
 * transparent background = paper) and returns it as a 28×28 MNIST input (bytes, 255 = ink),
 * preprocessed as MNIST was (see preprocess.ts).
 */
export async function readPngAsMnist(file: string): Promise<Uint8Array> {
  const name = basename(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new DigitlabError(
      code === 'ENOENT' ? `${name}: no such file (${file})` : `${name}: cannot read ${file} (${(error as Error).message})`,
    );
  }
  checkPngHeader(bytes, name);
  let png: PNG;
  try {
    // pngjs expands every colour type and bit depth to 8-bit RGBA.
    png = PNG.sync.read(bytes);
  } catch (error) {
    throw new DigitlabError(`${name}: not a PNG file (${(error as Error).message})`);
  }
  const gray = grayFromRgba(png.data, png.width, png.height);
  return toMnistInput(gray, png.width, png.height);
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
