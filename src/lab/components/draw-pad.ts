import { grayFromRgba, toMnistInput } from '../../data/preprocess.js';

type Point = readonly [number, number];

/**
 * The draw pad (B1): pointer strokes (mouse, pen, touch) on a square canvas, light ink on
 * black like MNIST, with undo and clear. After each change it hands the 28×28 MNIST-style
 * input (the data module's `toMnistInput`, not a second preprocessing) to `onInput`:
 * live while drawing, and with `final = true` when a stroke ends.
 */
export class DrawPad {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly strokes: Point[][] = [];
  private current: Point[] | null = null;
  private pending = false;

  /** Draws on `canvas`; calls `onInput` with the preprocessed image, or null when empty. */
  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onInput: (pixels: Uint8Array | null, final: boolean) => void,
  ) {
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (ctx === null) throw new Error('2D canvas unavailable');
    this.ctx = ctx;
    canvas.style.touchAction = 'none';
    canvas.addEventListener('pointerdown', (e) => this.down(e));
    canvas.addEventListener('pointermove', (e) => this.move(e));
    canvas.addEventListener('pointerup', () => this.up());
    canvas.addEventListener('pointercancel', () => this.up());
    this.redraw();
  }

  /** Whether there is anything drawn. */
  get isEmpty(): boolean {
    return this.strokes.length === 0;
  }

  /** Removes every stroke. */
  clear(): void {
    this.strokes.length = 0;
    this.current = null;
    this.redraw();
    this.onInput(null, true);
  }

  /** Removes the last stroke. */
  undo(): void {
    this.strokes.pop();
    this.redraw();
    this.onInput(this.strokes.length === 0 ? null : this.mnistInput(), true);
  }

  private point(e: PointerEvent): Point {
    const rect = this.canvas.getBoundingClientRect();
    return [((e.clientX - rect.left) / rect.width) * this.canvas.width, ((e.clientY - rect.top) / rect.height) * this.canvas.height];
  }

  private down(e: PointerEvent): void {
    if (e.button !== 0) return;
    e.preventDefault();
    this.canvas.setPointerCapture(e.pointerId);
    this.current = [this.point(e)];
    this.strokes.push(this.current);
    this.redraw();
    this.schedule();
  }

  private move(e: PointerEvent): void {
    if (this.current === null) return;
    for (const event of e.getCoalescedEvents?.() ?? [e]) this.current.push(this.point(event));
    this.redraw();
    this.schedule();
  }

  private up(): void {
    if (this.current === null) return;
    this.current = null;
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
    const { ctx, canvas } = this;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    // A stroke about 1/14 of the pad: after fitting a digit into 20 px it is ~2 px wide, as in MNIST.
    ctx.lineWidth = canvas.width / 14;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#fff';
    ctx.fillStyle = '#fff';
    for (const stroke of this.strokes) {
      if (stroke.length === 1) {
        ctx.beginPath();
        ctx.arc(stroke[0][0], stroke[0][1], ctx.lineWidth / 2, 0, 2 * Math.PI);
        ctx.fill();
        continue;
      }
      ctx.beginPath();
      ctx.moveTo(stroke[0][0], stroke[0][1]);
      for (let i = 1; i < stroke.length; i++) ctx.lineTo(stroke[i][0], stroke[i][1]);
      ctx.stroke();
    }
  }

  private mnistInput(): Uint8Array {
    const { width, height } = this.canvas;
    const rgba = this.ctx.getImageData(0, 0, width, height).data;
    return toMnistInput(grayFromRgba(rgba, width, height, { invert: false }), width, height);
  }
}
