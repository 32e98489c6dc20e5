/**
 * The course's older drawing code, read so that links written with it still open (the course
 * now writes the Lab's stroke code, stroke-codec.ts): a 28×28 drawing as 784 pixels at 16 ink
 * levels (level v read back as 17 · v), a run of base64url symbols (base64url.ts), one per
 * token — symbol 0–15 one pixel of that level, symbol 16–63 a run of 1–48 blank pixels.
 */
import { symbolValue } from './base64url.js';

const LEVELS = 16;
const STEP = 17;
const DIGIT_PIXELS = 784;

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
