/**
 * Digits in other hands: each handwriting-like font of an `@fontsource/*` npm package is one
 * "writer", its digits rendered with @napi-rs/canvas with small random variations, as one
 * person's digits vary — the font's weights (where it has several), size, slant, a small
 * rotation, width, stroke thickness and ink darkness. The pictures are made here from the
 * fonts' outlines; nobody drew them for this test. Used by scripts/writer-adaptation.ts.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Rng } from '../src/core/rng.js';

/** The canvas a digit is drawn on, in pixels (any size works: preprocessing fits it to 20 px). */
export const CANVAS_SIDE = 96;

/** This project's folder (its node_modules has the fonts the table uses, as devDependencies). */
const PROJECT = fileURLToPath(new URL('..', import.meta.url));

/** One font as a writer: its package and the families registered for its weights. */
export interface FontWriter {
  /** The package's font name, e.g. "caveat" for @fontsource/caveat. */
  readonly name: string;
  readonly families: readonly string[];
}

/**
 * Registers the Latin glyphs of every normal weight of `@fontsource/<name>` (resolved from
 * `from`, a folder whose node_modules holds the package; default this project).
 */
export function loadFontWriter(name: string, from = PROJECT): FontWriter {
  const require = createRequire(join(from, 'package.json'));
  let folder: string;
  try {
    folder = join(dirname(require.resolve(`@fontsource/${name}/package.json`)), 'files');
  } catch {
    throw new Error(`@fontsource/${name} is not installed (npm install --no-save @fontsource/${name})`);
  }
  const files = readdirSync(folder).filter((f) => new RegExp(`^${name}-latin-(\\d+)-normal\\.woff2$`).test(f)).sort();
  if (files.length === 0) throw new Error(`@fontsource/${name}: no Latin normal-style .woff2 file in ${folder}`);
  const families = files.map((file) => {
    const family = `writer-${file.replace(/\.woff2$/, '')}`;
    GlobalFonts.registerFromPath(join(folder, file), family);
    return family;
  });
  return { name, families };
}

/**
 * One digit in the writer's hand, as RGBA pixels of a CANVAS_SIDE² canvas (dark ink on white
 * paper), varied by draws from `rng`: a weight of the font, size 52–68 px, slant ±12°,
 * rotation ±6°, width 85–115 %, an outline stroke of 0–3 px that thickens the lines, ink grey
 * level 0–60 of 255.
 */
export function renderDigit(writer: FontWriter, digit: number, rng: Rng): Uint8ClampedArray {
  const u = (low: number, high: number): number => low + (high - low) * rng.uniform();
  const family = writer.families[rng.int(writer.families.length)];
  const size = u(52, 68);
  const slant = Math.tan((u(-12, 12) * Math.PI) / 180);
  const rotation = (u(-6, 6) * Math.PI) / 180;
  const width = u(0.85, 1.15);
  const stroke = u(0, 3);
  const ink = Math.round(u(0, 60));
  const canvas = createCanvas(CANVAS_SIDE, CANVAS_SIDE);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, CANVAS_SIDE, CANVAS_SIDE);
  ctx.translate(CANVAS_SIDE / 2, CANVAS_SIDE / 2);
  ctx.rotate(rotation);
  ctx.transform(width, 0, -slant, 1, 0, 0);
  ctx.font = `${size.toFixed(1)}px ${family}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const colour = `rgb(${ink},${ink},${ink})`;
  ctx.fillStyle = colour;
  ctx.fillText(String(digit), 0, 0);
  if (stroke > 0.25) {
    ctx.strokeStyle = colour;
    ctx.lineWidth = stroke;
    ctx.lineJoin = 'round';
    ctx.strokeText(String(digit), 0, 0);
  }
  return ctx.getImageData(0, 0, CANVAS_SIDE, CANVAS_SIDE).data;
}

/** A canvas of RGBA pixels as a PNG file's bytes (for writing a writer's digits as an image folder). */
export function rgbaToPng(rgba: Uint8ClampedArray, side = CANVAS_SIDE): Buffer {
  const canvas = createCanvas(side, side);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(side, side);
  image.data.set(rgba);
  ctx.putImageData(image, 0, 0);
  return canvas.toBuffer('image/png');
}
