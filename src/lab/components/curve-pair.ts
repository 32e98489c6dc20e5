import { CurveChart, SharedExtent } from './curve-chart.js';

/** The two charts of a training run, sharing one x axis. */
export interface CurvePair {
  readonly cost: CurveChart;
  readonly accuracy: CurveChart;
}

/**
 * Cost and accuracy of one or more runs, side by side over the same x range (mini-batches or
 * epochs): the Lab's live charts and the training experiments' charts. Costs are shown with
 * three decimals, accuracies as percentages on [0, 1].
 */
export function curvePair(
  hosts: { readonly cost: HTMLElement; readonly accuracy: HTMLElement },
  titles: { readonly cost: string; readonly accuracy: string; readonly axis: string },
  format: { readonly num: (n: number, digits?: number) => string; readonly pct: (x: number, digits?: number) => string },
): CurvePair {
  const extent = new SharedExtent();
  return {
    cost: new CurveChart(hosts.cost, titles.cost, titles.axis, (v) => format.num(v, 3), null, extent),
    accuracy: new CurveChart(hosts.accuracy, titles.accuracy, titles.axis, (v) => format.pct(v, 0), [0, 1], extent),
  };
}
