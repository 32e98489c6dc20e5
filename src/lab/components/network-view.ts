import type { Network } from '../../core/network.js';
import { bulbBrightness, type Inference, strongestConnections } from '../shared/inference.js';
import { grayPixels, hueCss, type PaletteName } from '../shared/palette.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 720;
const HEIGHT = 440;
const PIXEL = 7;
const GRID = 28 * PIXEL;
const GRID_TOP = (HEIGHT - GRID) / 2;
/** At most this many neurons of a layer are drawn; the rest are summarised as "+N". */
const MAX_SHOWN = 32;
/** Default: the strongest few connections into each neuron (LAB.md: 12,544 lines are noise). */
const STRONGEST = 6;

/** What the tooltip of a neuron shows (numbers computed elsewhere). */
export interface NeuronNumbers {
  readonly layer: number;
  readonly neuron: number;
  readonly z: number;
  readonly bias: number;
  readonly a: number;
}

/** Texts the view needs, already in the page's language. */
export interface NetworkViewText {
  readonly neuronLabel: (n: NeuronNumbers) => string;
  readonly tooltip: (n: NeuronNumbers) => string;
  readonly inputLabel: string;
  /** The output neurons' class names, index = class (digits, or a data set's names). */
  readonly classNames: readonly string[];
}

/**
 * The network view (S1–S4, S8): the input as a 28×28 grid of pixels, each hidden and output
 * neuron a bulb lit by its activation, connections coloured by the sign of w·a with opacity
 * by its size, the outputs labelled with their class names (0–9 for digits) and values and
 * the answer ringed. Neurons are focusable; hover or focus shows z, b and a. Lines and the
 * input grid are drawn on a canvas under an SVG of neurons.
 */
export class NetworkView {
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly svg: SVGSVGElement;
  private readonly tooltip: HTMLElement;
  private readonly inputImage = document.createElement('canvas');
  private circles: SVGCircleElement[][] = [];
  private valueLabels: SVGTextElement[] = [];
  private groups: SVGGElement[][] = [];
  private shape = '';
  private positions: { x: number; y: number; r: number }[][] = [];
  private last: { net: Network; inference: Inference } | null = null;
  private hovered: { layer: number; neuron: number } | null = null;
  /** Draw every connection instead of the strongest few. */
  allConnections = false;
  palette: PaletteName = 'green-red';

  /** Builds the view inside `host`; `onNeuronClick` gets (layer, neuron) when a neuron is chosen. */
  constructor(
    host: HTMLElement,
    private text: NetworkViewText,
    private readonly onNeuronClick: (layer: number, neuron: number) => void,
  ) {
    host.classList.add('network-view');
    this.canvas = document.createElement('canvas');
    this.canvas.width = WIDTH;
    this.canvas.height = HEIGHT;
    this.canvas.setAttribute('aria-hidden', 'true');
    const ctx = this.canvas.getContext('2d');
    if (ctx === null) throw new Error('2D canvas unavailable');
    this.ctx = ctx;
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'tooltip';
    this.tooltip.setAttribute('role', 'tooltip');
    this.tooltip.hidden = true;
    this.inputImage.width = 28;
    this.inputImage.height = 28;
    host.append(this.canvas, this.svg, this.tooltip);
  }

  /** Replaces the texts (after a language switch) and redraws. */
  setText(text: NetworkViewText): void {
    this.text = text;
    this.shape = '';
    if (this.last) this.render(this.last.net, this.last.inference);
  }

  /**
   * Draws `inference` (a forward pass of `net`). With `propagate`, the bulbs light up layer
   * by layer (≤ 300 ms, none under prefers-reduced-motion); live training redraws without it.
   */
  render(net: Network, inference: Inference, propagate = false): void {
    this.last = { net, inference };
    this.svg.classList.toggle('propagate', propagate);
    const shape = net.sizes.join('-');
    if (shape !== this.shape) this.build(net.sizes);
    this.shape = shape;
    this.drawCanvas(net, inference);
    const L = net.sizes.length - 1;
    for (let l = 1; l <= L; l++) {
      const brightness = bulbBrightness(inference.activations[l]);
      this.circles[l].forEach((c, j) => {
        const g = Math.round(brightness[j] * 255);
        c.setAttribute('fill', `rgb(${g},${g},${g})`);
        c.classList.toggle('answer', l === L && j === inference.answer);
        // The accessible name carries the numbers; set on focus/hover rather than on every frame.
      });
    }
    const out = inference.activations[L];
    this.valueLabels.forEach((t, j) => {
      t.textContent = out[j].toFixed(2);
      t.classList.toggle('answer', j === inference.answer);
    });
    if (this.hovered) this.showTooltip(this.hovered.layer, this.hovered.neuron);
  }

  private numbers(layer: number, neuron: number): NeuronNumbers {
    const { net, inference } = this.last as { net: Network; inference: Inference };
    return {
      layer,
      neuron,
      z: inference.weightedInputs[layer][neuron],
      bias: net.biases[layer - 1][neuron],
      a: inference.activations[layer][neuron],
    };
  }

  private build(sizes: readonly number[]): void {
    this.svg.replaceChildren();
    this.circles = [[]];
    this.groups = [[]];
    this.positions = [[]];
    this.valueLabels = [];
    const L = sizes.length - 1;
    // Names longer than a digit go after the value, with room kept for them on the right.
    const named = this.text.classNames.some((n) => n.length > 1);
    const left = GRID + 70;
    const right = WIDTH - (named ? 150 : 70);
    // Input grid: one focusable rectangle with the layer's description.
    const inputRect = document.createElementNS(SVG, 'rect');
    inputRect.setAttribute('x', '0');
    inputRect.setAttribute('y', String(GRID_TOP));
    inputRect.setAttribute('width', String(GRID));
    inputRect.setAttribute('height', String(GRID));
    inputRect.setAttribute('class', 'input-frame');
    inputRect.setAttribute('role', 'img');
    inputRect.setAttribute('aria-label', this.text.inputLabel);
    this.svg.append(inputRect);
    for (let l = 1; l <= L; l++) {
      const x = L === 1 ? right : left + ((right - left) * (l - 1)) / (L - 1);
      const shown = Math.min(sizes[l], MAX_SHOWN);
      const gap = Math.min(26, (HEIGHT - 30) / shown);
      const r = Math.max(2.5, Math.min(10, gap * 0.38));
      const top = HEIGHT / 2 - (gap * (shown - 1)) / 2;
      const circles: SVGCircleElement[] = [];
      const groups: SVGGElement[] = [];
      const positions: { x: number; y: number; r: number }[] = [];
      for (let j = 0; j < shown; j++) {
        const y = top + gap * j;
        const g = document.createElementNS(SVG, 'g');
        g.setAttribute('tabindex', '0');
        g.setAttribute('role', 'img');
        g.setAttribute('class', 'neuron');
        g.setAttribute('aria-label', this.text.neuronLabel({ layer: l, neuron: j, z: 0, bias: 0, a: 0 }).split(':')[0]);
        g.dataset.layer = String(l);
        g.style.setProperty('--layer', String(l));
        g.dataset.neuron = String(j);
        const c = document.createElementNS(SVG, 'circle');
        c.setAttribute('cx', String(x));
        c.setAttribute('cy', String(y));
        c.setAttribute('r', String(r));
        g.append(c);
        if (l === L) {
          const label = document.createElementNS(SVG, 'text');
          label.setAttribute('x', String(x + r + (named ? 44 : 6)));
          label.setAttribute('y', String(y + 4));
          label.setAttribute('class', 'digit-label');
          label.textContent = this.text.classNames[j] ?? String(j);
          const value = document.createElementNS(SVG, 'text');
          value.setAttribute('x', String(x + r + (named ? 6 : 20)));
          value.setAttribute('y', String(y + 4));
          value.setAttribute('class', 'value-label');
          g.append(label, value);
          this.valueLabels.push(value);
        }
        const show = (): void => this.showTooltip(l, j);
        const hide = (): void => this.hideTooltip();
        g.addEventListener('mouseenter', show);
        g.addEventListener('focus', show);
        g.addEventListener('mouseleave', hide);
        g.addEventListener('blur', hide);
        g.addEventListener('click', () => this.onNeuronClick(l, j));
        g.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            this.onNeuronClick(l, j);
          }
        });
        this.svg.append(g);
        circles.push(c);
        groups.push(g);
        positions.push({ x, y, r });
      }
      if (sizes[l] > shown) {
        const more = document.createElementNS(SVG, 'text');
        more.setAttribute('x', String(x - 12));
        more.setAttribute('y', String(HEIGHT - 4));
        more.setAttribute('class', 'value-label');
        more.textContent = `+${sizes[l] - shown}`;
        this.svg.append(more);
      }
      this.circles.push(circles);
      this.groups.push(groups);
      this.positions.push(positions);
    }
  }

  private drawCanvas(net: Network, inference: Inference): void {
    const { ctx } = this;
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    // Connections under everything: sign → hue, |w·a| → opacity.
    const { connections, maxByLayer } = strongestConnections(net, inference, this.allConnections ? Infinity : STRONGEST);
    ctx.lineWidth = 1;
    for (const c of connections) {
      const target = this.positions[c.layer + 1][c.to];
      if (target === undefined) continue;
      let x0: number;
      let y0: number;
      if (c.layer === 0) {
        x0 = (c.from % 28) * PIXEL + PIXEL / 2;
        y0 = GRID_TOP + Math.floor(c.from / 28) * PIXEL + PIXEL / 2;
      } else {
        const source = this.positions[c.layer][c.from];
        if (source === undefined) continue;
        x0 = source.x;
        y0 = source.y;
      }
      const strength = Math.abs(c.value) / (maxByLayer[c.layer] || 1);
      if (strength < 0.02) continue;
      ctx.strokeStyle = hueCss(this.palette, c.value >= 0 ? 'positive' : 'negative', Math.min(1, 0.15 + 0.85 * strength));
      ctx.lineWidth = 0.5 + 2 * strength;
      ctx.beginPath();
      ctx.moveTo(x0, y0);
      ctx.lineTo(target.x - target.r, target.y);
      ctx.stroke();
    }
    // The input layer: the 28×28 image itself, each pixel a neuron (S1).
    const image = new ImageData(28, 28);
    grayPixels(inference.activations[0], 1, image.data);
    const ictx = this.inputImage.getContext('2d');
    ictx?.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(this.inputImage, 0, GRID_TOP, GRID, GRID);
  }

  private showTooltip(layer: number, neuron: number): void {
    if (!this.last) return;
    this.groups[layer][neuron].setAttribute('aria-label', this.text.neuronLabel(this.numbers(layer, neuron)));
    this.hovered = { layer, neuron };
    const p = this.positions[layer][neuron];
    this.tooltip.innerHTML = this.text.tooltip(this.numbers(layer, neuron));
    this.tooltip.hidden = false;
    const scale = this.svg.getBoundingClientRect().width / WIDTH || 1;
    const leftSide = p.x > WIDTH * 0.6;
    this.tooltip.style.top = `${p.y * scale}px`;
    this.tooltip.style.left = leftSide ? '' : `${(p.x + p.r + 8) * scale}px`;
    this.tooltip.style.right = leftSide ? `${(WIDTH - p.x + p.r + 8) * scale}px` : '';
  }

  /** Redraws the open tooltip (e.g. once its formulas can be typeset). */
  refreshTooltip(): void {
    if (this.hovered && this.last) this.showTooltip(this.hovered.layer, this.hovered.neuron);
  }

  private hideTooltip(): void {
    this.hovered = null;
    this.tooltip.hidden = true;
  }
}
