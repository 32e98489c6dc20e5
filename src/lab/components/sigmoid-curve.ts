import { sigmoid } from '../../core/activations.js';
import { el, svgNode } from './figure-parts.js';
import { readableSvgText } from './svg-text.js';

const W = 520;
const H = 200;
const PAD = { left: 44, right: 12, top: 10, bottom: 30 };

/** The words of the curve, in the page's language. */
export interface SigmoidCurveText {
  readonly label: string;
  /** Under the marked point: "z = …, σ(z) = …" (formatted). */
  readonly point: (z: string, a: string) => string;
  readonly histogram: string;
  readonly format: (v: number, digits: number) => string;
}


/**
 * The sigmoid σ(z) = 1/(1 + e^−z) over z ∈ [−range, range], with one point marked — a
 * neuron's weighted input z and its activation σ(z) — and, in a separate strip under it (so it
 * can be hidden), a histogram of many z's (e.g. the neuron's z over the test set) with the
 * share above 0 (a > 0.5) shaded. Numbers come from the caller; the curve is σ itself.
 */
export class SigmoidCurve {
  readonly element: HTMLElement;
  /** The histogram strip (hide it to keep the answer of a question). */
  readonly histogramElement: HTMLElement;
  private readonly svg: SVGSVGElement;
  private readonly marker: SVGCircleElement;
  private readonly guide: SVGLineElement;
  private readonly caption: HTMLElement;
  private readonly bars: SVGGElement;
  private range = 12;
  private marked: number | null = null;
  private zs: ArrayLike<number> = [];

  /** A curve in `host` over z ∈ [−range, range]. */
  constructor(host: HTMLElement, private readonly text: SigmoidCurveText, range = 12) {
    this.element = el('figure', 'sigmoid-curve');
    this.svg = svgNode('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': text.label });
    this.guide = svgNode('line', { class: 'guide' });
    this.marker = svgNode('circle', { r: 6, class: 'marker' });
    this.caption = el('figcaption', 'sigmoid-caption');
    const histSvg = svgNode('svg', { viewBox: `0 0 ${W} 70`, role: 'img', 'aria-label': text.histogram });
    this.bars = svgNode('g', {});
    histSvg.append(this.bars);
    this.histogramElement = el('div', 'sigmoid-histogram');
    this.histogramElement.append(histSvg, el('p', 'muted', text.histogram));
    this.element.append(this.svg, this.caption, this.histogramElement);
    host.append(this.element);
    readableSvgText(this.svg);
    this.setRange(range);
  }

  private x(z: number): number {
    return PAD.left + ((z + this.range) / (2 * this.range)) * (W - PAD.left - PAD.right);
  }

  private y(a: number): number {
    return H - PAD.bottom - a * (H - PAD.top - PAD.bottom);
  }

  /** Shows z ∈ [−range, range] (the axis, the curve, the marked point and histogram redrawn). */
  setRange(range: number): void {
    this.range = range;
    const { svg, text } = this;
    svg.replaceChildren();
    const x = (z: number): number => this.x(z);
    const y = (a: number): number => this.y(a);
    svg.append(svgNode('line', { x1: PAD.left, x2: W - PAD.right, y1: y(0), y2: y(0), class: 'axis' }));
    svg.append(svgNode('line', { x1: x(0), x2: x(0), y1: PAD.top, y2: H - PAD.bottom, class: 'axis' }));
    svg.append(svgNode('line', { x1: PAD.left, x2: W - PAD.right, y1: y(0.5), y2: y(0.5), class: 'half' }));
    for (const [a, label] of [[0, '0'], [0.5, text.format(0.5, 1)], [1, '1']] as const) {
      const t = svgNode('text', { x: PAD.left - 6, y: y(a) + 4, 'text-anchor': 'end' });
      t.textContent = label;
      svg.append(t);
    }
    for (let i = -3; i <= 3; i++) {
      const z = (i * range) / 3;
      const t = svgNode('text', { x: x(z), y: H - 8, 'text-anchor': 'middle' });
      t.textContent = text.format(z, 0);
      svg.append(t);
    }
    const zLabel = svgNode('text', { x: W - PAD.right, y: H - PAD.bottom - 6, 'text-anchor': 'end', class: 'axis-name' });
    zLabel.textContent = 'z';
    svg.append(zLabel);
    let d = '';
    for (let i = 0; i <= 400; i++) {
      const z = -range + (2 * range * i) / 400;
      d += `${i === 0 ? 'M' : 'L'}${x(z).toFixed(1)},${y(sigmoid.f(z)).toFixed(1)}`;
    }
    svg.append(svgNode('path', { d, class: 'curve' }), this.guide, this.marker);
    this.mark(this.marked);
    this.histogram(this.zs);
  }

  /** Marks z (clamped to the range for drawing; the caption says the true value). */
  mark(z: number | null): void {
    this.marked = z;
    this.marker.style.display = z === null ? 'none' : '';
    this.guide.style.display = z === null ? 'none' : '';
    if (z === null) {
      this.caption.textContent = '';
      return;
    }
    const a = sigmoid.f(z);
    const shown = Math.max(-this.range, Math.min(this.range, z));
    this.marker.setAttribute('cx', String(this.x(shown)));
    this.marker.setAttribute('cy', String(this.y(a)));
    this.guide.setAttribute('x1', String(this.x(shown)));
    this.guide.setAttribute('x2', String(this.x(shown)));
    this.guide.setAttribute('y1', String(this.y(0)));
    this.guide.setAttribute('y2', String(this.y(a)));
    this.caption.textContent = this.text.point(this.text.format(z, 2), this.text.format(a, 3));
    this.caption.dataset.value = String(a);
    this.caption.dataset.z = String(z);
  }

  /** Draws the histogram of `zs`: 60 bins over the range (values outside go to the end bins), z > 0 in the accent colour. */
  histogram(zs: ArrayLike<number>): void {
    this.zs = zs;
    const bins = new Array<number>(60).fill(0);
    for (let i = 0; i < zs.length; i++) {
      const t = (zs[i] + this.range) / (2 * this.range);
      bins[Math.max(0, Math.min(59, Math.floor(t * 60)))]++;
    }
    const max = Math.max(1, ...bins);
    this.bars.replaceChildren();
    const width = (W - PAD.left - PAD.right) / 60;
    bins.forEach((n, i) => {
      const h = (n / max) * 64;
      const z = -this.range + ((i + 0.5) / 60) * 2 * this.range;
      this.bars.append(svgNode('rect', { x: PAD.left + i * width, y: 68 - h, width: Math.max(1, width - 1), height: h, class: z > 0 ? 'on' : 'off' }));
    });
  }
}
