import { ticks, tickLabel } from '../../explain/axis-ticks.js';
import { bilinear, viridis } from '../../explain/colormap.js';
import { beginCanvasText, canvasFont, canvasScale } from './canvas-text.js';

/** A cost grid: costs[i][j] = C(xs[j], ys[i]), xs and ys increasing. */
export interface CostGrid {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly costs: readonly (readonly number[])[];
}

/**
 * A canvas showing a cost surface as a height map (viridis: dark = low) with contour lines,
 * onto which paths, a ball and an arrow are drawn. The map is rendered once per grid into
 * an offscreen bitmap; `redraw` only repaints it and the overlays, so animation is cheap.
 */
export class MapCanvas {
  private background: HTMLCanvasElement | null = null;
  private grid: CostGrid | null = null;
  private log = false;
  /** Canvas pixels per CSS pixel when the map was rendered: the margins and the text grow with it. */
  private scale = 1;

  /** Margins for the axes' numbers, in canvas pixels (CSS pixels × the scale, so the numbers fit at a readable size). */
  private get pad(): { left: number; right: number; top: number; bottom: number } {
    const s = this.scale;
    // Whole pixels: the map's bitmap is as wide and high as the plot.
    return { left: Math.round(44 * s), right: Math.round(10 * s), top: Math.round(10 * s), bottom: Math.round(30 * s) };
  }

  /** How an axis tick is written (three significant digits; a page gives its language's decimal mark and minus). */
  formatTick: (value: number) => string = (value) => tickLabel(value, 3);

  /** Draws into `canvas` (its width/height attributes set the drawing size). */
  constructor(readonly canvas: HTMLCanvasElement) {}

  /** Sets the grid and renders the height map (log colours when `log`). */
  setGrid(grid: CostGrid, log = false): void {
    this.grid = grid;
    this.log = log;
    this.scale = canvasScale(this.canvas);
    const { w, h } = this.plotSize();
    const bg = document.createElement('canvas');
    bg.width = w;
    bg.height = h;
    const ctx = bg.getContext('2d') as CanvasRenderingContext2D;
    const flat = grid.costs.flat().filter(Number.isFinite);
    const tf = (c: number): number => (log ? Math.log(Math.max(c, 1e-12)) : c);
    const lo = tf(Math.min(...flat));
    const hi = tf(Math.max(...flat));
    const image = ctx.createImageData(w, h);
    const levels = 14;
    const [x0, x1, y0, y1] = this.bounds();
    const t = new Float64Array(w * h);
    for (let r = 0; r < h; r++) {
      const y = y1 - ((r + 0.5) / h) * (y1 - y0);
      for (let c = 0; c < w; c++) {
        const x = x0 + ((c + 0.5) / w) * (x1 - x0);
        t[r * w + c] = hi > lo ? (tf(bilinear(grid.xs, grid.ys, grid.costs, x, y)) - lo) / (hi - lo) : 0;
      }
    }
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        const i = r * w + c;
        const [red, green, blue] = viridis(t[i]);
        // A contour line where the level band changes between neighbouring pixels.
        const band = Math.floor(t[i] * levels);
        const edge = (c + 1 < w && Math.floor(t[i + 1] * levels) !== band) || (r + 1 < h && Math.floor(t[i + w] * levels) !== band);
        const lift = edge ? 70 : 0;
        const o = i * 4;
        image.data[o] = Math.min(255, red + lift);
        image.data[o + 1] = Math.min(255, green + lift);
        image.data[o + 2] = Math.min(255, blue + lift);
        image.data[o + 3] = 255;
      }
    }
    ctx.putImageData(image, 0, 0);
    this.background = bg;
  }

  /** Canvas pixel of the map point (x, y). */
  toCanvas(x: number, y: number): [number, number] {
    const [x0, x1, y0, y1] = this.bounds();
    const { w, h } = this.plotSize();
    return [this.pad.left + ((x - x0) / (x1 - x0)) * w, this.pad.top + (1 - (y - y0) / (y1 - y0)) * h];
  }

  /** The map point under a mouse event. */
  fromEvent(e: MouseEvent): [number, number] {
    const rect = this.canvas.getBoundingClientRect();
    const px = ((e.clientX - rect.left) / rect.width) * this.canvas.width;
    const py = ((e.clientY - rect.top) / rect.height) * this.canvas.height;
    const [x0, x1, y0, y1] = this.bounds();
    const { w, h } = this.plotSize();
    return [x0 + ((px - this.pad.left) / w) * (x1 - x0), y1 - ((py - this.pad.top) / h) * (y1 - y0)];
  }

  /** Repaints the map and axes (the map rendered afresh when the canvas is shown at another scale); draw overlays after this. */
  redraw(): CanvasRenderingContext2D {
    const ctx = this.canvas.getContext('2d') as CanvasRenderingContext2D;
    if (this.grid !== null && Math.abs(canvasScale(this.canvas) - this.scale) > 0.01) this.setGrid(this.grid, this.log);
    beginCanvasText(this.canvas);
    ctx.fillStyle = '#0b0d12';
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    if (this.background) ctx.drawImage(this.background, this.pad.left, this.pad.top);
    const [x0, x1, y0, y1] = this.bounds();
    ctx.fillStyle = '#aeb4c0';
    canvasFont(ctx, 11);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const s = this.scale;
    for (const t of ticks(x0, x1)) ctx.fillText(this.formatTick(t), this.toCanvas(t, y0)[0], this.canvas.height - this.pad.bottom + 6 * s);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of ticks(y0, y1)) ctx.fillText(this.formatTick(t), this.pad.left - 5 * s, this.toCanvas(x0, t)[1]);
    return ctx;
  }

  /** Names of the two axes, drawn inside the plot's bottom-right and top-left corners. */
  axisLabels(x: string, y: string): void {
    const ctx = this.canvas.getContext('2d') as CanvasRenderingContext2D;
    const { w, h } = this.plotSize();
    const s = this.scale;
    canvasFont(ctx, 12);
    ctx.fillStyle = '#ffffff';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText(x, this.pad.left + w - 6 * s, this.pad.top + h - 4 * s);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(y, this.pad.left + 6 * s, this.pad.top + 4 * s);
  }

  /** A polyline through map points with a ring at its start and a dot at its end. */
  drawPath(points: readonly (readonly number[])[], color: string, dots = false): void {
    const ctx = this.canvas.getContext('2d') as CanvasRenderingContext2D;
    if (points.length === 0) return;
    const pts = points.map(([x, y]) => this.toCanvas(x, y));
    const s = this.scale;
    for (const [style, width] of [['rgba(0,0,0,0.6)', 4], [color, 2]] as const) {
      ctx.strokeStyle = style;
      ctx.lineWidth = width * s;
      ctx.beginPath();
      pts.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      ctx.stroke();
    }
    ctx.fillStyle = color;
    if (dots) for (const [x, y] of pts) ctx.fillRect(x - 2 * s, y - 2 * s, 4 * s, 4 * s);
    ctx.strokeStyle = color;
    ctx.lineWidth = 2 * s;
    ctx.beginPath();
    ctx.arc(pts[0][0], pts[0][1], 6 * s, 0, 2 * Math.PI);
    ctx.stroke();
    // The end: a filled dot with a dark rim.
    const [ex, ey] = pts[pts.length - 1];
    ctx.beginPath();
    ctx.arc(ex, ey, 4.5 * s, 0, 2 * Math.PI);
    ctx.fill();
    ctx.strokeStyle = '#000';
    ctx.lineWidth = s;
    ctx.stroke();
  }

  /** The ball at map point p. */
  drawBall(p: readonly number[]): void {
    const ctx = this.canvas.getContext('2d') as CanvasRenderingContext2D;
    const [x, y] = this.toCanvas(p[0], p[1]);
    ctx.fillStyle = '#ffffff';
    ctx.strokeStyle = '#000';
    ctx.lineWidth = 1.5 * this.scale;
    ctx.beginPath();
    ctx.arc(x, y, 7 * this.scale, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }

  /** An arrow from map point `from` to `to`. */
  drawArrow(from: readonly number[], to: readonly number[], color = '#ffd166'): void {
    const ctx = this.canvas.getContext('2d') as CanvasRenderingContext2D;
    arrow(ctx, this.toCanvas(from[0], from[1]), this.toCanvas(to[0], to[1]), color, this.scale);
  }

  /** A cross at map point p (a minimum). */
  drawMark(p: readonly number[]): void {
    const ctx = this.canvas.getContext('2d') as CanvasRenderingContext2D;
    const [x, y] = this.toCanvas(p[0], p[1]);
    const r = 5 * this.scale;
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2 * this.scale;
    ctx.beginPath();
    ctx.moveTo(x - r, y - r);
    ctx.lineTo(x + r, y + r);
    ctx.moveTo(x + r, y - r);
    ctx.lineTo(x - r, y + r);
    ctx.stroke();
  }

  private bounds(): [number, number, number, number] {
    const g = this.grid;
    if (!g) return [0, 1, 0, 1];
    return [g.xs[0], g.xs[g.xs.length - 1], g.ys[0], g.ys[g.ys.length - 1]];
  }

  private plotSize(): { w: number; h: number } {
    return { w: this.canvas.width - this.pad.left - this.pad.right, h: this.canvas.height - this.pad.top - this.pad.bottom };
  }
}

/** Draws an arrow on a 2-D context between canvas points (its line and head `scale` times the usual size: a canvas shown smaller). */
export function arrow(ctx: CanvasRenderingContext2D, [ax, ay]: readonly number[], [bx, by]: readonly number[], color: string, scale = 1): void {
  const len = Math.hypot(bx - ax, by - ay);
  if (len < 1) return;
  const ux = (bx - ax) / len;
  const uy = (by - ay) / len;
  const head = Math.min(10 * scale, len / 2);
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2.5 * scale;
  ctx.beginPath();
  ctx.moveTo(ax, ay);
  ctx.lineTo(bx - ux * head, by - uy * head);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(bx, by);
  ctx.lineTo(bx - ux * head - uy * head * 0.5, by - uy * head + ux * head * 0.5);
  ctx.lineTo(bx - ux * head + uy * head * 0.5, by - uy * head - ux * head * 0.5);
  ctx.closePath();
  ctx.fill();
}
