import { type PaletteName, signedPixels } from '../shared/palette.js';
import { el } from './figure-parts.js';

/** The words of the matrix, in the page's language. */
export interface WishMatrixText {
  /** The accessible name of the whole matrix. */
  readonly label: string;
  /** The readout for cell (j, k) (the caller formats its numbers). */
  readonly cell: (j: number, k: number) => string;
  readonly idle: string;
}

/**
 * How wishes are passed back one layer (summed backwards), as a matrix of coloured cells: row j is neuron
 * j of the later layer, column k neuron k of the layer before, and cell (j, k) is j's share of
 * k's wish, w_jk · σ′(z_j) · wish_j (hue by sign, brightness by size on one scale). Each
 * column's sum is neuron k's wish. Pointing at a cell — or moving with the arrow keys over the
 * focused matrix — marks it and shows the caller's readout; `data-row`/`data-col` on the
 * readout say which cell, `data-value` its number.
 */
export class WishMatrix {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly readout: HTMLElement;
  private readonly mark: HTMLElement;
  private values: readonly (readonly number[])[] = [];
  private cursor: { j: number; k: number } | null = null;
  palette: PaletteName = 'green-red';

  /** An empty matrix in `host`. */
  constructor(host: HTMLElement, private readonly text: WishMatrixText) {
    this.element = el('figure', 'wish-matrix');
    this.canvas = el('canvas', 'wish-matrix-canvas');
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', text.label);
    this.readout = el('figcaption', 'wish-matrix-readout', text.idle);
    this.readout.setAttribute('aria-live', 'polite');
    const stage = el('div', 'wish-matrix-stage');
    this.mark = el('span', 'wish-matrix-mark');
    this.mark.hidden = true;
    stage.append(this.canvas, this.mark);
    this.element.append(stage, this.readout);
    host.append(this.element);
    this.canvas.addEventListener('pointermove', (e) => {
      const box = this.canvas.getBoundingClientRect();
      const rows = this.values.length;
      const cols = this.values[0]?.length ?? 0;
      if (rows === 0) return;
      this.point(Math.floor(((e.clientY - box.top) / box.height) * rows), Math.floor(((e.clientX - box.left) / box.width) * cols));
    });
    this.canvas.addEventListener('keydown', (e) => {
      const step: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
      const d = step[e.key];
      if (!d) return;
      e.preventDefault();
      const c = this.cursor ?? { j: 0, k: 0 };
      this.point(c.j + d[0], c.k + d[1]);
    });
    this.canvas.addEventListener('focus', () => this.point(this.cursor?.j ?? 0, this.cursor?.k ?? 0));
  }

  /** Shows `values[j][k]`; `scale` is the |value| of the brightest colour (default: the largest). */
  render(values: readonly (readonly number[])[], scale?: number): void {
    this.values = values;
    const rows = values.length;
    const cols = values[0]?.length ?? 0;
    this.canvas.width = Math.max(1, cols);
    this.canvas.height = Math.max(1, rows);
    this.canvas.style.aspectRatio = `${Math.max(1, cols)} / ${Math.max(1, rows)}`;
    const flat = Float32Array.from(values.flat());
    const max = scale ?? flat.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    const image = new ImageData(this.canvas.width, this.canvas.height);
    signedPixels(flat, max || 1, this.palette, image.data);
    const ctx = this.canvas.getContext('2d');
    ctx?.putImageData(image, 0, 0);
    if (this.cursor && this.cursor.j < rows && this.cursor.k < cols) this.point(this.cursor.j, this.cursor.k);
    else {
      this.cursor = null;
      this.mark.hidden = true;
      this.readout.textContent = this.text.idle;
    }
  }

  private point(j: number, k: number): void {
    const rows = this.values.length;
    const cols = this.values[0]?.length ?? 0;
    if (rows === 0 || cols === 0) return;
    const cj = Math.max(0, Math.min(rows - 1, j));
    const ck = Math.max(0, Math.min(cols - 1, k));
    this.cursor = { j: cj, k: ck };
    this.readout.textContent = this.text.cell(cj, ck);
    this.readout.dataset.row = String(cj);
    this.readout.dataset.col = String(ck);
    this.readout.dataset.value = String(this.values[cj][ck]);
    this.mark.hidden = false;
    Object.assign(this.mark.style, { left: `${(100 * ck) / cols}%`, top: `${(100 * cj) / rows}%`, width: `${100 / cols}%`, height: `${100 / rows}%` });
  }
}
