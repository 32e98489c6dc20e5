import { grayPixels, type PaletteName, signedPixels } from '../shared/palette.js';
import { maxAbs } from '../shared/inference.js';

/**
 * Painting a 28×28 (or any w×h) array onto a canvas of that size — CSS scales it up,
 * pixelated: grey ink (1 = white) or signed values (weights: hue by sign, brightness by
 * |value| relative to the largest).
 */

/** Paints `values` as grey pixels, `scale` = white (255 for bytes, 1 for [0, 1]). */
export function paintGray(canvas: HTMLCanvasElement, values: ArrayLike<number>, scale: number): void {
  const image = new ImageData(canvas.width, canvas.height);
  grayPixels(values, scale, image.data);
  canvas.getContext('2d')?.putImageData(image, 0, 0);
}

/** Paints one neuron's weights (or any signed values) in `palette`, brightness relative to the largest |w|. */
export function paintWeights(canvas: HTMLCanvasElement, row: Float32Array, palette: PaletteName, image = new ImageData(canvas.width, canvas.height)): void {
  signedPixels(row, maxAbs(row), palette, image.data);
  canvas.getContext('2d')?.putImageData(image, 0, 0);
}
