import { BASE64URL_ALPHABET } from '../../src/lab/shared/base64url.js';

/**
 * The course's older pixel code (`digit=` in a link), which the course now only reads: the tests
 * write it as the course wrote links before it took the stroke code.
 */

/** Each byte at the nearest of the older code's 16 ink levels (17 · level). */
export function quantiseInk(pixels: Uint8Array): Uint8Array {
  return Uint8Array.from(pixels, (v) => 17 * Math.round(v / 17));
}

/** A digit's 784 pixels in the older code: a symbol per inked pixel (its level), runs of 1–48 blank pixels as symbols 16–63. */
export function oldDigitCode(pixels: Uint8Array): string {
  let out = '';
  let run = 0;
  const flush = (): void => {
    for (; run > 0; run -= Math.min(run, 48)) out += BASE64URL_ALPHABET[16 + Math.min(run, 48) - 1];
  };
  for (const v of pixels) {
    const level = Math.round(v / 17);
    if (level === 0) run++;
    else {
      flush();
      out += BASE64URL_ALPHABET[level];
    }
  }
  flush();
  return out;
}
