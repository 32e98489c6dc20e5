import { el } from './figure-parts.js';

const SIDE = 28;
const CELL = 12;

/** The words of the grid, in the page's language. */
export interface ActivationGridText {
  /** The grid's accessible name. */
  readonly label: string;
  /** The readout for the pixel at column x, row y with activation a (already formatted). */
  readonly pixel: (x: number, y: number, a: string) => string;
  /** The readout when no pixel is pointed at. */
  readonly idle: string;
  readonly format: (a: number) => string;
}

/**
 * The input layer as what it is: 28×28 neurons, each pixel's activation in [0, 1] as its
 * brightness, with thin lines between the cells so each reads as one neuron. Pointing at a
 * cell, or moving a cursor over it with the arrow keys (the grid is focusable), shows its
 * column, row and activation in the readout below; the cell shown is marked. `render` takes
 * the 784 input bytes (255 = ink).
 */
export class ActivationGrid {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly readout: HTMLElement;
  private pixels: Uint8Array = new Uint8Array(SIDE * SIDE);
  private cursor: { x: number; y: number } | null = null;

  /** A grid in `host`. */
  constructor(host: HTMLElement, private readonly text: ActivationGridText) {
    this.element = el('figure', 'activation-grid');
    this.canvas = el('canvas', 'activation-grid-canvas');
    this.canvas.width = SIDE * CELL;
    this.canvas.height = SIDE * CELL;
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', text.label);
    this.readout = el('figcaption', 'activation-readout', text.idle);
    this.readout.setAttribute('aria-live', 'polite');
    this.element.append(this.canvas, this.readout);
    host.append(this.element);
    this.canvas.addEventListener('pointermove', (e) => {
      const box = this.canvas.getBoundingClientRect();
      this.point(Math.floor(((e.clientX - box.left) / box.width) * SIDE), Math.floor(((e.clientY - box.top) / box.height) * SIDE));
    });
    this.canvas.addEventListener('pointerleave', () => {
      if (document.activeElement !== this.canvas) this.point(null, null);
    });
    this.canvas.addEventListener('focus', () => this.cursor ?? this.point(13, 13));
    this.canvas.addEventListener('blur', () => this.point(null, null));
    this.canvas.addEventListener('keydown', (e) => {
      const step: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
      const d = step[e.key];
      if (!d) return;
      e.preventDefault();
      const c = this.cursor ?? { x: 13, y: 13 };
      this.point(c.x + d[0], c.y + d[1]);
    });
    this.draw();
  }

  /** The cell shown in the readout, or null. */
  get pointed(): { x: number; y: number } | null {
    return this.cursor;
  }

  /** Shows `pixels` (784 bytes, 255 = ink; null = blank). */
  render(pixels: Uint8Array | null): void {
    this.pixels = pixels ?? new Uint8Array(SIDE * SIDE);
    this.draw();
    if (this.cursor) this.point(this.cursor.x, this.cursor.y);
  }

  private point(x: number | null, y: number | null): void {
    if (x === null || y === null) {
      this.cursor = null;
      this.readout.textContent = this.text.idle;
      delete this.readout.dataset.value;
    } else {
      const cx = Math.max(0, Math.min(SIDE - 1, x));
      const cy = Math.max(0, Math.min(SIDE - 1, y));
      this.cursor = { x: cx, y: cy };
      const a = this.pixels[cy * SIDE + cx] / 255;
      this.readout.textContent = this.text.pixel(cx, cy, this.text.format(a));
      this.readout.dataset.value = String(a);
      this.readout.dataset.pixel = String(cy * SIDE + cx);
    }
    this.draw();
  }

  private draw(): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    for (let i = 0; i < SIDE * SIDE; i++) {
      const g = this.pixels[i];
      if (g === 0) continue;
      ctx.fillStyle = `rgb(${g},${g},${g})`;
      ctx.fillRect((i % SIDE) * CELL, Math.floor(i / SIDE) * CELL, CELL, CELL);
    }
    ctx.strokeStyle = 'rgba(120,130,150,0.35)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let k = 1; k < SIDE; k++) {
      ctx.moveTo(k * CELL + 0.5, 0);
      ctx.lineTo(k * CELL + 0.5, SIDE * CELL);
      ctx.moveTo(0, k * CELL + 0.5);
      ctx.lineTo(SIDE * CELL, k * CELL + 0.5);
    }
    ctx.stroke();
    if (this.cursor) {
      ctx.strokeStyle = '#7fd4ff';
      ctx.lineWidth = 2;
      ctx.strokeRect(this.cursor.x * CELL + 1, this.cursor.y * CELL + 1, CELL - 2, CELL - 2);
    }
  }
}
