import { costByName, type CostName } from '../../core/costs.js';
import type { Network } from '../../core/network.js';
import { traceExample } from '../../core/trace.js';
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
  /** The text for the weight under the pointer (or the keyboard cursor): pixel column x, row y, value w. */
  readonly pixelText: (x: number, y: number, w: number) => string;
}

/**
 * One neuron's 784 incoming weights as an enlarged 28×28 image (green/red: hue by sign, brightness
 * by |w|), a caption, and the numbers of the weight under the pointer on demand — or under a
 * keyboard cursor: the canvas is focusable and the arrow keys move it. The weight dialog
 * shows one; an embedded `<digitlab-weight-grid neuron="3">` is one.
 */
export class NeuronWeights {
  /** The canvas (28×28 pixels; CSS scales it up, pixelated). */
  readonly canvas: HTMLCanvasElement;
  private readonly caption: HTMLElement;
  private readonly pixel: HTMLElement;
  private content: NeuronWeightsContent | null = null;
  /** The pixel whose numbers are shown, or null. */
  private at: [number, number] | null = null;

  /** Uses `canvas`, `caption` and `pixel` (made by the caller, so pages keep their markup). */
  constructor(canvas: HTMLCanvasElement, caption: HTMLElement, pixel: HTMLElement) {
    this.canvas = canvas;
    this.caption = caption;
    this.pixel = pixel;
    canvas.width = 28;
    canvas.height = 28;
    canvas.tabIndex = 0;
    pixel.setAttribute('aria-live', 'polite');
    canvas.addEventListener('pointermove', (e) => {
      const rect = canvas.getBoundingClientRect();
      const x = Math.min(27, Math.max(0, Math.floor(((e.clientX - rect.left) / rect.width) * 28)));
      const y = Math.min(27, Math.max(0, Math.floor(((e.clientY - rect.top) / rect.height) * 28)));
      this.point(x, y);
    });
    canvas.addEventListener('focus', () => this.point(...(this.at ?? [14, 14])));
    canvas.addEventListener('keydown', (e) => {
      const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
      const move = moves[e.key];
      if (move === undefined) return;
      e.preventDefault();
      const [x, y] = this.at ?? [14, 14];
      this.point(Math.min(27, Math.max(0, x + move[0])), Math.min(27, Math.max(0, y + move[1])));
    });
  }

  /** The neuron shown, or null before the first `show`. */
  get neuron(): number | null {
    return this.content?.neuron ?? null;
  }

  /** Forgets the neuron shown (the next `show` starts with an empty pointer text). */
  forget(): void {
    this.content = null;
    this.at = null;
    this.pixel.textContent = '';
  }

  /** Draws `content` in `palette` (the pointer text is cleared when the neuron changes, else refreshed). */
  show(content: NeuronWeightsContent, palette: PaletteName): void {
    const same = this.content?.neuron === content.neuron;
    this.content = content;
    this.caption.textContent = content.caption;
    paintWeights(this.canvas, content.weights, palette);
    if (!same) {
      this.at = null;
      this.pixel.textContent = '';
    } else if (this.at) this.point(...this.at);
  }

  private point(x: number, y: number): void {
    if (this.content === null) return;
    this.at = [x, y];
    this.pixel.textContent = this.content.pixelText(x, y, this.content.weights[y * 28 + x]);
  }
}

/** The example whose cost the weights' gradient is of: an input (784 values in [0, 1]), its label and the cost function. */
export interface GradientExample {
  readonly pixels: ArrayLike<number>;
  readonly label: number;
  readonly cost: CostName;
}

/**
 * What the figure shows for first-layer neuron `neuron` of `net` (row `neuron` of W¹, its
 * bias and range), in the language of `tr`; null when the network's input is not 28×28.
 * With `example`, each weight's numbers include its gradient ∂C/∂w_jk = δ¹_j · a⁰_k for that
 * input and label, from the engine's transparent pass (core/trace.ts).
 */
export function firstLayerNeuron(net: Network, neuron: number, tr: Translator<FigureKey>, example?: GradientExample): NeuronWeightsContent | null {
  if (net.sizes[0] !== 784 || neuron < 0 || neuron >= net.sizes[1]) return null;
  const weights = net.weights[0].subarray(neuron * 784, (neuron + 1) * 784);
  let min = Infinity;
  let max = -Infinity;
  for (const w of weights) {
    if (w < min) min = w;
    if (w > max) max = w;
  }
  const trace = example ? traceExample(net, costByName(example.cost), example.pixels, example.label) : null;
  const delta = trace ? trace.deltas[0][neuron] : 0;
  return {
    neuron,
    weights,
    caption: tr.t('weightRange', { bias: tr.num(net.biases[0][neuron], 2), min: tr.num(min, 2), max: tr.num(max, 2) }),
    pixelText: (x, y, w) => {
      const text = tr.t('pixelWeight', { x, y, w: tr.num(w, 3) });
      if (trace === null || example === undefined) return text;
      const a = trace.activations[0][y * 28 + x];
      return `${text}; ${tr.t('weightGradient', { gradient: gradientText(delta * a, tr), a: tr.num(a, 2), label: example.label })}`;
    },
  };
}

/** A gradient as people read it: 0 as 0, tiny values in scientific notation, others with four decimals. */
function gradientText(g: number, tr: Translator<FigureKey>): string {
  if (g === 0) return tr.num(0, 0);
  return Math.abs(g) < 1e-4 ? g.toExponential(2) : tr.num(g, 4);
}
