/**
 * Text drawn inside a canvas at a size people can read. A figure's canvas has a fixed drawing
 * size (its width and height attributes) but is shown at whatever width its place gives it —
 * on a phone often less than half — so a font given in canvas pixels shrinks with it. Here a
 * font is asked for in CSS pixels and set in canvas pixels by the canvas's current scale; the
 * canvas reports its smallest font of the last drawing in `data-font-px` (canvas pixels), so a
 * test can check what a reader sees (that × shown width / drawing width). A figure redraws
 * when its canvas is resized (`onResize`), so the scale is the one on the screen.
 */

/** The smallest text a figure draws, in CSS pixels. */
export const MIN_CANVAS_FONT = 11;

/** Canvas pixels per CSS pixel of `canvas` as shown (1 while it is not laid out, or shown at least full size). */
export function canvasScale(canvas: HTMLCanvasElement): number {
  const shown = canvas.getBoundingClientRect().width;
  return shown > 0 ? Math.max(1, canvas.width / shown) : 1;
}

/** A new drawing of `canvas` starts: its font report starts afresh. */
export function beginCanvasText(canvas: HTMLCanvasElement): void {
  delete canvas.dataset.fontPx;
}

/**
 * Sets `ctx`'s font to `cssPx` CSS pixels as the canvas is shown (never under
 * MIN_CANVAS_FONT), notes it in the canvas's `data-font-px`, and returns its size in canvas
 * pixels (to place the text).
 */
export function canvasFont(ctx: CanvasRenderingContext2D, cssPx: number, family = 'ui-monospace, monospace', weight = ''): number {
  const canvas = ctx.canvas as HTMLCanvasElement;
  // Rounded up to a hundredth: the font as set is never a hair under the size asked for.
  const px = Math.ceil(Math.max(MIN_CANVAS_FONT, cssPx) * canvasScale(canvas) * 100) / 100;
  ctx.font = `${weight ? `${weight} ` : ''}${px.toFixed(2)}px ${family}`;
  const before = Number(canvas.dataset.fontPx ?? Infinity);
  if (px < before) canvas.dataset.fontPx = px.toFixed(2);
  return px;
}

/** Calls `redraw` whenever `canvas`'s shown width changes, and once when it is first laid out (a drawing made before may have had no size to go by); stops with `signal`. */
export function onResize(canvas: HTMLCanvasElement, redraw: () => void, signal?: AbortSignal): void {
  if (typeof ResizeObserver === 'undefined') return;
  let width = -1;
  const observer = new ResizeObserver(() => {
    const now = Math.round(canvas.getBoundingClientRect().width);
    if (now === width) return;
    const first = width < 0;
    width = now;
    if (!first || now > 0) redraw();
  });
  observer.observe(canvas);
  signal?.addEventListener('abort', () => observer.disconnect());
}

/** `text` broken at spaces into lines no wider than `maxWidth` in `ctx`'s current font (a word longer than that gets a line of its own). */
export function wrapText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && ctx.measureText(next).width > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}
