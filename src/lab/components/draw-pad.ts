import { GRID_MAX, type GridStroke, simplifyStroke } from '../shared/stroke-codec.js';
import { gridToPad, inkCanvas, inkToInput, paintInk, type Point } from './ink.js';

export type { Point };

/** Keyboard brush steps: one MNIST pixel of the pad (1/28 of it), three with Shift. */
const STEPS_PER_SIDE = 28;
/** A finished pointer stroke keeps only the points that bend it by more than this (grid units, ≈ 1 px). */
const SIMPLIFY = 0.8;
let padCount = 0;

/**
 * The draw pad (its drawing preprocessed like MNIST): pointer strokes (mouse, pen, touch) on a square canvas, light ink on
 * black like MNIST, with undo and clear — and the keyboard: the pad is focusable, the arrow
 * keys move a brush cursor (Shift: three times as far), Space held paints while the brush
 * moves (pressed alone: a dot), Enter puts the brush down or lifts it, Backspace undoes a
 * stroke and Delete clears. After each change it hands the 28×28 MNIST-style input (the data
 * module's `toMnistInput`, not a second preprocessing) to `onInput`: live while drawing, and
 * with `final = true` when a stroke ends. The ink is kept on its own canvas, so the brush
 * cursor never reaches the input. Points lie on a 256 × 256 grid over the pad and a finished
 * stroke drops the points that do not bend it, so `strokes` is short enough for the address
 * (stroke-codec.ts) and `setStrokes` redraws exactly what was drawn.
 */
export class DrawPad {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly ink: HTMLCanvasElement;
  private readonly inkCtx: CanvasRenderingContext2D;
  private readonly hint: HTMLElement;
  private readonly drawn: Point[][] = [];
  private current: Point[] | null = null;
  private pending = false;
  /** The keyboard brush: where it is, whether it is shown (after a key), whether it paints. */
  private brush: Point;
  private brushShown = false;
  private brushDown: 'space' | 'enter' | null = null;

  /** Draws on `canvas`; calls `onInput` with the preprocessed image, or null when empty. */
  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onInput: (pixels: Uint8Array | null, final: boolean) => void,
  ) {
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new Error('2D canvas unavailable');
    const ink = inkCanvas(canvas.width, canvas.height);
    this.ctx = ctx;
    this.ink = ink.canvas;
    this.inkCtx = ink.ctx;
    this.brush = this.snap(canvas.width / 2, canvas.height / 2);
    canvas.style.touchAction = 'none';
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'application');
    // The keys, for screen readers and anyone who looks for them (worded by `setHint`).
    this.hint = document.createElement('span');
    this.hint.className = 'visually-hidden';
    this.hint.id = `draw-pad-keys-${++padCount}`;
    canvas.setAttribute('aria-describedby', this.hint.id);
    canvas.addEventListener('pointerdown', (e) => this.down(e));
    canvas.addEventListener('pointermove', (e) => this.move(e));
    canvas.addEventListener('pointerup', () => this.up());
    canvas.addEventListener('pointercancel', () => this.up());
    canvas.addEventListener('keydown', (e) => this.key(e, true));
    canvas.addEventListener('keyup', (e) => this.key(e, false));
    canvas.addEventListener('blur', () => {
      this.lift();
      this.brushShown = false;
      this.redraw();
    });
    this.redraw();
  }

  /** Whether there is anything drawn. */
  get isEmpty(): boolean {
    return this.drawn.length === 0;
  }

  /** The keyboard help read with the pad (in the page's language). */
  setHint(text: string): void {
    this.hint.textContent = text;
    if (!this.hint.isConnected) this.canvas.after(this.hint);
  }

  /** The strokes on the 256 × 256 grid (0–255 across the pad). */
  get strokes(): GridStroke[] {
    const { width, height } = this.canvas;
    return this.drawn.map((stroke) => stroke.map(([x, y]) => [Math.round((x / width) * GRID_MAX), Math.round((y / height) * GRID_MAX)] as const));
  }

  /** Replaces the drawing by `strokes` (grid points); tells `onInput` unless `notify` is false. */
  setStrokes(strokes: readonly GridStroke[], notify = true): void {
    this.drawn.length = 0;
    for (const stroke of strokes) this.drawn.push(stroke.map((p) => gridToPad(p, this.canvas.width)));
    this.current = null;
    this.brushDown = null;
    this.redraw();
    if (notify) this.onInput(this.drawn.length === 0 ? null : this.mnistInput(), true);
  }

  /** Removes every stroke. */
  clear(): void {
    this.drawn.length = 0;
    this.current = null;
    this.brushDown = null;
    this.redraw();
    this.onInput(null, true);
  }

  /** Removes the last stroke. */
  undo(): void {
    this.drawn.pop();
    this.current = null;
    this.brushDown = null;
    this.redraw();
    this.onInput(this.drawn.length === 0 ? null : this.mnistInput(), true);
  }

  /** The drawing as a PNG file's bytes: light ink on black at the pad's size, as preprocessed (no keyboard brush). */
  async inkPng(): Promise<Uint8Array> {
    const blob = await new Promise<Blob | null>((resolve) => this.ink.toBlob(resolve, 'image/png'));
    if (blob === null) throw new Error('the drawing could not be saved as a PNG');
    return new Uint8Array(await blob.arrayBuffer());
  }

  /** A pad point snapped to the grid the address stores. */
  private snap(x: number, y: number): Point {
    const { width, height } = this.canvas;
    const grid = (v: number, size: number): number => (Math.round(Math.max(0, Math.min(1, v / size)) * GRID_MAX) / GRID_MAX) * size;
    return [grid(x, width), grid(y, height)];
  }

  private point(e: PointerEvent): Point {
    const rect = this.canvas.getBoundingClientRect();
    return this.snap(((e.clientX - rect.left) / rect.width) * this.canvas.width, ((e.clientY - rect.top) / rect.height) * this.canvas.height);
  }

  private down(e: PointerEvent): void {
    if (e.button !== 0) return;
    e.preventDefault();
    this.canvas.setPointerCapture(e.pointerId);
    this.brushShown = false;
    this.current = [this.point(e)];
    this.drawn.push(this.current);
    this.redraw();
    this.schedule();
  }

  private move(e: PointerEvent): void {
    if (this.current === null || this.brushDown !== null) return;
    for (const event of e.getCoalescedEvents?.() ?? [e]) this.current.push(this.point(event));
    this.redraw();
    this.schedule();
  }

  private up(): void {
    if (this.current === null || this.brushDown !== null) return;
    const unit = this.canvas.width / GRID_MAX;
    const simplified = simplifyStroke(this.current, SIMPLIFY * unit);
    this.current.splice(0, this.current.length, ...simplified);
    this.current = null;
    this.redraw();
    this.onInput(this.mnistInput(), true);
  }

  /** The keyboard: arrows move the brush, Space (held) or Enter (toggled) paints, Backspace undoes, Delete clears. */
  private key(e: KeyboardEvent, pressed: boolean): void {
    const step = ((e.shiftKey ? 3 : 1) * this.canvas.width) / STEPS_PER_SIDE;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (e.key in moves) {
      e.preventDefault();
      if (!pressed) return;
      const [dx, dy] = moves[e.key];
      const clamp = (v: number, max: number): number => Math.max(0, Math.min(max, v));
      this.brush = this.snap(clamp(this.brush[0] + dx, this.canvas.width), clamp(this.brush[1] + dy, this.canvas.height));
      this.brushShown = true;
      this.current?.push(this.brush);
      this.redraw();
      if (this.current !== null) this.schedule();
      return;
    }
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      if (e.repeat) return;
      const which = e.key === ' ' ? 'space' : 'enter';
      if (pressed && this.brushDown === null) this.lower(which);
      else if ((pressed && which === 'enter' && this.brushDown === 'enter') || (!pressed && which === 'space' && this.brushDown === 'space')) this.lift();
      return;
    }
    if (!pressed) return;
    if (e.key === 'Backspace') {
      e.preventDefault();
      this.undo();
    } else if (e.key === 'Delete') {
      e.preventDefault();
      this.clear();
    }
  }

  /** Puts the keyboard brush down: a stroke starts at the cursor (a dot if it does not move). */
  private lower(by: 'space' | 'enter'): void {
    this.brushDown = by;
    this.brushShown = true;
    this.current = [this.brush];
    this.drawn.push(this.current);
    this.redraw();
    this.schedule();
  }

  /** Lifts the keyboard brush: its stroke ends. */
  private lift(): void {
    if (this.brushDown === null) return;
    this.brushDown = null;
    this.current = null;
    this.redraw();
    this.onInput(this.mnistInput(), true);
  }

  /** At most one preprocessing per frame while the pen moves. */
  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      if (this.current !== null) this.onInput(this.mnistInput(), false);
    });
  }

  private redraw(): void {
    const { inkCtx, ink } = this;
    paintInk(inkCtx, this.drawn, ink.width, ink.height);
    this.ctx.drawImage(ink, 0, 0);
    if (this.brushShown) this.drawBrush();
  }

  /** The keyboard brush: a ring the size of the stroke, filled while it paints. */
  private drawBrush(): void {
    const { ctx } = this;
    const [x, y] = this.brush;
    const r = this.canvas.width / 28;
    ctx.beginPath();
    ctx.arc(x, y, r + 2, 0, 2 * Math.PI);
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#7fd4ff';
    ctx.stroke();
    if (this.brushDown !== null) {
      ctx.fillStyle = 'rgba(127, 212, 255, 0.45)';
      ctx.fill();
    }
  }

  private mnistInput(): Uint8Array {
    return inkToInput(this.inkCtx, this.ink.width, this.ink.height);
  }
}

