import { measureInk, type InkMeasure } from './ink.js';
import { grayFromRgba, toMnistInput } from './preprocess.js';

/** A picture of a digit made ready for the network, with a measure of its ink. */
export interface DigitImage {
  /** The 28×28 MNIST input (bytes, 255 = ink), preprocessed as MNIST was (see preprocess.ts). */
  readonly input: Uint8Array;
  /** How much ink the picture holds before preprocessing (a blank page still becomes an input). */
  readonly ink: InkMeasure;
}

/**
 * The one preprocessing of a picture of a digit, whatever it came from — a PNG file read in
 * Node (png-node.ts), a canvas or a decoded PNG in the browser: RGBA pixels (4 bytes each,
 * row by row, any size) → ink in [0, 1] (dark-on-light inverted, transparent = paper) → the
 * digit's box scaled to 20 px and centred by its mass in 28×28, as MNIST was made.
 * Pure: runs in Node, the browser and Web Workers.
 */
export function digitFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): DigitImage {
  const gray = grayFromRgba(rgba, width, height);
  return { input: toMnistInput(gray, width, height), ink: measureInk(rgba, width, height) };
}
