import { tickLabel, ticks } from '../../explain/axis-ticks.js';
import { el, svgNode } from './figure-parts.js';
import { readableSvgText } from './svg-text.js';

const W = 560;
const H = 240;
const PAD = { left: 48, right: 12, top: 12, bottom: 34 };

/** One line of the plot: its values at the plot's x's. */
export interface PlotLine {
  readonly id: string;
  readonly label: string;
  readonly colour: string;
  readonly values: readonly number[];
}

/** The words of the plot, in the page's language. */
export interface LinePlotText {
  readonly label: string;
  readonly xAxis: string;
  readonly yAxis: string;
  /** A number of an axis with `decimals` decimals, in the page's language. */
  readonly tick: (v: number, decimals: number) => string;
}


/**
 * Lines over one x axis (any range, negative too), e.g. a cost as one weight moves, with a
 * marker at one x and a dot where it meets each line, axis ticks from src/explain/axis-ticks
 * and a legend. The numbers come from the caller; the plot only draws them.
 */
export class LinePlot {
  readonly element: HTMLElement;
  private readonly svg: SVGSVGElement;
  private readonly legend: HTMLElement;
  private xs: readonly number[] = [];
  private lines: readonly PlotLine[] = [];
  private yRange: [number, number] = [0, 1];

  /** An empty plot in `host`. */
  constructor(host: HTMLElement, private readonly text: LinePlotText) {
    this.element = el('figure', 'line-plot');
    this.svg = svgNode('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': text.label });
    this.legend = el('figcaption', 'legend');
    this.element.append(this.svg, this.legend);
    host.append(this.element);
    readableSvgText(this.svg);
  }

  /** Draws `lines` over `xs` with the marker at `marker` (null: none). */
  render(xs: readonly number[], lines: readonly PlotLine[], marker: number | null): void {
    this.xs = xs;
    this.lines = lines;
    const all = lines.flatMap((l) => l.values).filter(Number.isFinite);
    const lo = Math.min(0, ...all);
    const hi = Math.max(...all) * 1.05 || 1;
    this.yRange = [lo, hi];
    this.svg.replaceChildren();
    const [x0, x1] = [xs[0], xs[xs.length - 1]];
    for (const t of ticks(lo, hi, 5)) {
      this.svg.append(svgNode('line', { class: 'grid', x1: PAD.left, x2: W - PAD.right, y1: this.y(t), y2: this.y(t) }));
      this.svg.append(Object.assign(svgNode('text', { x: PAD.left - 6, y: this.y(t) + 4, 'text-anchor': 'end' }), { textContent: this.label(t) }));
    }
    for (const t of ticks(x0, x1, 8)) {
      this.svg.append(svgNode('line', { class: 'grid', x1: this.x(t), x2: this.x(t), y1: PAD.top, y2: H - PAD.bottom }));
      this.svg.append(Object.assign(svgNode('text', { x: this.x(t), y: H - PAD.bottom + 16, 'text-anchor': 'middle' }), { textContent: this.label(t) }));
    }
    this.svg.append(Object.assign(svgNode('text', { x: W - PAD.right, y: H - 4, 'text-anchor': 'end', class: 'axis-name' }), { textContent: this.text.xAxis }));
    this.svg.append(Object.assign(svgNode('text', { x: PAD.left + 4, y: PAD.top + 12, class: 'axis-name' }), { textContent: this.text.yAxis }));
    for (const line of lines) {
      const d = line.values.map((v, i) => `${i === 0 ? 'M' : 'L'}${this.x(xs[i]).toFixed(1)},${this.y(v).toFixed(1)}`).join('');
      this.svg.append(svgNode('path', { d, class: 'plot-line', stroke: line.colour, 'data-line': line.id }));
    }
    if (marker !== null) this.mark(marker);
    this.legend.replaceChildren(
      ...lines.map((l) => {
        const item = el('span', 'legend-item', l.label);
        item.style.setProperty('--swatch', l.colour);
        return item;
      }),
    );
  }

  /** Moves the marker to `x`, with a dot on each line (at the nearest x drawn). */
  mark(x: number): void {
    for (const e of this.svg.querySelectorAll('.marker, .marker-dot')) e.remove();
    this.svg.append(svgNode('line', { class: 'marker', x1: this.x(x), x2: this.x(x), y1: PAD.top, y2: H - PAD.bottom }));
    let i = 0;
    for (let k = 1; k < this.xs.length; k++) if (Math.abs(this.xs[k] - x) < Math.abs(this.xs[i] - x)) i = k;
    for (const line of this.lines) this.svg.append(svgNode('circle', { class: 'marker-dot', cx: this.x(x), cy: this.y(line.values[i]), r: 5, fill: line.colour }));
  }

  /** A tick's label: its nice value with the decimals it has. */
  private label(t: number): string {
    const nice = tickLabel(t);
    return this.text.tick(Number(nice), (nice.split('.')[1] ?? '').length);
  }

  private x(v: number): number {
    const [x0, x1] = [this.xs[0], this.xs[this.xs.length - 1]];
    return PAD.left + ((v - x0) / (x1 - x0 || 1)) * (W - PAD.left - PAD.right);
  }

  private y(v: number): number {
    const [lo, hi] = this.yRange;
    return PAD.top + (1 - (v - lo) / (hi - lo || 1)) * (H - PAD.top - PAD.bottom);
  }
}
