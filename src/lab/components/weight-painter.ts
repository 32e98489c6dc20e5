import { type PaletteName, signedPixels } from '../shared/palette.js';
import { el } from './figure-parts.js';

const SIDE = 28;

/** The words of the painter, in the page's language. */
export interface WeightPainterText {
  readonly label: string;
  readonly positive: string;
  readonly negative: string;
  readonly erase: string;
  readonly clear: string;
  /** Presets: a name and the weights it paints (784 values). */
  readonly presets: readonly { readonly name: string; readonly weights: () => Float32Array }[];
}

/** What the brush paints. */
type Brush = 1 | -1 | 0;

/**
 * A neuron's 784 weights painted by hand (the hand-made detector): a 28×28 grid in the weight
 * colours (green +1, red −1, black 0). Drag to paint with the chosen brush (the right button
 * or Shift paints red); with the keyboard, arrow keys move the brush and Space paints. Each
 * change calls `onChange` with the weights (the same array, changed in place).
 */
export class WeightPainter {
  readonly element: HTMLElement;
  readonly weights = new Float32Array(SIDE * SIDE);
  private readonly canvas: HTMLCanvasElement;
  private brush: Brush = 1;
  private painting: Brush | null = null;
  private cursor = { x: 13, y: 13 };
  private focused = false;
  private readonly brushButtons: HTMLButtonElement[] = [];

  /** A painter in `host` drawn in `palette`. */
  constructor(host: HTMLElement, text: WeightPainterText, private readonly palette: PaletteName, private readonly onChange: (weights: Float32Array) => void) {
    this.element = el('div', 'weight-painter');
    this.canvas = el('canvas', 'weight-painter-canvas');
    this.canvas.width = SIDE * 10;
    this.canvas.height = SIDE * 10;
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', text.label);
    this.canvas.style.touchAction = 'none';
    const brushes = el('div', 'buttons brushes');
    for (const [brush, name] of [[1, text.positive], [-1, text.negative], [0, text.erase]] as const) {
      const b = el('button', '', name);
      b.type = 'button';
      b.dataset.brush = String(brush);
      b.addEventListener('click', () => this.setBrush(brush));
      this.brushButtons.push(b);
      brushes.append(b);
    }
    const actions = el('div', 'buttons');
    const clear = el('button', '', text.clear);
    clear.type = 'button';
    clear.addEventListener('click', () => this.set(new Float32Array(SIDE * SIDE)));
    actions.append(clear);
    for (const preset of text.presets) {
      const b = el('button', 'preset', preset.name);
      b.type = 'button';
      b.addEventListener('click', () => this.set(preset.weights()));
      actions.append(b);
    }
    this.element.append(this.canvas, brushes, actions);
    host.append(this.element);
    this.wire();
    this.setBrush(1);
  }

  /** Replaces every weight. */
  set(weights: Float32Array): void {
    this.weights.set(weights);
    this.changed();
  }

  private setBrush(brush: Brush): void {
    this.brush = brush;
    this.brushButtons.forEach((b) => b.setAttribute('aria-pressed', String(Number(b.dataset.brush) === brush)));
  }

  private wire(): void {
    const c = this.canvas;
    const at = (e: PointerEvent): { x: number; y: number } => {
      const box = c.getBoundingClientRect();
      return { x: Math.floor(((e.clientX - box.left) / box.width) * SIDE), y: Math.floor(((e.clientY - box.top) / box.height) * SIDE) };
    };
    c.addEventListener('contextmenu', (e) => e.preventDefault());
    c.addEventListener('pointerdown', (e) => {
      e.preventDefault();
      this.painting = e.button === 2 || e.shiftKey ? -1 : this.brush;
      c.setPointerCapture(e.pointerId);
      this.paint(at(e));
    });
    c.addEventListener('pointermove', (e) => {
      if (this.painting !== null) this.paint(at(e));
    });
    const stop = (): void => {
      this.painting = null;
    };
    c.addEventListener('pointerup', stop);
    c.addEventListener('pointercancel', stop);
    c.addEventListener('focus', () => {
      this.focused = true;
      this.draw();
    });
    c.addEventListener('blur', () => {
      this.focused = false;
      this.draw();
    });
    c.addEventListener('keydown', (e) => {
      const step: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
      if (e.key in step) {
        e.preventDefault();
        this.cursor = { x: Math.max(0, Math.min(SIDE - 2, this.cursor.x + step[e.key][0])), y: Math.max(0, Math.min(SIDE - 2, this.cursor.y + step[e.key][1])) };
        if (e.shiftKey) this.paint(this.cursor, this.brush);
        else this.draw();
      } else if (e.key === ' ') {
        e.preventDefault();
        this.paint(this.cursor, this.brush);
      }
    });
  }

  /** Paints a 2×2 brush with its top-left at (x, y). */
  private paint(p: { x: number; y: number }, value: Brush | null = this.painting): void {
    if (value === null) return;
    this.cursor = { x: Math.max(0, Math.min(SIDE - 2, p.x)), y: Math.max(0, Math.min(SIDE - 2, p.y)) };
    for (let dy = 0; dy < 2; dy++) {
      for (let dx = 0; dx < 2; dx++) {
        const x = p.x + dx;
        const y = p.y + dy;
        if (x >= 0 && x < SIDE && y >= 0 && y < SIDE) this.weights[y * SIDE + x] = value;
      }
    }
    this.changed();
  }

  private changed(): void {
    this.draw();
    this.onChange(this.weights);
  }

  private draw(): void {
    const small = new ImageData(SIDE, SIDE);
    signedPixels(this.weights, 1, this.palette, small.data);
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const scale = this.canvas.width / SIDE;
    for (let i = 0; i < SIDE * SIDE; i++) {
      ctx.fillStyle = `rgb(${small.data[4 * i]},${small.data[4 * i + 1]},${small.data[4 * i + 2]})`;
      ctx.fillRect((i % SIDE) * scale, Math.floor(i / SIDE) * scale, scale, scale);
    }
    if (this.focused) {
      ctx.strokeStyle = '#7fd4ff';
      ctx.lineWidth = 2;
      ctx.strokeRect(this.cursor.x * scale + 1, this.cursor.y * scale + 1, 2 * scale - 2, 2 * scale - 2);
    }
  }
}
