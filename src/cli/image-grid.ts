import { createCanvas } from '@napi-rs/canvas';
import { writeFileAtomic } from '../model/model-io.js';

/**
 * PNG grids of small images (28×28 digits, weight maps) with optional captions, for the
 * experiments' figures. Two ways to colour a tile: `gray`, values in [0, 1] with 1 = white
 * ink on black (as the network sees its input); `signed`, weights on black, green for
 * positive and red for negative, brightness = |w| / scale (the source document's colours).
 */

/** How a tile's values become colours. */
export type TileKind = 'gray' | 'signed';

/** One image of a grid. */
export interface GridTile {
  /** width × height values, row by row. */
  readonly values: ArrayLike<number>;
  readonly kind: TileKind;
  /** For `signed`: the |value| drawn at full brightness (default: the tile's largest |value|). */
  readonly scale?: number;
  /** Text under the tile (one line, kept short). */
  readonly caption?: string;
  /** Caption colour (default light grey), e.g. red for a mistake. */
  readonly captionColor?: string;
}

/** A grid of equally sized tiles. */
export interface ImageGridSpec {
  readonly tiles: readonly GridTile[];
  /** Tiles per row (default: up to 8). */
  readonly columns?: number;
  /** Tile size in source pixels (default 28 × 28). */
  readonly width?: number;
  readonly height?: number;
  /** Screen pixels per source pixel (default 4: a 28×28 digit becomes 112×112). */
  readonly zoom?: number;
  /** A title above the grid. */
  readonly title?: string;
}

/** RGB of the positive and negative hues: the Lab's green-red palette. */
const POSITIVE = [60, 220, 90] as const;
const NEGATIVE = [240, 64, 64] as const;
const GAP = 6;
const CAPTION_HEIGHT = 18;
const TITLE_HEIGHT = 28;

/** PNG bytes of an image grid. */
export function renderImageGrid(spec: ImageGridSpec): Buffer {
  const w = spec.width ?? 28;
  const h = spec.height ?? 28;
  const zoom = spec.zoom ?? 4;
  const columns = Math.max(1, spec.columns ?? Math.min(8, spec.tiles.length));
  const rows = Math.max(1, Math.ceil(spec.tiles.length / columns));
  const captioned = spec.tiles.some((t) => t.caption);
  const cellW = w * zoom + GAP;
  const cellH = h * zoom + GAP + (captioned ? CAPTION_HEIGHT : 0);
  const top = spec.title ? TITLE_HEIGHT : 0;
  const canvas = createCanvas(columns * cellW + GAP, top + rows * cellH + GAP);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#202020';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  if (spec.title) {
    ctx.fillStyle = '#eeeeee';
    ctx.font = '16px sans-serif';
    ctx.textBaseline = 'middle';
    ctx.fillText(spec.title, GAP, TITLE_HEIGHT / 2 + 2);
  }
  spec.tiles.forEach((tile, i) => {
    if (tile.values.length !== w * h) throw new RangeError(`image grid: tile ${i} has ${tile.values.length} values, expected ${w}×${h}`);
    const x0 = GAP + (i % columns) * cellW;
    const y0 = top + GAP + Math.floor(i / columns) * cellH;
    const image = ctx.createImageData(w * zoom, h * zoom);
    const rgba = tileColors(tile, w * h);
    for (let y = 0; y < h * zoom; y++) {
      for (let x = 0; x < w * zoom; x++) {
        const s = (Math.floor(y / zoom) * w + Math.floor(x / zoom)) * 4;
        const d = (y * w * zoom + x) * 4;
        image.data[d] = rgba[s];
        image.data[d + 1] = rgba[s + 1];
        image.data[d + 2] = rgba[s + 2];
        image.data[d + 3] = 255;
      }
    }
    ctx.putImageData(image, x0, y0);
    if (tile.caption) {
      ctx.fillStyle = tile.captionColor ?? '#dddddd';
      ctx.font = '13px sans-serif';
      ctx.textBaseline = 'top';
      ctx.fillText(tile.caption, x0, y0 + h * zoom + 3, w * zoom);
    }
  });
  return canvas.toBuffer('image/png');
}

/** Writes an image grid as a PNG file (atomically). */
export async function writeImageGrid(file: string, spec: ImageGridSpec): Promise<void> {
  await writeFileAtomic(file, renderImageGrid(spec));
}

/** RGBA bytes of one tile. */
function tileColors(tile: GridTile, n: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(n * 4);
  const v = tile.values;
  if (tile.kind === 'gray') {
    for (let i = 0; i < n; i++) {
      const g = Math.round(Math.min(1, Math.max(0, v[i])) * 255);
      out[4 * i] = out[4 * i + 1] = out[4 * i + 2] = g;
    }
    return out;
  }
  let scale = tile.scale ?? 0;
  if (!scale) for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(v[i]));
  if (!scale) scale = 1;
  for (let i = 0; i < n; i++) {
    const t = Math.min(1, Math.abs(v[i]) / scale);
    const hue = v[i] >= 0 ? POSITIVE : NEGATIVE;
    out[4 * i] = hue[0] * t;
    out[4 * i + 1] = hue[1] * t;
    out[4 * i + 2] = hue[2] * t;
  }
  return out;
}
