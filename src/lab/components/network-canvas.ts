import type { Network } from '../../core/network.js';
import { type Inference, strongestConnections } from '../shared/inference.js';
import { grayPixels, hueCss, type PaletteName } from '../shared/palette.js';

/** Where the network view draws: its size, the input grid's place and each neuron's circle. */
export interface NetworkLayout {
  readonly width: number;
  readonly height: number;
  /** One input pixel's side, and the grid's top (its left is 0). */
  readonly pixel: number;
  readonly gridTop: number;
  /** positions[l][j] for layers l ≥ 1 (index 0 is empty: the input is the grid). */
  readonly positions: readonly (readonly { readonly x: number; readonly y: number; readonly r: number }[])[];
}

/**
 * The network view's canvas, under its SVG of neurons: the connections (hue by the sign of
 * w·a, opacity and width by its size; the strongest `perNeuron` into each neuron) and the
 * input layer as the 28×28 image itself, each pixel a neuron (784 inputs in [0, 1]). `scratch` is a 28×28
 * canvas reused for the image.
 */
export function drawNetworkCanvas(
  ctx: CanvasRenderingContext2D,
  scratch: HTMLCanvasElement,
  layout: NetworkLayout,
  net: Network,
  inference: Inference,
  options: { readonly perNeuron: number; readonly palette: PaletteName },
): void {
  const { width, height, pixel, gridTop, positions } = layout;
  ctx.clearRect(0, 0, width, height);
  const { connections, maxByLayer } = strongestConnections(net, inference, options.perNeuron);
  ctx.lineWidth = 1;
  for (const c of connections) {
    const target = positions[c.layer + 1][c.to];
    if (target === undefined) continue;
    let x0: number;
    let y0: number;
    if (c.layer === 0) {
      x0 = (c.from % 28) * pixel + pixel / 2;
      y0 = gridTop + Math.floor(c.from / 28) * pixel + pixel / 2;
    } else {
      const source = positions[c.layer][c.from];
      if (source === undefined) continue;
      x0 = source.x;
      y0 = source.y;
    }
    const strength = Math.abs(c.value) / (maxByLayer[c.layer] || 1);
    if (strength < 0.02) continue;
    ctx.strokeStyle = hueCss(options.palette, c.value >= 0 ? 'positive' : 'negative', Math.min(1, 0.15 + 0.85 * strength));
    ctx.lineWidth = 0.5 + 2 * strength;
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(target.x - target.r, target.y);
    ctx.stroke();
  }
  const image = new ImageData(28, 28);
  grayPixels(inference.activations[0], 1, image.data);
  scratch.getContext('2d')?.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(scratch, 0, gridTop, 28 * pixel, 28 * pixel);
}
