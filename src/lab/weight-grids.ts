import { maxAbs } from './inference.js';
import { signedPixels } from './palette.js';
import type { PaletteName } from './url-state.js';

/** At most this many first-layer neurons get a grid (a wide layer would be a wall of squares). */
const MAX_GRIDS = 64;

/**
 * The weight grids (S6, S21): each first-layer neuron's 784 incoming weights (row j of W¹)
 * as a 28×28 image, hue by sign, brightness by |w| relative to that neuron's largest |w|.
 * Each grid is a button; choosing one calls `onOpen(neuron)`.
 */
export class WeightGrids {
  private buttons: HTMLButtonElement[] = [];
  private canvases: HTMLCanvasElement[] = [];
  private readonly image = new ImageData(28, 28);
  palette: PaletteName = 'green-red';

  /** Grids inside `host`; `label(j)` names neuron j's button. */
  constructor(
    private readonly host: HTMLElement,
    private label: (neuron: number) => string,
    private readonly onOpen: (neuron: number) => void,
  ) {
    host.classList.add('weight-grids');
  }

  /** Replaces the accessible names (after a language switch). */
  setLabel(label: (neuron: number) => string): void {
    this.label = label;
    this.buttons.forEach((b, j) => b.setAttribute('aria-label', label(j)));
  }

  /** Draws layer 1's weights: `weights` is (neurons × inputs) row-major. */
  render(weights: Float32Array, neurons: number, inputs: number): void {
    const shown = Math.min(neurons, MAX_GRIDS);
    if (this.buttons.length !== shown || inputs !== 784) this.build(shown);
    if (inputs !== 784) return;
    for (let j = 0; j < shown; j++) {
      const row = weights.subarray(j * inputs, (j + 1) * inputs);
      paintWeights(this.canvases[j], row, this.palette, this.image);
    }
  }

  private build(count: number): void {
    this.buttons = [];
    this.canvases = [];
    this.host.replaceChildren();
    for (let j = 0; j < count; j++) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'weight-grid';
      button.setAttribute('aria-label', this.label(j));
      button.dataset.neuron = String(j);
      const canvas = document.createElement('canvas');
      canvas.width = 28;
      canvas.height = 28;
      const caption = document.createElement('span');
      caption.textContent = String(j);
      caption.setAttribute('aria-hidden', 'true');
      button.append(canvas, caption);
      button.addEventListener('click', () => this.onOpen(j));
      this.host.append(button);
      this.buttons.push(button);
      this.canvases.push(canvas);
    }
  }
}

/** Paints one neuron's 784 weights on a 28×28 canvas (CSS scales it up, pixelated). */
export function paintWeights(canvas: HTMLCanvasElement, row: Float32Array, palette: PaletteName, image = new ImageData(28, 28)): void {
  signedPixels(row, maxAbs(row), palette, image.data);
  canvas.getContext('2d')?.putImageData(image, 0, 0);
}
