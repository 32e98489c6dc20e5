/** The nudges panel's canvases: a training image, and 28×28 maps of first-layer nudges. */

/** A 28×28 image in [0, 1] as white ink on black. */
export function drawDigit(canvas: HTMLCanvasElement, pixels: ArrayLike<number>): void {
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  const image = ctx.createImageData(28, 28);
  for (let p = 0; p < 784; p++) {
    const v = Math.round(255 * pixels[p]);
    image.data.set([v, v, v, 255], p * 4);
  }
  ctx.putImageData(image, 0, 0);
}

/**
 * 16 maps of 28×28 (one per first-layer neuron), green = positive nudge, red = negative, one
 * shared scale; under them `scale` says how large the largest nudge is (the page's language).
 */
export function drawMaps(canvas: HTMLCanvasElement, nudges: Float64Array, scale: (largest: number) => string): void {
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  const neurons = nudges.length / 784;
  const cols = 8;
  const zoom = 2.5;
  const cell = 28 * zoom + 10;
  let max = 0;
  for (const v of nudges) max = Math.max(max, Math.abs(v));
  ctx.fillStyle = '#0b0d12';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const tile = ctx.createImageData(28, 28);
  const scratch = document.createElement('canvas');
  scratch.width = 28;
  scratch.height = 28;
  const sctx = scratch.getContext('2d') as CanvasRenderingContext2D;
  ctx.imageSmoothingEnabled = false;
  ctx.font = '11px ui-monospace, monospace';
  for (let j = 0; j < neurons; j++) {
    for (let p = 0; p < 784; p++) {
      const v = nudges[j * 784 + p] / (max || 1);
      const s = Math.round(255 * Math.min(1, Math.abs(v)));
      tile.data.set(v >= 0 ? [Math.round(s * 0.25), s, Math.round(s * 0.35), 255] : [s, Math.round(s * 0.25), Math.round(s * 0.25), 255], p * 4);
    }
    sctx.putImageData(tile, 0, 0);
    const x = (j % cols) * cell;
    const y = Math.floor(j / cols) * (cell + 12);
    ctx.drawImage(scratch, x, y, 28 * zoom, 28 * zoom);
    ctx.strokeStyle = '#2a2f3a';
    ctx.strokeRect(x + 0.5, y + 0.5, 28 * zoom, 28 * zoom);
    ctx.fillStyle = '#aeb4c0';
    ctx.fillText(String(j), x, y + 28 * zoom + 12);
  }
  ctx.fillText(scale(max), 0, canvas.height - 4);
}
