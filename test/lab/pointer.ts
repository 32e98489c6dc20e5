import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** A point on a 280×280 draw pad. */
export type Point = readonly [number, number];

/** Drags the mouse through `points` (draw-pad pixels, 0–280) as one stroke on the canvas `selector`. */
export async function stroke(page: Page, points: readonly Point[], selector = '#pad'): Promise<void> {
  await page.locator(selector).scrollIntoViewIfNeeded();
  const box = await page.locator(selector).boundingBox();
  assert.ok(box);
  const at = ([x, y]: Point): [number, number] => [box.x + (x / 280) * box.width, box.y + (y / 280) * box.height];
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 4 });
  await page.mouse.up();
}

/** A 1 as the Lab's tests draw it: one slightly slanted downstroke. */
export const ONE: readonly Point[] = [
  [150, 40],
  [145, 100],
  [138, 170],
  [132, 240],
];

/** An ellipse (a 0) of radii rx, ry around (cx, cy). */
export function ellipse(cx: number, cy: number, rx: number, ry: number, n = 36): Point[] {
  return Array.from({ length: n + 1 }, (_, i) => [cx + rx * Math.sin((2 * Math.PI * i) / n), cy - ry * Math.cos((2 * Math.PI * i) / n)] as const);
}
