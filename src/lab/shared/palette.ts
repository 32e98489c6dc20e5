/** The colour pairs a weight can be drawn in. */
export type PaletteName = 'green-red' | 'blue-orange';
/** All palettes, for the switcher and the URL state. */
export const PALETTES: readonly PaletteName[] = ['green-red', 'blue-orange'];

/** RGB of the positive and negative hue of each palette. */
const HUES: Readonly<Record<PaletteName, { positive: readonly [number, number, number]; negative: readonly [number, number, number] }>> = {
  // The source document's convention.
  'green-red': { positive: [60, 220, 90], negative: [240, 64, 64] },
  // Blue/orange stays distinguishable under deuteranopia and protanopia.
  'blue-orange': { positive: [64, 150, 255], negative: [255, 150, 30] },
};

/** The CSS colour of a palette's positive or negative hue. */
export function hueCss(palette: PaletteName, sign: 'positive' | 'negative', alpha = 1): string {
  const [r, g, b] = HUES[palette][sign];
  return `rgba(${r},${g},${b},${alpha})`;
}

/**
 * Paints values as pixels (RGBA) on black: the sign picks the hue, |v| / scale the
 * brightness (as in the weight grids: green positive, red negative, brightness = |w|).
 */
export function signedPixels(values: Float32Array, scale: number, palette: PaletteName, out: Uint8ClampedArray): void {
  const { positive, negative } = HUES[palette];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = Math.min(1, Math.abs(v) / scale);
    const hue = v >= 0 ? positive : negative;
    out[4 * i] = hue[0] * t;
    out[4 * i + 1] = hue[1] * t;
    out[4 * i + 2] = hue[2] * t;
    out[4 * i + 3] = 255;
  }
}

/** Paints values in [0, 1] as grey pixels (RGBA), 1 = white: ink, activations. */
export function grayPixels(values: ArrayLike<number>, scale: number, out: Uint8ClampedArray): void {
  for (let i = 0; i < values.length; i++) {
    const g = Math.min(255, (values[i] / scale) * 255);
    out[4 * i] = g;
    out[4 * i + 1] = g;
    out[4 * i + 2] = g;
    out[4 * i + 3] = 255;
  }
}
