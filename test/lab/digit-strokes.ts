/**
 * Drawings of the ten digits for the browser tests, as strokes on the draw pad's 256 × 256
 * grid (what `DrawPad.setStrokes` takes), each slanted by a chosen amount, so that a test can
 * add a varied set of digits through the pad without drawing each by hand.
 */
type Stroke = [number, number][];

/** An ellipse of radii rx, ry around (cx, cy), closed. */
function loop(cx: number, cy: number, rx: number, ry: number, n = 24): Stroke {
  return Array.from({ length: n + 1 }, (_, i) => [cx + rx * Math.sin((2 * Math.PI * i) / n), cy - ry * Math.cos((2 * Math.PI * i) / n)]);
}

const SHAPES: readonly (readonly Stroke[])[] = [
  [loop(128, 128, 55, 90)],
  [[[100, 60], [130, 30], [126, 226]]],
  [[[70, 80], [100, 40], [160, 40], [185, 80], [170, 130], [70, 220], [190, 220]]],
  [[[70, 50], [130, 35], [180, 70], [130, 120], [185, 170], [130, 220], [70, 200]]],
  [[[150, 30], [60, 160], [200, 160]], [[150, 30], [150, 230]]],
  [[[185, 35], [80, 35], [75, 115], [150, 105], [185, 160], [150, 215], [75, 205]]],
  [[[170, 40], [100, 80], [70, 160], [100, 220], [160, 215], [180, 165], [140, 130], [80, 150]]],
  [[[60, 40], [195, 40], [110, 225]]],
  [loop(128, 80, 45, 45), loop(128, 172, 55, 50)],
  [loop(128, 85, 50, 45), [[178, 85], [170, 230]]],
];

/** Digit `digit` slanted by `slant` (x moves by slant × (y − 128)), on the 0–255 grid. */
export function digitStrokes(digit: number, slant = 0): [number, number][][] {
  const clamp = (v: number): number => Math.max(0, Math.min(255, Math.round(v)));
  return SHAPES[digit].map((stroke) => stroke.map(([x, y]) => [clamp(x + slant * (y - 128)), clamp(y)]));
}
