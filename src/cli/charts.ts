import { createCanvas } from '@napi-rs/canvas';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Title,
} from 'chart.js';
import { writeFileAtomic } from '../model/model-io.js';

/**
 * PNG charts for the CLI: Chart.js drawing on a @napi-rs/canvas canvas, the same library the
 * Lab can use in the browser. Two shapes cover every CLI figure: line charts with several
 * named series over a numeric x axis (cost per epoch, accuracy per step…) and bar charts over
 * labelled categories (histograms of predicted digits, per-class accuracy…). Render to PNG
 * bytes (`renderLineChart`, `renderBarChart`) or straight to a file (`writeLineChart`,
 * `writeBarChart`, written atomically).
 */

Chart.register(
  LineController,
  BarController,
  LineElement,
  BarElement,
  PointElement,
  LinearScale,
  LogarithmicScale,
  CategoryScale,
  Legend,
  Title,
  Filler,
);

/** A qualitative palette readable on white and by most colour-blind readers (Okabe–Ito). */
export const SERIES_COLORS: readonly string[] = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];

/** One named line of a line chart. */
export interface LineSeries {
  /** Legend label. */
  readonly label: string;
  /** y values; x defaults to 1, 2, 3… (epochs) unless the series or the chart gives x. */
  readonly y: readonly number[];
  /** x values (same length as y); overrides the chart's shared x. */
  readonly x?: readonly number[];
  /** CSS colour; default: the palette in order. */
  readonly color?: string;
  /** Draw dashed (e.g. a test curve beside its training curve). */
  readonly dashed?: boolean;
}

/** Size, title and axis labels common to every chart. */
export interface ChartFrame {
  readonly title?: string;
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** Pixels; default 800 × 450. */
  readonly width?: number;
  readonly height?: number;
  /** Fixed y range (e.g. 0..1 for accuracies); default: fitted to the data. */
  readonly yMin?: number;
  readonly yMax?: number;
  /** Logarithmic y axis (costs spanning decades). */
  readonly yLog?: boolean;
  /** Format y tick labels as percentages (values are fractions 0..1). */
  readonly yPercent?: boolean;
}

/** A line chart: several series over a numeric x axis. */
export interface LineChartSpec extends ChartFrame {
  readonly series: readonly LineSeries[];
  /** Shared x values for series without their own. */
  readonly x?: readonly number[];
  /** Logarithmic x axis (e.g. learning rates spanning decades). */
  readonly xLog?: boolean;
}

/** One named set of bars (several sets are drawn side by side per category). */
export interface BarSeries {
  readonly label: string;
  /** One value per category. */
  readonly values: readonly number[];
  readonly color?: string;
}

/** A bar chart or histogram: categories along x, one or more bar series. */
export interface BarChartSpec extends ChartFrame {
  /** Category labels, e.g. "0".."9", or bin ranges of a histogram. */
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
}

/** A histogram: the counts of `values` in `bins` equal bins over [min, max], as a bar chart spec. */
export function histogramSpec(
  series: readonly { label: string; values: ArrayLike<number>; color?: string }[],
  bins: number,
  min: number,
  max: number,
  frame: ChartFrame = {},
): BarChartSpec {
  const width = (max - min) / bins;
  const digits = width >= 1 ? 0 : Math.min(3, Math.ceil(-Math.log10(width)));
  const categories = Array.from({ length: bins }, (_, i) => `${(min + i * width).toFixed(digits)}–${(min + (i + 1) * width).toFixed(digits)}`);
  return {
    ...frame,
    categories,
    series: series.map((s) => ({ label: s.label, color: s.color, values: histogram(s.values, bins, min, max) })),
  };
}

/** Counts of `values` in `bins` equal bins over [min, max]; values outside are clamped into the end bins. */
export function histogram(values: ArrayLike<number>, bins: number, min: number, max: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const b = Math.floor(((values[i] - min) / (max - min)) * bins);
    counts[Math.min(bins - 1, Math.max(0, b))]++;
  }
  return counts;
}

/** PNG bytes of a line chart. */
export function renderLineChart(spec: LineChartSpec): Buffer {
  const datasets = spec.series.map((s, i) => {
    const xs = s.x ?? spec.x ?? s.y.map((_, k) => k + 1);
    const color = s.color ?? SERIES_COLORS[i % SERIES_COLORS.length];
    return {
      label: s.label,
      data: s.y.map((y, k) => ({ x: xs[k], y })),
      borderColor: color,
      backgroundColor: color,
      borderWidth: 2,
      borderDash: s.dashed ? [6, 4] : [],
      // Points only on short series: on thousands of steps they would hide the line.
      pointRadius: s.y.length <= 40 ? 3 : 0,
      tension: 0,
    };
  });
  return render(spec, {
    type: 'line',
    data: { datasets },
    options: { ...baseOptions(spec, true), parsing: false, scales: scales(spec, spec.xLog ? 'logarithmic' : 'linear') },
  });
}

/** PNG bytes of a bar chart (or histogram). */
export function renderBarChart(spec: BarChartSpec): Buffer {
  const datasets = spec.series.map((s, i) => {
    const color = s.color ?? SERIES_COLORS[i % SERIES_COLORS.length];
    return { label: s.label, data: [...s.values], backgroundColor: color, borderColor: color, borderWidth: 1 };
  });
  return render(spec, {
    type: 'bar',
    data: { labels: [...spec.categories], datasets },
    options: { ...baseOptions(spec), scales: scales(spec, 'category') },
  });
}

/** Writes a line chart as a PNG file (atomically). */
export async function writeLineChart(file: string, spec: LineChartSpec): Promise<void> {
  await writeFileAtomic(file, renderLineChart(spec));
}

/** Writes a bar chart as a PNG file (atomically). */
export async function writeBarChart(file: string, spec: BarChartSpec): Promise<void> {
  await writeFileAtomic(file, renderBarChart(spec));
}

function baseOptions(spec: ChartFrame, lines = false): ChartConfiguration['options'] {
  return {
    // Node has no window: no animation, no resize observer, one device pixel per pixel.
    animation: false,
    responsive: false,
    devicePixelRatio: 1,
    plugins: {
      title: { display: !!spec.title, text: spec.title ?? '', font: { size: 16 }, color: '#111' },
      // Line legends show a short line (dashes included), not a filled box.
      legend: { display: true, position: 'bottom', labels: { color: '#111', ...(lines ? { usePointStyle: true, pointStyle: 'line' } : {}) } },
    },
  };
}

function scales(spec: ChartFrame, xType: 'linear' | 'logarithmic' | 'category'): Record<string, object> {
  const axisTitle = (text?: string): object => ({ display: !!text, text: text ?? '', color: '#111' });
  return {
    x: {
      type: xType,
      title: axisTitle(spec.xLabel),
      // On a log axis, label only 1, 2 and 5 × 10^k (Chart.js would label every minor tick).
      ticks: { color: '#333', ...(xType === 'logarithmic' ? { callback: (v: number | string) => logTickLabel(Number(v)) } : {}) },
      grid: { color: '#e5e5e5' },
    },
    y: {
      type: spec.yLog ? 'logarithmic' : 'linear',
      min: spec.yMin,
      max: spec.yMax,
      title: axisTitle(spec.yLabel),
      grid: { color: '#e5e5e5' },
      ticks: {
        color: '#333',
        ...(spec.yPercent ? { callback: (v: number | string) => `${Math.round(Number(v) * 1000) / 10} %` } : {}),
      },
    },
  };
}

function logTickLabel(v: number): string {
  const mantissa = Number((v / 10 ** Math.floor(Math.log10(v))).toPrecision(3));
  return [1, 2, 5].includes(mantissa) ? String(Number(v.toPrecision(3))) : '';
}

function render(spec: ChartFrame, config: ChartConfiguration): Buffer {
  const width = spec.width ?? 800;
  const height = spec.height ?? 450;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  // A white background: PNGs are viewed on light and dark pages alike.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  // Chart.js accepts any CanvasRenderingContext2D-like object; @napi-rs/canvas implements the API.
  const chart = new Chart(ctx as unknown as CanvasRenderingContext2D, config);
  const png = canvas.toBuffer('image/png');
  chart.destroy();
  return png;
}
