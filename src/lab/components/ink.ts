import { grayFromRgba, toMnistInput } from '../../data/preprocess.js';
import { GRID_MAX, type GridStroke } from '../shared/stroke-codec.js';

/** A point of a stroke, in pad pixels. */
export type Point = readonly [number, number];

/**
 * The side of every draw pad's ink, in canvas pixels. A drawing's strokes (on the address's
 * 256 × 256 grid) drawn at this size and preprocessed give its input: the same 784 bytes on
 * the pad that drew it, on a pad that redraws it from a link, and off any pad (`inkInput`), on
 * every page.
 */
export const PAD_SIZE = 280;

/** A grid point (0–255 across) at pad size `size`. */
export function gridToPad([x, y]: readonly [number, number], size: number): Point {
  return [(x / GRID_MAX) * size, (y / GRID_MAX) * size];
}

/**
 * Draws `strokes` (pad pixels) as light ink on black on `ctx`, `width` × `height`: round pens
 * about 1/14 of the pad wide — after a digit is fitted into MNIST's 20 px box, ~2 px, as in
 * MNIST; a one-point stroke is a dot.
 */
export function paintInk(ctx: CanvasRenderingContext2D, strokes: readonly (readonly Point[])[], width: number, height: number): void {
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, width, height);
  ctx.lineWidth = width / 14;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = '#fff';
  ctx.fillStyle = '#fff';
  for (const stroke of strokes) {
    if (stroke.length === 1) {
      ctx.beginPath();
      ctx.arc(stroke[0][0], stroke[0][1], ctx.lineWidth / 2, 0, 2 * Math.PI);
      ctx.fill();
      continue;
    }
    ctx.beginPath();
    ctx.moveTo(stroke[0][0], stroke[0][1]);
    for (let i = 1; i < stroke.length; i++) ctx.lineTo(stroke[i][0], stroke[i][1]);
    ctx.stroke();
  }
}

/** The MNIST-style input (784 bytes, 255 = ink) of the ink on `ctx` (the data module's `toMnistInput`). */
export function inkToInput(ctx: CanvasRenderingContext2D, width: number, height: number): Uint8Array {
  const rgba = ctx.getImageData(0, 0, width, height).data;
  return toMnistInput(grayFromRgba(rgba, width, height, { invert: false }), width, height);
}

/** A canvas for ink, read back often (so it stays on the CPU: the same bytes on every read). */
export function inkCanvas(width: number, height: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new Error('2D canvas unavailable');
  return { canvas, ctx };
}

/** The input of a drawing given by its grid strokes (from an address), drawn as a pad draws it; null for no strokes. */
export function inkInput(strokes: readonly GridStroke[]): Uint8Array | null {
  if (strokes.length === 0) return null;
  const { ctx } = inkCanvas(PAD_SIZE, PAD_SIZE);
  paintInk(ctx, strokes.map((s) => s.map((p) => gridToPad(p, PAD_SIZE))), PAD_SIZE, PAD_SIZE);
  return inkToInput(ctx, PAD_SIZE, PAD_SIZE);
}
