/**
 * A drawing in a few bytes, the one drawing code of the pages' addresses (the Lab's and the
 * course's `draw=`): each stroke is its points on a 256 × 256 grid over the pad (0 = left/top
 * edge, 255 = right/bottom), written as one byte giving the number of points (1–255; a longer
 * stroke is split, its pieces sharing an end point) and then x, y byte pairs; the bytes as
 * base64url (no padding, base64url.ts). A digit drawn with the mouse is some 100–300
 * characters. Decoding checks every byte and gives null for anything else.
 */
import { base64urlToBytes, bytesToBase64url } from './base64url.js';

/** A stroke as grid points, 0–255 each. */
export type GridStroke = readonly (readonly [number, number])[];

/** The grid's largest coordinate. */
export const GRID_MAX = 255;
/** The longest text a drawing may take in the address. */
export const MAX_DRAWING_LENGTH = 6000;

/** The strokes as base64url text ('' for none). */
export function encodeStrokes(strokes: readonly GridStroke[]): string {
  const bytes: number[] = [];
  for (const stroke of strokes) {
    for (let start = 0; start < stroke.length; start += 254) {
      const piece = stroke.slice(start === 0 ? 0 : start - 1, start + 254);
      if (start > 0 && piece.length < 2) break;
      bytes.push(piece.length);
      for (const [x, y] of piece) bytes.push(clampByte(x), clampByte(y));
    }
  }
  return bytesToBase64url(bytes);
}

/** The strokes `text` holds, or null when it is not a drawing this codec wrote. */
export function decodeStrokes(text: string): GridStroke[] | null {
  const bytes = text.length > MAX_DRAWING_LENGTH ? null : base64urlToBytes(text);
  if (bytes === null) return null;
  const strokes: [number, number][][] = [];
  for (let i = 0; i < bytes.length; ) {
    const count = bytes[i++];
    if (count === 0 || i + 2 * count > bytes.length) return null;
    const stroke: [number, number][] = [];
    for (let p = 0; p < count; p++, i += 2) stroke.push([bytes[i], bytes[i + 1]]);
    strokes.push(stroke);
  }
  return strokes;
}

function clampByte(v: number): number {
  return Math.max(0, Math.min(GRID_MAX, Math.round(v)));
}

/** Ramer–Douglas–Peucker: the points of `stroke` that bend it by more than `epsilon` (ends kept). */
export function simplifyStroke<P extends readonly [number, number]>(stroke: readonly P[], epsilon: number): P[] {
  if (stroke.length <= 2) return [...stroke];
  const keep = new Uint8Array(stroke.length);
  keep[0] = 1;
  keep[stroke.length - 1] = 1;
  const spans: [number, number][] = [[0, stroke.length - 1]];
  while (spans.length > 0) {
    const [a, b] = spans.pop() as [number, number];
    const [ax, ay] = stroke[a];
    const [bx, by] = stroke[b];
    const length = Math.hypot(bx - ax, by - ay);
    let far = -1;
    let farthest = epsilon;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = stroke[i];
      const d = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (d > farthest) {
        farthest = d;
        far = i;
      }
    }
    if (far >= 0) {
      keep[far] = 1;
      spans.push([a, far], [far, b]);
    }
  }
  return stroke.filter((_, i) => keep[i] === 1);
}
