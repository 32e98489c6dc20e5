import { maxAbs } from '../shared/inference.js';
import { grayPixels, type PaletteName, signedPixels } from '../shared/palette.js';
import { el } from './figure-parts.js';

/** The words of the strip, in the page's language. */
export interface MatrixStripText {
  readonly matrix: string;
  readonly column: string;
  /** The readout for row j (its numbers formatted by the caller). */
  readonly row: (j: number) => string;
  readonly idle: string;
}

/**
 * A layer as a matrix, drawn to scale: W as a strip of `rows` rows of `columns` weights (one
 * row per neuron, hue by sign, brightness by |w|), and under it the input column a laid on
 * its side, so each row of W meets a column by column — the product Wa is each row's sum
 * of those meetings. Pointing at a row (or moving with ↑ ↓ on the focused strip) marks it and
 * calls back with its index; the caller shows that row's numbers.
 */
export class MatrixStrip {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly columnCanvas: HTMLCanvasElement;
  private readonly readout: HTMLElement;
  private weights: Float32Array = new Float32Array(0);
  private row: number | null = null;
  palette: PaletteName = 'green-red';

  /** A strip of `rows` × `columns` in `host`; `onRow(j)` hears the row pointed at. */
  constructor(host: HTMLElement, private readonly rows: number, private readonly columns: number, private readonly text: MatrixStripText, private readonly onRow: (j: number | null) => void) {
    this.element = el('figure', 'matrix-strip');
    this.canvas = el('canvas', 'matrix-canvas');
    this.canvas.width = columns;
    this.canvas.height = rows;
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', text.matrix);
    this.columnCanvas = el('canvas', 'matrix-column');
    this.columnCanvas.width = columns;
    this.columnCanvas.height = 1;
    this.columnCanvas.setAttribute('role', 'img');
    this.columnCanvas.setAttribute('aria-label', text.column);
    this.readout = el('figcaption', 'matrix-readout', text.idle);
    this.readout.setAttribute('aria-live', 'polite');
    this.element.append(el('p', 'muted matrix-label', text.matrix), this.canvas, el('p', 'muted matrix-label', text.column), this.columnCanvas, this.readout);
    host.append(this.element);
    this.canvas.addEventListener('pointermove', (e) => {
      const box = this.canvas.getBoundingClientRect();
      this.pick(Math.min(rows - 1, Math.max(0, Math.floor(((e.clientY - box.top) / box.height) * rows))));
    });
    this.canvas.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
      e.preventDefault();
      this.pick(Math.max(0, Math.min(rows - 1, (this.row ?? -1) + (e.key === 'ArrowDown' ? 1 : -1))));
    });
    this.canvas.addEventListener('focus', () => this.pick(this.row ?? 0));
  }

  /** Draws W (`rows` × `columns`, row-major) and the column `input` (values in [0, 1]). */
  render(weights: Float32Array, input: ArrayLike<number>): void {
    this.weights = weights;
    const image = new ImageData(this.columns, this.rows);
    signedPixels(weights, maxAbs(weights), this.palette, image.data);
    if (this.row !== null) {
      // The chosen row stays bright; the others dim.
      for (let j = 0; j < this.rows; j++) if (j !== this.row) for (let k = 0; k < this.columns; k++) for (let c = 0; c < 3; c++) image.data[4 * (j * this.columns + k) + c] *= 0.35;
    }
    this.canvas.getContext('2d')?.putImageData(image, 0, 0);
    const column = new ImageData(this.columns, 1);
    grayPixels(input, 1, column.data);
    this.columnCanvas.getContext('2d')?.putImageData(column, 0, 0);
  }

  /** Sets the readout's text (the caller's numbers for the row pointed at). */
  say(text: string): void {
    this.readout.textContent = text;
  }

  private pick(j: number): void {
    if (j === this.row) return;
    this.row = j;
    this.readout.textContent = this.text.row(j);
    this.onRow(j);
  }
}
