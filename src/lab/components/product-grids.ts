import { maxAbs } from '../shared/inference.js';
import { grayPixels, type PaletteName, signedPixels } from '../shared/palette.js';
import { el } from './figure-parts.js';

const SIDE = 28;
const N = SIDE * SIDE;

/** The words of the figure, in the page's language. */
export interface ProductGridsText {
  readonly weights: string;
  readonly input: string;
  readonly product: string;
  /** The readout for pixel (x, y): its weight, activation and their product (formatted). */
  readonly pixel: (x: number, y: number, w: string, a: string, wa: string) => string;
  readonly idle: string;
  readonly format: (v: number) => string;
}

/**
 * One neuron's weighted sum as three 28×28 pictures side by side: its weights w (hue by sign,
 * brightness by |w|), the input activations a (grey), and their products w·a, each pixel's
 * share of the sum (the same hues). Pointing at a pixel of any of them — or moving over them
 * with the arrow keys — shows that pixel's w, a and w·a. `render` draws, the caller shows the sum.
 */
export class ProductGrids {
  readonly element: HTMLElement;
  private readonly canvases: HTMLCanvasElement[] = [];
  private readonly readout: HTMLElement;
  private weights = new Float32Array(N);
  private input = new Float64Array(N);
  private cursor: number | null = null;
  palette: PaletteName = 'green-red';

  /** The three pictures in `host`. */
  constructor(host: HTMLElement, private readonly text: ProductGridsText) {
    this.element = el('div', 'product-grids');
    const row = el('div', 'product-row');
    for (const [name, caption] of [['weights', text.weights], ['input', text.input], ['product', text.product]] as const) {
      const figure = el('figure', 'product-tile');
      const canvas = el('canvas', 'product-canvas');
      canvas.width = SIDE;
      canvas.height = SIDE;
      canvas.tabIndex = 0;
      canvas.dataset.grid = name;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', caption);
      canvas.addEventListener('pointermove', (e) => {
        const box = canvas.getBoundingClientRect();
        const x = Math.min(SIDE - 1, Math.max(0, Math.floor(((e.clientX - box.left) / box.width) * SIDE)));
        const y = Math.min(SIDE - 1, Math.max(0, Math.floor(((e.clientY - box.top) / box.height) * SIDE)));
        this.point(y * SIDE + x);
      });
      canvas.addEventListener('keydown', (e) => {
        const step: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -SIDE, ArrowDown: SIDE };
        if (!(e.key in step)) return;
        e.preventDefault();
        const at = this.cursor ?? 14 * SIDE + 14;
        const next = at + step[e.key];
        if (next >= 0 && next < N && !(Math.abs(step[e.key]) === 1 && Math.floor(next / SIDE) !== Math.floor(at / SIDE))) this.point(next);
      });
      canvas.addEventListener('focus', () => this.point(this.cursor ?? 14 * SIDE + 14));
      figure.append(canvas, el('figcaption', '', caption));
      row.append(figure);
      this.canvases.push(canvas);
    }
    this.readout = el('p', 'product-readout', text.idle);
    this.readout.setAttribute('aria-live', 'polite');
    this.element.append(row, this.readout);
    host.append(this.element);
  }

  /** Draws weights `weights` (784) and activations `input` (784, in [0, 1]). */
  render(weights: ArrayLike<number>, input: ArrayLike<number>): void {
    this.weights = Float32Array.from(weights);
    this.input = Float64Array.from(input);
    const products = new Float32Array(N);
    for (let k = 0; k < N; k++) products[k] = this.weights[k] * this.input[k];
    const image = new ImageData(SIDE, SIDE);
    signedPixels(this.weights, maxAbs(this.weights), this.palette, image.data);
    this.canvases[0].getContext('2d')?.putImageData(image, 0, 0);
    grayPixels(this.input, 1, image.data);
    this.canvases[1].getContext('2d')?.putImageData(image, 0, 0);
    // The products on the weights' scale: a product is never brighter than its weight.
    signedPixels(products, maxAbs(this.weights), this.palette, image.data);
    this.canvases[2].getContext('2d')?.putImageData(image, 0, 0);
    if (this.cursor !== null) this.point(this.cursor);
  }

  private point(k: number): void {
    this.cursor = k;
    const w = this.weights[k];
    const a = this.input[k];
    const f = this.text.format;
    this.readout.textContent = this.text.pixel(k % SIDE, Math.floor(k / SIDE), f(w), f(a), f(w * a));
    this.readout.dataset.pixel = String(k);
    this.readout.dataset.value = String(w * a);
  }
}
