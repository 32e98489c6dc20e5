import type { PngCodec } from './archive-read.js';

/**
 * The browser's own PNG decoder and encoder for imports (archive-read.ts): every colour type
 * and bit depth the browser reads, with no colour management and no premultiplied alpha, so
 * the pixels are the file's. The structure was checked by the engine before this runs.
 */

/** A 2D canvas of this size: an OffscreenCanvas where there is one, else a detached <canvas>. */
function canvasOf(width: number, height: number): { ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D; png: () => Promise<Blob> } {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (ctx === null) throw new Error('2D canvas unavailable');
    return { ctx, png: () => canvas.convertToBlob({ type: 'image/png' }) };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new Error('2D canvas unavailable');
  return { ctx, png: () => new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png')) };
}

/** Decodes and encodes PNGs with the browser. */
export const BROWSER_PNG_CODEC: PngCodec = {
  async decode(bytes) {
    const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
    try {
      const { ctx } = canvasOf(bitmap.width, bitmap.height);
      ctx.drawImage(bitmap, 0, 0);
      return { rgba: ctx.getImageData(0, 0, bitmap.width, bitmap.height).data, width: bitmap.width, height: bitmap.height };
    } finally {
      bitmap.close();
    }
  },
  async encodeInput(pixels) {
    const { ctx, png } = canvasOf(28, 28);
    const image = ctx.createImageData(28, 28);
    pixels.forEach((v, i) => image.data.set([v, v, v, 255], 4 * i));
    ctx.putImageData(image, 0, 0);
    return new Uint8Array(await (await png()).arrayBuffer());
  },
};
