import type uPlot from 'uplot';
import { useIntlSafeLanguage } from '../shared/locale-guard.js';

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

/** The x range shared by charts that should line up (grows to the largest x any of them saw). */
export class SharedExtent {
  max = 100;
  readonly charts: CurveChart[] = [];
}

/**
 * A live line chart (uPlot) of one quantity against mini-batches, one line per run, so
 * several runs overlay (S12: sigmoid vs ReLU). Points arrive at any rate; the chart redraws
 * at most every 250 ms. Until uPlot has loaded (the first chart loads it) points are only kept.
 */
export class CurveChart {
  private plot: uPlot | null = null;
  private series: CurveSeries[] = [];
  private points = new Map<string, Map<number, number>>();
  private dirty = false;
  private timer = 0;

  /** A chart in `host`, titled `title`, values formatted by `format`. */
  constructor(
    private readonly host: HTMLElement,
    private title: string,
    private xLabel: string,
    private readonly format: (v: number) => string,
    private readonly range: [number, number] | null,
    private readonly extent: SharedExtent = new SharedExtent(),
  ) {
    extent.charts.push(this);
  }

  /** Starts over with these lines (and no points). */
  reset(series: readonly CurveSeries[]): void {
    this.series = [...series];
    this.points = new Map(series.map((s) => [s.id, new Map()]));
    this.extent.max = 100;
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
    const width = Math.max(240, this.host.clientWidth || 420);
    const axisStyle = { stroke: '#c8ccd4', grid: { stroke: '#2a2f3a' }, ticks: { stroke: '#2a2f3a' } };
    this.plot = new UPlot(
      {
        title: this.title,
        width,
        height: 220,
        scales: { x: { time: false, range: () => [0, this.extent.max] }, y: this.range ? { range: this.range } : {} },
        axes: [
          { ...axisStyle, label: this.xLabel },
          { ...axisStyle, values: (_u, ticks) => ticks.map((t) => this.format(t)), size: 56 },
        ],
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
  }

  private data(): uPlot.AlignedData {
    const xs = new Set<number>();
    for (const m of this.points.values()) for (const x of m.keys()) xs.add(x);
    const x = [...xs].sort((a, b) => a - b);
    return [x, ...this.series.map((s) => x.map((v) => this.points.get(s.id)?.get(v) ?? null))];
  }

  /** Redraws soon (at most every 250 ms). */
  schedule(): void {
    this.dirty = true;
    if (this.timer !== 0) return;
    this.timer = window.setTimeout(() => {
      this.timer = 0;
      if (!this.dirty) return;
      this.dirty = false;
      this.plot?.setData(this.data());
    }, 250);
  }
}
