import type uPlot from 'uplot';
import { useIntlSafeLanguage } from '../shared/locale-guard.js';
import { logTickLabel, logTicks } from './log-ticks.js';

let library: typeof uPlot | null = null;
let loading: Promise<void> | null = null;

/**
 * uPlot and its stylesheet, loaded with the first chart (so a page pays for them only when
 * it draws one) — after the language guard, since uPlot reads navigator.language into Intl
 * when it loads.
 */
function loadLibrary(): Promise<void> {
  if (loading === null) {
    useIntlSafeLanguage();
    loading = Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([module]) => {
      library = module.default;
    });
  }
  return loading;
}

/** One line of a chart: a run's id, its legend name and colour. */
export interface CurveSeries {
  readonly id: string;
  readonly label: string;
  readonly colour: string;
}

/**
 * How an axis is scaled. A log x axis is an arcsinh scale (linear near 0, logarithmic beyond):
 * a long run's first mini-batches, where the curves move most, keep their room beside the
 * thousands that follow, and the point at 0 stays on the chart.
 */
export type AxisScale = 'linear' | 'log';

/**
 * Where the arcsinh x axis turns from linear to logarithmic: asinh(x/10) gives the first ten
 * mini-batches (or epochs) about as much room as a factor of ten beyond them.
 */
const LINEAR_BELOW = 10;
/** The charts' height and least width, in CSS pixels (a 390 px phone leaves about 320 for a chart). */
const CHART_HEIGHT = 220;
/** The axes' text, in CSS pixels. */
const AXIS_FONT_PX = 12;
const MIN_WIDTH = 200;
/** Our log ticks are already thinned: uPlot's own filter of log axes must not blank any. */
const keepAll = (_u: uPlot, splits: number[]): number[] => splits;

/** The axes of a chart: x and y scales, and how a number of the chart is written. */
export interface ChartAxes {
  readonly x: AxisScale;
  readonly y: AxisScale;
  /** Numbers in the page's language with `digits` decimals (for the log axes' labels). */
  readonly num: (n: number, digits?: number) => string;
}

/** The x range shared by charts that should line up (grows to the largest x any of them saw). */
export class SharedExtent {
  max: number;
  readonly charts: CurveChart[] = [];

  /** An extent whose x range starts as [0, `initial`] (the Lab: 100 mini-batches; per-epoch charts: 1). */
  constructor(readonly initial = 100) {
    this.max = initial;
  }
}

/**
 * A live line chart (uPlot) of one quantity against mini-batches, one line per run, so
 * several runs overlay (e.g. sigmoid vs ReLU). Points arrive at any rate; the chart redraws
 * at most every `redrawInterval` ms (250: a few times a second at full speed; 0: on the next
 * frame, as watch speed wants every step drawn). Until uPlot has loaded (the first chart
 * loads it) points are only kept.
 */
export class CurveChart {
  private plot: uPlot | null = null;
  private series: CurveSeries[] = [];
  private points = new Map<string, Map<number, number>>();
  private dirty = false;
  private timer = 0;
  private frame = 0;
  private lastDraw = -Infinity;
  /** Least time between two redraws, in ms. */
  redrawInterval = 250;
  /** Hears each redraw with the largest x drawn (for tests that count what was drawn). */
  onDraw: ((maxX: number) => void) | null = null;

  /** A chart in `host`, titled `title`, values formatted by `format`. */
  constructor(
    private readonly host: HTMLElement,
    private title: string,
    private xLabel: string,
    private readonly format: (v: number) => string,
    private readonly range: [number, number] | null,
    private readonly extent: SharedExtent = new SharedExtent(),
    private readonly axes: ChartAxes | null = null,
  ) {
    extent.charts.push(this);
    // The chart follows its host's width (a phone turned, a column narrowed): never wider than its place.
    if (typeof ResizeObserver !== 'undefined') {
      new ResizeObserver(() => {
        const width = this.width();
        if (this.plot !== null && Math.abs(this.plot.width - width) >= 1) this.plot.setSize({ width, height: CHART_HEIGHT });
      }).observe(host);
    }
  }

  /** The width the chart gets: its host's, at least `MIN_WIDTH` (420 while the host is not laid out yet). */
  private width(): number {
    return Math.max(MIN_WIDTH, Math.floor(this.host.clientWidth) || 420);
  }

  /** Starts over with these lines (and no points). */
  reset(series: readonly CurveSeries[]): void {
    this.series = [...series];
    this.points = new Map(series.map((s) => [s.id, new Map()]));
    this.extent.max = this.extent.initial;
    this.rebuild();
  }

  /** Renames the chart and its axis (after a language switch). */
  setTitles(title: string, xLabel: string, series: readonly CurveSeries[]): void {
    this.title = title;
    this.xLabel = xLabel;
    const points = this.points;
    this.series = [...series];
    this.rebuild();
    this.points = points;
    this.schedule();
  }

  /** Adds the point (x, y) to run `id`'s line. */
  add(id: string, x: number, y: number): void {
    this.points.get(id)?.set(x, y);
    if (x > this.extent.max) {
      this.extent.max = x;
      for (const chart of this.extent.charts) chart.schedule();
    }
    this.schedule();
  }

  /** The number of points of run `id`. */
  count(id: string): number {
    return this.points.get(id)?.size ?? 0;
  }

  private rebuild(): void {
    const UPlot = library;
    if (UPlot === null) {
      void loadLibrary().then(() => this.rebuild());
      return;
    }
    this.plot?.destroy();
    this.host.replaceChildren();
    const width = this.width();
    // Axis text at 12 CSS px (uPlot scales it by the screen's pixel ratio, as it does the canvas).
    const axisStyle = { stroke: '#c8ccd4', grid: { stroke: '#2a2f3a' }, ticks: { stroke: '#2a2f3a' }, font: `${AXIS_FONT_PX}px system-ui, sans-serif`, labelFont: `bold ${AXIS_FONT_PX}px system-ui, sans-serif` };
    const axes = this.axes;
    const xLog = axes?.x === 'log';
    const yLog = axes?.y === 'log';
    const xRange = (): [number, number] => [0, this.extent.max];
    const yScale: uPlot.Scale = yLog ? { distr: 3, log: 10 } : this.range ? { range: this.range } : {};
    const xAxis: uPlot.Axis = xLog && axes
      ? { ...axisStyle, label: this.xLabel, splits: (u, _i, min, max) => logTicks(min, max, (v) => u.valToPos(v, 'x'), 64), filter: keepAll, values: (_u, ticks) => ticks.map((t) => logTickLabel(t, axes.num)) }
      : { ...axisStyle, label: this.xLabel, space: 72 };
    const yAxis: uPlot.Axis = yLog && axes
      ? { ...axisStyle, size: 56, splits: (u, _i, min, max) => logTicks(min, max, (v) => u.valToPos(v, 'y'), 22), filter: keepAll, values: (_u, ticks) => ticks.map((t) => logTickLabel(t, axes.num)) }
      : { ...axisStyle, values: (_u, ticks) => ticks.map((t) => this.format(t)), size: 56 };
    this.plot = new UPlot(
      {
        title: this.title,
        width,
        height: CHART_HEIGHT,
        scales: { x: xLog ? { time: false, distr: 4, asinh: LINEAR_BELOW, range: xRange } : { time: false, range: xRange }, y: yScale },
        axes: [xAxis, yAxis],
        series: [
          { label: this.xLabel },
          ...this.series.map((s) => ({ label: s.label, stroke: s.colour, width: 2, spanGaps: true, value: (_u: uPlot, v: number | null) => (v === null ? '–' : this.format(v)) })),
        ],
        legend: { live: false },
        cursor: { drag: { x: false, y: false } },
      },
      this.data(),
      this.host,
    );
    // The figure reports its smallest text in canvas pixels (see canvas-text.ts).
    this.plot.ctx.canvas.dataset.fontPx = String(AXIS_FONT_PX * UPlot.pxRatio);
  }

  private data(): uPlot.AlignedData {
    const xs = new Set<number>();
    for (const m of this.points.values()) for (const x of m.keys()) xs.add(x);
    const x = [...xs].sort((a, b) => a - b);
    return [x, ...this.series.map((s) => x.map((v) => this.points.get(s.id)?.get(v) ?? null))];
  }

  /** Redraws soon: on the next frame at least `redrawInterval` ms after the last redraw. */
  schedule(): void {
    this.dirty = true;
    if (this.timer !== 0 || this.frame !== 0) return;
    const wait = this.lastDraw + this.redrawInterval - performance.now();
    const draw = (): void => {
      this.frame = 0;
      if (!this.dirty) return;
      this.dirty = false;
      this.lastDraw = performance.now();
      const data = this.data();
      this.plot?.setData(data);
      this.onDraw?.(data[0].length > 0 ? (data[0][data[0].length - 1] as number) : NaN);
    };
    if (wait <= 0) this.frame = requestAnimationFrame(draw);
    else
      this.timer = window.setTimeout(() => {
        this.timer = 0;
        this.frame = requestAnimationFrame(draw);
      }, wait);
  }
}
