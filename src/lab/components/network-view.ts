import type { Network } from '../../core/network.js';
import { bulbBrightness, type Inference } from '../shared/inference.js';
import type { PaletteName } from '../shared/palette.js';
import { drawNetworkCanvas } from './network-canvas.js';
import { InputGrid } from './input-grid.js';
import { arrowTarget, type ViewPlace } from './network-keys.js';
import { readableSvgText } from './svg-text.js';

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
  /** An input pixel's numbers: column x, row y (0–27) and its activation a (the pixel's value in [0, 1]). */
  readonly pixel: (x: number, y: number, a: number) => string;
  /** The output neurons' class names, index = class (digits, or a data set's names). */
  readonly classNames: readonly string[];
  /** An output's value beside it (default: two decimals with a decimal point). */
  readonly outputValue?: (a: number) => string;
}

/**
 * The network view (784 inputs, two hidden layers, ten outputs; activations flowing layer to layer): the input as a 28×28 grid of pixels, each hidden and output
 * neuron a bulb lit by its activation, connections coloured by the sign of w·a with opacity
 * by its size, the outputs labelled with their class names (0–9 for digits) and values and
 * the answer ringed. Numbers on demand: hover or focus a neuron for z, b and a, a pixel of
 * the input for its activation. One tab stop: the arrow keys move between neurons (within a
 * layer, across layers, into the input grid pixel by pixel) and the tooltip follows. Lines
 * and the input grid are drawn on a canvas under an SVG of neurons.
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
  private inputGrid: InputGrid | null = null;
  private shape = '';
  private positions: { x: number; y: number; r: number }[][] = [];
  private last: { net: Network; inference: Inference } | null = null;
  /** What the tooltip shows (a neuron, or a pixel of layer 0), and the tab stop of the view. */
  private hovered: ViewPlace | null = null;
  private current: ViewPlace = { layer: 1, neuron: 0 };
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
    // Its labels stay readable when the view is shown small (a phone); figures.css drops the values there.
    readableSvgText(this.svg, 12);
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
    drawNetworkCanvas(this.ctx, this.inputImage, { width: WIDTH, height: HEIGHT, pixel: PIXEL, gridTop: GRID_TOP, positions: this.positions }, net, inference, {
      perNeuron: this.allConnections ? Infinity : STRONGEST,
      palette: this.palette,
    });
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
      t.textContent = this.text.outputValue?.(out[j]) ?? out[j].toFixed(2);
      t.classList.toggle('answer', j === inference.answer);
    });
    if (this.hovered) this.showTooltip(this.hovered);
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
    const centre = { layer: 0, neuron: 14 * 28 + 14 };
    this.inputGrid = new InputGrid(this.svg, { pixel: PIXEL, top: GRID_TOP, viewWidth: WIDTH }, this.text.inputLabel, {
      hover: (pixel) => this.showTooltip({ layer: 0, neuron: pixel }),
      leave: () => this.hideTooltip(),
      focus: () => this.focused(this.current.layer === 0 ? this.current : centre),
      key: (e) => this.arrow(e, this.current.layer === 0 ? this.current : centre),
    });
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
        g.setAttribute('tabindex', '-1');
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
        const place = { layer: l, neuron: j };
        g.addEventListener('mouseenter', () => this.showTooltip(place));
        g.addEventListener('focus', () => this.focused(place));
        g.addEventListener('mouseleave', () => this.hideTooltip());
        g.addEventListener('blur', () => this.hideTooltip());
        g.addEventListener('click', () => this.onNeuronClick(l, j));
        g.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            this.onNeuronClick(l, j);
          } else this.arrow(e, place);
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
    if (this.current.layer > L || (this.current.layer > 0 && this.current.neuron >= this.groups[this.current.layer].length)) this.current = { layer: Math.min(1, L), neuron: 0 };
    this.setTabStop(this.current);
  }

  /** Focus arrived at `place`: it becomes the view's tab stop and shows its numbers. */
  private focused(place: ViewPlace): void {
    this.setTabStop(place);
    this.showTooltip(place);
  }

  private arrow(e: KeyboardEvent, from: ViewPlace): void {
    const to = arrowTarget(this.groups.map((g) => g.length), from, e.key);
    if (to === null) return;
    e.preventDefault();
    this.setTabStop(to);
    if (to.layer === 0) {
      this.inputGrid?.focus();
      this.showTooltip(to);
    } else this.groups[to.layer][to.neuron].focus();
  }

  /** One tab stop for the whole view: the place focus was last (roving tabindex). */
  private setTabStop(place: ViewPlace): void {
    this.current = place;
    this.inputGrid?.setTabStop(place.layer === 0);
    this.groups.forEach((layer, l) => layer.forEach((g, j) => g.setAttribute('tabindex', l === place.layer && j === place.neuron ? '0' : '-1')));
  }

  private showTooltip(place: ViewPlace): void {
    if (!this.last) return;
    this.hovered = place;
    const scale = this.svg.getBoundingClientRect().width / WIDTH || 1;
    let x: number;
    let y: number;
    let r: number;
    if (place.layer === 0) {
      const text = this.text.pixel(place.neuron % 28, Math.floor(place.neuron / 28), this.last.inference.activations[0][place.neuron]);
      this.tooltip.textContent = text;
      this.inputGrid?.setLabel(`${this.text.inputLabel}. ${text}`);
      ({ x, y } = this.inputGrid?.mark(place.neuron) ?? { x: 0, y: 0 });
      r = PIXEL;
    } else {
      const numbers = this.numbers(place.layer, place.neuron);
      this.groups[place.layer][place.neuron].setAttribute('aria-label', this.text.neuronLabel(numbers));
      this.tooltip.innerHTML = this.text.tooltip(numbers);
      this.inputGrid?.mark(null);
      ({ x, y, r } = this.positions[place.layer][place.neuron]);
    }
    this.tooltip.hidden = false;
    const leftSide = x > WIDTH * 0.6;
    this.tooltip.style.top = `${y * scale}px`;
    this.tooltip.style.left = leftSide ? '' : `${(x + r + 8) * scale}px`;
    this.tooltip.style.right = leftSide ? `${(WIDTH - x + r + 8) * scale}px` : '';
  }

  /** Redraws the open tooltip (e.g. once its formulas can be typeset). */
  refreshTooltip(): void {
    if (this.hovered && this.last) this.showTooltip(this.hovered);
  }

  private hideTooltip(): void {
    this.hovered = null;
    this.tooltip.hidden = true;
    this.inputGrid?.mark(null);
  }
}
