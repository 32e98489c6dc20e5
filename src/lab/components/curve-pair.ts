import { type AxisScale, CurveChart, SharedExtent } from './curve-chart.js';

/** The two charts of a training run, sharing one x axis. */
export interface CurvePair {
  readonly cost: CurveChart;
  readonly accuracy: CurveChart;
}

/** How a curve pair's axes are scaled: x (mini-batches or epochs) for both, y of the cost chart. */
export interface CurveScales {
  readonly x: AxisScale;
  readonly cost: AxisScale;
  /** The x range before any point is beyond it (default 100: the Lab's first mini-batches). */
  readonly initialMax?: number;
}

/**
 * Cost and accuracy of one or more runs, side by side over the same x range (mini-batches or
 * epochs): the Lab's live charts and the training experiments' charts. Costs are shown with
 * three decimals, accuracies as percentages on [0, 1]. `scales` makes the axes logarithmic
 * (default: linear), so a long run's early part keeps its room.
 */
export function curvePair(
  hosts: { readonly cost: HTMLElement; readonly accuracy: HTMLElement },
  titles: { readonly cost: string; readonly accuracy: string; readonly axis: string },
  format: { readonly num: (n: number, digits?: number) => string; readonly pct: (x: number, digits?: number) => string },
  scales: CurveScales = { x: 'linear', cost: 'linear' },
): CurvePair {
  const extent = new SharedExtent(scales.initialMax);
  const num = (n: number, digits?: number): string => format.num(n, digits);
  return {
    cost: new CurveChart(hosts.cost, titles.cost, titles.axis, (v) => format.num(v, 3), null, extent, { x: scales.x, y: scales.cost, num }),
    accuracy: new CurveChart(hosts.accuracy, titles.accuracy, titles.axis, (v) => format.pct(v, 0), [0, 1], extent, { x: scales.x, y: 'linear', num }),
  };
}

/**
 * A curve pair in a new row appended to `output`, with an element under it for a summary
 * (the training experiments' figures).
 */
export function curvePairIn(
  output: HTMLElement,
  titles: Parameters<typeof curvePair>[1],
  format: Parameters<typeof curvePair>[2],
  scales?: CurveScales,
): CurvePair & { readonly summary: HTMLElement } {
  const row = document.createElement('div');
  row.className = 'chart-row';
  const hosts = { cost: document.createElement('div'), accuracy: document.createElement('div') };
  hosts.cost.className = 'chart';
  hosts.accuracy.className = 'chart';
  row.append(hosts.cost, hosts.accuracy);
  const summary = document.createElement('div');
  output.append(row, summary);
  return { ...curvePair(hosts, titles, format, scales), summary };
}
