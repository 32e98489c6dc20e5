import type { Network } from '../../core/network.js';
import type { Translator } from '../shared/i18n.js';
import type { PaletteName } from '../shared/palette.js';
import type { FigureKey } from './figure-messages.js';
import { paintWeights } from './pixel-canvas.js';

/** What the figure shows for one neuron (texts already in the page's language). */
export interface NeuronWeightsContent {
  readonly neuron: number;
  /** Its 784 incoming weights, row-major 28×28. */
  readonly weights: Float32Array;
  readonly caption: string;
  /** The text for the weight under the pointer: pixel column x, row y, value w. */
  readonly pixelText: (x: number, y: number, w: number) => string;
}

/**
 * One neuron's 784 incoming weights as an enlarged 28×28 image (S6: hue by sign, brightness
 * by |w|), a caption, and the weight under the pointer on demand. The weight dialog shows
 * one; an embedded `<digitlab-weight-grid neuron="3">` is one.
 */
export class NeuronWeights {
  /** The canvas (28×28 pixels; CSS scales it up, pixelated). */
  readonly canvas: HTMLCanvasElement;
  private readonly caption: HTMLElement;
  private readonly pixel: HTMLElement;
  private content: NeuronWeightsContent | null = null;

  /** Uses `canvas`, `caption` and `pixel` (made by the caller, so pages keep their markup). */
  constructor(canvas: HTMLCanvasElement, caption: HTMLElement, pixel: HTMLElement) {
    this.canvas = canvas;
    this.caption = caption;
    this.pixel = pixel;
    canvas.width = 28;
    canvas.height = 28;
    canvas.addEventListener('pointermove', (e) => {
      if (this.content === null) return;
      const rect = canvas.getBoundingClientRect();
      const x = Math.min(27, Math.max(0, Math.floor(((e.clientX - rect.left) / rect.width) * 28)));
      const y = Math.min(27, Math.max(0, Math.floor(((e.clientY - rect.top) / rect.height) * 28)));
      this.pixel.textContent = this.content.pixelText(x, y, this.content.weights[y * 28 + x]);
    });
  }

  /** The neuron shown, or null before the first `show`. */
  get neuron(): number | null {
    return this.content?.neuron ?? null;
  }

  /** Forgets the neuron shown (the next `show` starts with an empty pointer text). */
  forget(): void {
    this.content = null;
    this.pixel.textContent = '';
  }

  /** Draws `content` in `palette` (the pointer text is cleared when the neuron changes). */
  show(content: NeuronWeightsContent, palette: PaletteName): void {
    if (this.content?.neuron !== content.neuron) this.pixel.textContent = '';
    this.content = content;
    this.caption.textContent = content.caption;
    paintWeights(this.canvas, content.weights, palette);
  }
}

/**
 * What the figure shows for first-layer neuron `neuron` of `net` (row `neuron` of W¹, its
 * bias and range), in the language of `tr`; null when the network's input is not 28×28.
 */
export function firstLayerNeuron(net: Network, neuron: number, tr: Translator<FigureKey>): NeuronWeightsContent | null {
  if (net.sizes[0] !== 784 || neuron < 0 || neuron >= net.sizes[1]) return null;
  const weights = net.weights[0].subarray(neuron * 784, (neuron + 1) * 784);
  let min = Infinity;
  let max = -Infinity;
  for (const w of weights) {
    if (w < min) min = w;
    if (w > max) max = w;
  }
  return {
    neuron,
    weights,
    caption: tr.t('weightRange', { bias: tr.num(net.biases[0][neuron], 2), min: tr.num(min, 2), max: tr.num(max, 2) }),
    pixelText: (x, y, w) => tr.t('pixelWeight', { x, y, w: tr.num(w, 3) }),
  };
}
