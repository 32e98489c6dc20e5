/**
 * A 28×28 drawing as a short, URL-safe text, so a shared link carries the learner's digit.
 * Ink is kept in 16 levels (a byte v becomes level round(v / 17), read back as 17 · level:
 * `quantiseInk` gives the image exactly as a link restores it). The text is a run of
 * base64url symbols, one per token: symbol 0–15 is one pixel of that level, symbol 16–63 a run
 * of 1–48 blank pixels (MNIST-like digits are ~80 % blank, so a digit takes ~150–250
 * characters instead of 784). The symbols are base64url's (base64url.ts), read one by one.
 */
import { BASE64URL_ALPHABET as ALPHABET, symbolValue } from './base64url.js';

const LEVELS = 16;
const STEP = 17;
const MAX_RUN = 64 - LEVELS;
/** Pixels of an image. */
export const DIGIT_PIXELS = 784;

/** Each byte at the nearest of the 16 levels the code keeps (a new array). */
export function quantiseInk(pixels: Uint8Array): Uint8Array {
  return Uint8Array.from(pixels, (v) => STEP * Math.round(v / STEP));
}

/** The code of `pixels` (784 bytes, 255 = ink), quantised to 16 levels. */
export function encodeDigit(pixels: Uint8Array): string {
  let out = '';
  let run = 0;
  const flush = (): void => {
    while (run > 0) {
      const n = Math.min(run, MAX_RUN);
      out += ALPHABET[LEVELS + n - 1];
      run -= n;
    }
  };
  for (const v of pixels) {
    const level = Math.round(v / STEP);
    if (level === 0) run++;
    else {
      flush();
      out += ALPHABET[level];
    }
  }
  flush();
  return out;
}

/** The 784 pixels `code` describes, or null when it is not a code of exactly 784 pixels. */
export function decodeDigit(code: string): Uint8Array | null {
  const pixels = new Uint8Array(DIGIT_PIXELS);
  let at = 0;
  for (const ch of code) {
    const symbol = symbolValue(ch);
    if (symbol < 0) return null;
    if (symbol < LEVELS) {
      if (at >= DIGIT_PIXELS) return null;
      pixels[at++] = STEP * symbol;
    } else at += symbol - LEVELS + 1;
    if (at > DIGIT_PIXELS) return null;
  }
  return at === DIGIT_PIXELS ? pixels : null;
}
