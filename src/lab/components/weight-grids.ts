import { maxAbs } from '../shared/inference.js';
import { type PaletteName, signedPixels } from '../shared/palette.js';

/** At most this many first-layer neurons get a grid (a wide layer would be a wall of squares). */
const MAX_GRIDS = 64;
/** A 28×28 grid plus a one-pixel gap. */
const TILE = 29;

/**
 * The weight grids: each first-layer neuron's 784 incoming weights (row j of W¹)
 * as a 28×28 image, hue by sign, brightness by |w| relative to that neuron's largest |w|.
 * All grids are painted into one canvas (one repaint per update, which keeps the page at
 * 60 fps during live training); a transparent button over each grid makes it focusable and
 * clickable, and choosing one calls `onOpen(neuron)`.
 */
export class WeightGrids {
  private buttons: HTMLButtonElement[] = [];
  private readonly canvas = document.createElement('canvas');
  private readonly layer = document.createElement('div');
  private image = new ImageData(1, 1);
  private readonly tile = new ImageData(28, 28);
  private columns = 8;
  palette: PaletteName = 'green-red';

  /** Grids inside `host`; `label(j)` names neuron j's button. */
  constructor(
    private readonly host: HTMLElement,
    private label: (neuron: number) => string,
    private readonly onOpen: (neuron: number) => void,
  ) {
    host.classList.add('weight-grids');
    this.canvas.setAttribute('aria-hidden', 'true');
    this.layer.className = 'weight-grid-buttons';
    host.append(this.canvas, this.layer);
  }

  /** Replaces the accessible names (after a language switch). */
  setLabel(label: (neuron: number) => string): void {
    this.label = label;
    this.buttons.forEach((b, j) => b.setAttribute('aria-label', label(j)));
  }

  /** Draws layer 1's weights: `weights` is (neurons × inputs) row-major. */
  render(weights: Float32Array, neurons: number, inputs: number): void {
    const shown = inputs === 784 ? Math.min(neurons, MAX_GRIDS) : 0;
    if (this.buttons.length !== shown) this.build(shown);
    if (shown === 0) return;
    const data = this.image.data;
    const width = this.image.width;
    for (let j = 0; j < shown; j++) {
      signedPixels(weights.subarray(j * inputs, (j + 1) * inputs), maxAbs(weights.subarray(j * inputs, (j + 1) * inputs)), this.palette, this.tile.data);
      const x0 = (j % this.columns) * TILE;
      const y0 = Math.floor(j / this.columns) * TILE;
      for (let y = 0; y < 28; y++) data.set(this.tile.data.subarray(y * 112, (y + 1) * 112), ((y0 + y) * width + x0) * 4);
    }
    this.canvas.getContext('2d')?.putImageData(this.image, 0, 0);
  }

  private build(count: number): void {
    this.columns = count <= 16 ? 8 : 16;
    const rows = Math.ceil(count / this.columns);
    const columns = Math.min(count, this.columns);
    this.canvas.width = Math.max(1, columns * TILE - 1);
    this.canvas.height = Math.max(1, rows * TILE - 1);
    this.image = new ImageData(this.canvas.width, this.canvas.height);
    this.host.style.setProperty('--grid-columns', String(columns));
    this.buttons = [];
    this.layer.replaceChildren();
    for (let j = 0; j < count; j++) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'weight-grid';
      button.setAttribute('aria-label', this.label(j));
      button.dataset.neuron = String(j);
      button.style.left = `${(100 * (j % this.columns) * TILE) / (this.canvas.width + 1)}%`;
      button.style.top = `${(100 * Math.floor(j / this.columns) * TILE) / (this.canvas.height + 1)}%`;
      button.style.width = `${(100 * 28) / (this.canvas.width + 1)}%`;
      button.style.height = `${(100 * 28) / (this.canvas.height + 1)}%`;
      const caption = document.createElement('span');
      caption.textContent = String(j);
      caption.setAttribute('aria-hidden', 'true');
      button.append(caption);
      button.addEventListener('click', () => this.onOpen(j));
      this.layer.append(button);
      this.buttons.push(button);
    }
  }
}
