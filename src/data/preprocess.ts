/**
 * MNIST-style preprocessing of an arbitrary grayscale drawing, as LeCun et al. made the
 * MNIST images: the digit's bounding box is scaled (anti-aliased, aspect ratio kept) so
 * its longer side is 20 px, then placed in a 28×28 field so that its centre of mass sits
 * at the centre. Measured on the real data: every MNIST image's box of non-zero pixels has
 * a longer side of exactly 20, and the mean centre of mass Σ v·x / Σ v (x = pixel index)
 * is (14.0, 14.0). Pure: runs in Node, the browser and Web Workers.
 */

/** MNIST's image side (28) and the side of the box the digit is fitted into (20). */
export const MNIST_SIDE = 28;
/** The side of the box, centred in the 28 × 28 image, that MNIST fitted each digit into. */
export const MNIST_BOX = 20;

/** Where the centre of mass goes, in pixel-index coordinates (see the file comment). */
const MNIST_CENTRE = 14;

/** Options of `toMnistInput`. */
export interface MnistInputOptions {
  /**
   * Ink above this value counts for the bounding box. Default: half of one grey level
   * (0.5/255), so every visible pixel of an anti-aliased stroke is inside the box.
   */
  readonly threshold?: number;
}

/**
 * Turns a grayscale image (`width × height` values, row by row, ink in [0, 1], 1 = ink)
 * into a 28×28 MNIST input (bytes, 255 = full ink): crop to the ink's bounding box, scale
 * its longer side to 20 px with area-average resampling, shift so that the centre of mass
 * lands on pixel (14, 14) (rounded to whole pixels, clamped so no ink is cut off).
 * An image without ink gives all zeros.
 */
export function toMnistInput(
  gray: Float32Array,
  width: number,
  height: number,
  options: MnistInputOptions = {},
): Uint8Array {
  if (gray.length !== width * height) {
    throw new RangeError(`toMnistInput: ${gray.length} values for a ${width}×${height} image`);
  }
  const threshold = options.threshold ?? 0.5 / 255;
  const out = new Uint8Array(MNIST_SIDE * MNIST_SIDE);
  const box = inkBoundingBox(gray, width, height, threshold);
  if (box === null) return out;

  // One scale for both axes keeps the aspect ratio; the longer side becomes exactly 20.
  const scale = MNIST_BOX / Math.max(box.width, box.height);
  const scaled = resampleBox(gray, width, box, scale);

  // Centre of mass of the scaled digit, Σ v·x / Σ v, in its own pixel indices.
  let mass = 0;
  let momentX = 0;
  let momentY = 0;
  for (let y = 0; y < scaled.height; y++) {
    for (let x = 0; x < scaled.width; x++) {
      const v = scaled.values[y * scaled.width + x];
      mass += v;
      momentX += v * x;
      momentY += v * y;
    }
  }
  if (mass === 0) return out;
  const offsetX = clamp(Math.round(MNIST_CENTRE - momentX / mass), 0, MNIST_SIDE - scaled.width);
  const offsetY = clamp(Math.round(MNIST_CENTRE - momentY / mass), 0, MNIST_SIDE - scaled.height);

  for (let y = 0; y < scaled.height; y++) {
    for (let x = 0; x < scaled.width; x++) {
      const v = scaled.values[y * scaled.width + x];
      out[(y + offsetY) * MNIST_SIDE + (x + offsetX)] = Math.round(clamp(v, 0, 1) * 255);
    }
  }
  return out;
}

/** Options of `grayFromRgba`. */
export interface GrayFromRgbaOptions {
  /**
   * `'auto'` (default): invert when the border is light (dark ink on light paper), since
   * MNIST is light ink on black. `true`/`false` force it.
   */
  readonly invert?: boolean | 'auto';
  /**
   * Brightness in [0, 1] that transparent pixels are composited over. Default 1 (white):
   * a transparent PNG background is paper.
   */
  readonly background?: number;
}

/**
 * Converts RGBA pixels (4 bytes each, row by row, as from a canvas or a PNG decoder) to
 * ink in [0, 1]: luminance (Rec. 601 weights 0.299 R + 0.587 G + 0.114 B), alpha
 * composited over the background, inverted when the picture is dark ink on light paper,
 * then stretched so that the paper (median of the border pixels) is exactly 0 and the
 * strongest ink is 1 — a grey photo background or a faint pencil line looks like MNIST.
 */
export function grayFromRgba(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  options: GrayFromRgbaOptions = {},
): Float32Array {
  const count = width * height;
  if (rgba.length !== count * 4) {
    throw new RangeError(`grayFromRgba: ${rgba.length} bytes for a ${width}×${height} RGBA image`);
  }
  const background = options.background ?? 1;
  const brightness = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const r = rgba[4 * i];
    const g = rgba[4 * i + 1];
    const b = rgba[4 * i + 2];
    const alpha = rgba[4 * i + 3] / 255;
    const luminance = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
    brightness[i] = alpha * luminance + (1 - alpha) * background;
  }

  const borderBrightness = median(borderValues(brightness, width, height));
  const invert = options.invert === undefined || options.invert === 'auto' ? borderBrightness > 0.5 : options.invert;
  const paper = invert ? 1 - borderBrightness : borderBrightness;

  const ink = new Float32Array(count);
  let strongest = 0;
  for (let i = 0; i < count; i++) {
    const v = invert ? 1 - brightness[i] : brightness[i];
    // Paper level → 0; anything at or below it is background.
    const above = Math.max(0, v - paper);
    ink[i] = above;
    if (above > strongest) strongest = above;
  }
  if (strongest > 0) {
    for (let i = 0; i < count; i++) ink[i] /= strongest;
  }
  return ink;
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The smallest rectangle holding every value above `threshold`, or null if none is. */
function inkBoundingBox(gray: Float32Array, width: number, height: number, threshold: number): Box | null {
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (gray[y * width + x] > threshold) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
    }
  }
  if (right < 0) return null;
  return { left, top, width: right - left + 1, height: bottom - top + 1 };
}

/**
 * Area-average (box-filter) resampling of the box by `scale`: output pixel o along an axis
 * covers the source interval [o/scale, (o+1)/scale), and its value is the mean of the
 * source over that interval (each source pixel weighted by its overlap). Averaging rather
 * than sampling is what anti-aliases: a half-covered output pixel becomes half-grey.
 * The source is done separably, rows then columns.
 */
function resampleBox(
  gray: Float32Array,
  stride: number,
  box: Box,
  scale: number,
): { values: Float32Array; width: number; height: number } {
  const columns = axisWeights(box.width, scale);
  const rows = axisWeights(box.height, scale);
  const outWidth = columns.length;
  const outHeight = rows.length;

  // Pass 1: horizontal, box.height × outWidth.
  const horizontal = new Float32Array(box.height * outWidth);
  for (let y = 0; y < box.height; y++) {
    const rowStart = (box.top + y) * stride + box.left;
    for (let ox = 0; ox < outWidth; ox++) {
      const { first, weights } = columns[ox];
      let sum = 0;
      for (let k = 0; k < weights.length; k++) sum += weights[k] * gray[rowStart + first + k];
      horizontal[y * outWidth + ox] = sum;
    }
  }
  // Pass 2: vertical, outHeight × outWidth.
  const values = new Float32Array(outHeight * outWidth);
  for (let oy = 0; oy < outHeight; oy++) {
    const { first, weights } = rows[oy];
    for (let ox = 0; ox < outWidth; ox++) {
      let sum = 0;
      for (let k = 0; k < weights.length; k++) sum += weights[k] * horizontal[(first + k) * outWidth + ox];
      values[oy * outWidth + ox] = sum;
    }
  }
  return { values, width: outWidth, height: outHeight };
}

/**
 * For an axis of `length` source pixels scaled by `scale`: for each output pixel, the
 * first source pixel it overlaps and the weights (overlap × scale, summing to 1 for a
 * fully covered output pixel; the last output pixel may hang past the box, where the
 * source is empty, so its weights sum to less).
 */
function axisWeights(length: number, scale: number): { first: number; weights: Float64Array }[] {
  // Round away floating-point dust (20/7·7 = 20.000000000000004) before taking the ceiling.
  const outLength = Math.max(1, Math.ceil(Math.round(length * scale * 1e9) / 1e9));
  const result: { first: number; weights: Float64Array }[] = [];
  for (let o = 0; o < outLength; o++) {
    const start = o / scale;
    const end = Math.min((o + 1) / scale, length);
    const first = Math.floor(start);
    const last = Math.min(Math.ceil(end) - 1, length - 1);
    const weights = new Float64Array(Math.max(0, last - first + 1));
    for (let i = first; i <= last; i++) {
      const overlap = Math.min(end, i + 1) - Math.max(start, i);
      weights[i - first] = Math.max(0, overlap) * scale;
    }
    result.push({ first, weights });
  }
  return result;
}

/** The outer ring of pixels (all pixels for images 2 px thin or less). */
function borderValues(values: Float32Array, width: number, height: number): Float32Array {
  if (width <= 2 || height <= 2) return values.slice();
  const ring = new Float32Array(2 * width + 2 * (height - 2));
  let n = 0;
  for (let x = 0; x < width; x++) {
    ring[n++] = values[x];
    ring[n++] = values[(height - 1) * width + x];
  }
  for (let y = 1; y < height - 1; y++) {
    ring[n++] = values[y * width];
    ring[n++] = values[y * width + width - 1];
  }
  return ring;
}

function median(values: Float32Array): number {
  if (values.length === 0) return 0;
  const sorted = values.slice().sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function clamp(v: number, low: number, high: number): number {
  return v < low ? low : v > high ? high : v;
}
