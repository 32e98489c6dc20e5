import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { ticks, tickLabel as label } from '../explain/axis-ticks.js';
import { bilinear, viridis } from '../explain/colormap.js';
import { writeFileAtomic } from '../model/model-io.js';

/**
 * PNG maps of a cost surface C(x, y) with paths drawn on it (the gradient-descent and
 * SGD-path explorables). The surface is a height map (colour = cost, dark = low, on a
 * perceptual viridis-like scale) with contour lines at equally spaced cost levels (marching
 * squares), a colour bar, and each path as a polyline with its start marked by a ring and
 * its end by a dot. Chart.js has no contour plots, hence this small renderer on
 * @napi-rs/canvas directly.
 */

/** One path over the map. */
export interface MapPath {
  readonly label: string;
  /** [x, y] points in map coordinates, in order. */
  readonly points: readonly (readonly [number, number])[];
  readonly color: string;
  /** Draw a dot at every point (short paths) — default: when ≤ 60 points. */
  readonly dots?: boolean;
}

/** A cost map and what to draw on it. */
export interface CostMapSpec {
  /** Grid x positions (increasing) and y positions (increasing). */
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** costs[i][j] = C(xs[j], ys[i]). */
  readonly costs: readonly (readonly number[])[];
  readonly paths: readonly MapPath[];
  /** Points to mark with a cross (e.g. the minima). */
  readonly marks?: readonly (readonly [number, number])[];
  readonly title?: string;
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** Number of contour levels (default 14). */
  readonly contours?: number;
  /** Colour by log(cost) (costs spanning decades); default false. */
  readonly logColor?: boolean;
  /** Pixels (default 760 × 640). */
  readonly width?: number;
  readonly height?: number;
}

const MARGIN = { left: 70, right: 110, top: 40, bottom: 90 };

/** PNG bytes of a cost map with paths. */
export function renderCostMap(spec: CostMapSpec): Buffer {
  const width = spec.width ?? 760;
  const height = spec.height ?? 640;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const { xs, ys, costs } = spec;
  const [x0, x1] = [xs[0], xs[xs.length - 1]];
  const [y0, y1] = [ys[0], ys[ys.length - 1]];
  const px = (x: number): number => MARGIN.left + ((x - x0) / (x1 - x0)) * plotW;
  const py = (y: number): number => MARGIN.top + (1 - (y - y0) / (y1 - y0)) * plotH;
  const flat = costs.flat().filter(Number.isFinite);
  const tf = (c: number): number => (spec.logColor ? Math.log(Math.max(c, 1e-12)) : c);
  const lo = tf(Math.min(...flat));
  const hi = tf(Math.max(...flat));
  const norm = (c: number): number => (hi > lo ? (tf(c) - lo) / (hi - lo) : 0);

  // Height map: bilinear interpolation of the grid at every pixel.
  const image = ctx.createImageData(plotW, plotH);
  for (let r = 0; r < plotH; r++) {
    const y = y1 - ((r + 0.5) / plotH) * (y1 - y0);
    for (let c = 0; c < plotW; c++) {
      const x = x0 + ((c + 0.5) / plotW) * (x1 - x0);
      const [red, green, blue] = viridis(norm(bilinear(xs, ys, costs, x, y)));
      const o = (r * plotW + c) * 4;
      image.data[o] = red;
      image.data[o + 1] = green;
      image.data[o + 2] = blue;
      image.data[o + 3] = 255;
    }
  }
  ctx.putImageData(image, MARGIN.left, MARGIN.top);

  // Contour lines by marching squares on the grid cells.
  ctx.strokeStyle = 'rgba(255,255,255,0.45)';
  ctx.lineWidth = 1;
  const levels = spec.contours ?? 14;
  for (let q = 1; q < levels; q++) {
    const level = lo + ((hi - lo) * q) / levels;
    ctx.beginPath();
    for (let i = 0; i + 1 < ys.length; i++) {
      for (let j = 0; j + 1 < xs.length; j++) {
        const corners: [number, number, number][] = [
          [xs[j], ys[i], tf(costs[i][j])],
          [xs[j + 1], ys[i], tf(costs[i][j + 1])],
          [xs[j + 1], ys[i + 1], tf(costs[i + 1][j + 1])],
          [xs[j], ys[i + 1], tf(costs[i + 1][j])],
        ];
        const crossings: [number, number][] = [];
        for (let e = 0; e < 4; e++) {
          const [ax, ay, av] = corners[e];
          const [bx, by, bv] = corners[(e + 1) % 4];
          if ((av < level) !== (bv < level)) {
            const t = (level - av) / (bv - av);
            crossings.push([ax + t * (bx - ax), ay + t * (by - ay)]);
          }
        }
        for (let k = 0; k + 1 < crossings.length; k += 2) {
          ctx.moveTo(px(crossings[k][0]), py(crossings[k][1]));
          ctx.lineTo(px(crossings[k + 1][0]), py(crossings[k + 1][1]));
        }
      }
    }
    ctx.stroke();
  }

  // Paths, clipped to the plot.
  ctx.save();
  ctx.beginPath();
  ctx.rect(MARGIN.left, MARGIN.top, plotW, plotH);
  ctx.clip();
  for (const path of spec.paths) drawPath(ctx, path, px, py);
  for (const [mx, my] of spec.marks ?? []) {
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(px(mx) - 6, py(my) - 6);
    ctx.lineTo(px(mx) + 6, py(my) + 6);
    ctx.moveTo(px(mx) + 6, py(my) - 6);
    ctx.lineTo(px(mx) - 6, py(my) + 6);
    ctx.stroke();
  }
  ctx.restore();

  drawAxes(ctx, spec, px, py, plotW, plotH, width, height);
  drawColorBar(ctx, spec, lo, hi, width, plotH);
  drawLegend(ctx, spec.paths, height);
  return canvas.toBuffer('image/png');
}

/** Writes a cost map as a PNG file (atomically). */
export async function writeCostMap(file: string, spec: CostMapSpec): Promise<void> {
  await writeFileAtomic(file, renderCostMap(spec));
}

function drawPath(ctx: SKRSContext2D, path: MapPath, px: (x: number) => number, py: (y: number) => number): void {
  const pts = path.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (pts.length === 0) return;
  // A dark halo under the line keeps it readable on every colour of the map.
  for (const [style, w] of [['rgba(0,0,0,0.55)', 4.5], [path.color, 2]] as const) {
    ctx.strokeStyle = style;
    ctx.lineWidth = w;
    ctx.beginPath();
    pts.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(px(x), py(y)) : ctx.lineTo(px(x), py(y))));
    ctx.stroke();
  }
  ctx.fillStyle = path.color;
  if (path.dots ?? pts.length <= 60) {
    for (const [x, y] of pts) {
      ctx.beginPath();
      ctx.arc(px(x), py(y), 2.5, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
  const [sx, sy] = pts[0];
  ctx.strokeStyle = path.color;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.arc(px(sx), py(sy), 7, 0, 2 * Math.PI);
  ctx.stroke();
  const [ex, ey] = pts[pts.length - 1];
  ctx.beginPath();
  ctx.arc(px(ex), py(ey), 5, 0, 2 * Math.PI);
  ctx.fill();
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 1;
  ctx.stroke();
}

function drawAxes(
  ctx: SKRSContext2D,
  spec: CostMapSpec,
  px: (x: number) => number,
  py: (y: number) => number,
  plotW: number,
  plotH: number,
  width: number,
  height: number,
): void {
  ctx.strokeStyle = '#333';
  ctx.lineWidth = 1;
  ctx.strokeRect(MARGIN.left, MARGIN.top, plotW, plotH);
  ctx.fillStyle = '#222';
  ctx.font = '12px sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of ticks(spec.xs[0], spec.xs[spec.xs.length - 1])) ctx.fillText(label(t), px(t), MARGIN.top + plotH + 5);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of ticks(spec.ys[0], spec.ys[spec.ys.length - 1])) ctx.fillText(label(t), MARGIN.left - 6, py(t));
  ctx.font = '14px sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  if (spec.xLabel) ctx.fillText(spec.xLabel, MARGIN.left + plotW / 2, MARGIN.top + plotH + 24);
  if (spec.yLabel) {
    ctx.save();
    ctx.translate(18, MARGIN.top + plotH / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(spec.yLabel, 0, 0);
    ctx.restore();
  }
  if (spec.title) {
    ctx.font = '16px sans-serif';
    ctx.textBaseline = 'middle';
    ctx.fillText(spec.title, width / 2, MARGIN.top / 2);
  }
  void height;
}

function drawColorBar(ctx: SKRSContext2D, spec: CostMapSpec, lo: number, hi: number, width: number, plotH: number): void {
  const x = width - MARGIN.right + 24;
  const w = 18;
  for (let r = 0; r < plotH; r++) {
    const [red, green, blue] = viridis(1 - r / (plotH - 1));
    ctx.fillStyle = `rgb(${red},${green},${blue})`;
    ctx.fillRect(x, MARGIN.top + r, w, 1);
  }
  ctx.strokeStyle = '#333';
  ctx.strokeRect(x, MARGIN.top, w, plotH);
  ctx.fillStyle = '#222';
  ctx.font = '12px sans-serif';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  const back = (t: number): number => (spec.logColor ? Math.exp(t) : t);
  for (let k = 0; k <= 4; k++) {
    const t = lo + ((hi - lo) * k) / 4;
    ctx.fillText(label(back(t)), x + w + 4, MARGIN.top + plotH * (1 - k / 4));
  }
  ctx.textAlign = 'center';
  ctx.fillText('cost', x + w / 2, MARGIN.top - 12);
}

function drawLegend(ctx: SKRSContext2D, paths: readonly MapPath[], height: number): void {
  ctx.font = '13px sans-serif';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  let x = MARGIN.left;
  let y = height - 44;
  for (const p of paths) {
    const w = ctx.measureText(p.label).width + 40;
    if (x + w > ctx.canvas.width - 10) {
      x = MARGIN.left;
      y += 20;
    }
    ctx.strokeStyle = p.color;
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 24, y);
    ctx.stroke();
    ctx.fillStyle = '#222';
    ctx.fillText(p.label, x + 30, y);
    x += w;
  }
}
