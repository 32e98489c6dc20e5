/**
 * Whether a picture holds any ink at all. Preprocessing (preprocess.ts) stretches the
 * strongest mark to full ink, so a blank page — a 1×1 pixel, a fully transparent canvas,
 * a white sheet with a few grey levels of sensor noise — still becomes a "digit" and the
 * network answers it with confidence. The test is on the picture as it is, before that
 * stretch: the brightness range after compositing over the paper.
 */

/**
 * The smallest brightness range (in [0, 1]) that counts as ink: 10 % of black-to-white, about
 * 25 of 255 grey levels. Sensor or compression noise on a blank page stays well below
 * (±3 levels is 0.024); a pencil digit in a phone photo is usually 0.3 or more.
 */
export const MIN_INK_CONTRAST = 0.1;

/** How much ink a picture holds. */
export interface InkMeasure {
  /** Brightest minus darkest pixel, in [0, 1] (0: one flat shade; 1: black and white). */
  readonly contrast: number;
  /** Whether the contrast reaches MIN_INK_CONTRAST. */
  readonly hasInk: boolean;
}

/**
 * Measures the ink of RGBA pixels (4 bytes each, row by row, as from a canvas or a PNG
 * decoder): brightness is Rec. 601 luminance composited over a `background` of that
 * brightness (default 1: a transparent pixel is white paper), as grayFromRgba does.
 * Pure: runs in Node, the browser and Web Workers.
 */
export function measureInk(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, background = 1): InkMeasure {
  const count = width * height;
  if (rgba.length !== count * 4) throw new RangeError(`measureInk: ${rgba.length} bytes for a ${width}×${height} RGBA image`);
  let darkest = Infinity;
  let brightest = -Infinity;
  for (let i = 0; i < count; i++) {
    const alpha = rgba[4 * i + 3] / 255;
    const luminance = (0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]) / 255;
    const brightness = alpha * luminance + (1 - alpha) * background;
    if (brightness < darkest) darkest = brightness;
    if (brightness > brightest) brightest = brightness;
  }
  const contrast = count === 0 ? 0 : Math.max(0, brightest - darkest);
  // Round away float dust so that a flat image is exactly 0 and the threshold is judged on what is shown.
  const shown = Math.round(contrast * 1e6) / 1e6;
  return { contrast: shown, hasInk: shown >= MIN_INK_CONTRAST };
}
