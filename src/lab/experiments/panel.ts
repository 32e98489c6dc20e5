import type { ExperimentClient } from './experiment-client.js';
import { CurveChart } from '../curve-chart.js';
import { el } from './draw.js';
import type { ExKey } from './messages.js';

/** What every panel gets from the page: the Worker client and the language's formatters. */
export interface PanelContext {
  readonly client: ExperimentClient;
  readonly t: (key: ExKey, values?: Readonly<Record<string, string | number>>) => string;
  /** A number in the page's language, with `digits` decimals. */
  readonly num: (n: number, digits?: number) => string;
  /** A fraction as a percentage ("93.4 %"). */
  readonly pct: (x: number, digits?: number) => string;
}

/** One number input of a panel's settings. */
export interface Field {
  readonly name: string;
  readonly label: ExKey;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step?: number;
}

/** The parts of a panel its experiment code fills in. */
export interface PanelParts {
  readonly section: HTMLElement;
  /** Where the result is drawn (emptied before each run). */
  readonly output: HTMLElement;
  /** One status line (running, progress, done, error). */
  readonly status: HTMLElement;
  readonly button: HTMLButtonElement;
  /** The current value of each field. */
  values(): Record<string, number>;
}

/**
 * The frame shared by the experiment panels: a heading, a one-paragraph explanation, the
 * settings as number inputs, a Run button, a status line and an output area. The panel's
 * module decides what Run does and how the result is drawn.
 */
export function createPanel(
  ctx: PanelContext,
  spec: { id: string; title: ExKey; intro: ExKey; fields: readonly Field[]; onRun?: (parts: PanelParts) => void },
): PanelParts {
  const section = el('section', 'panel experiment');
  section.id = spec.id;
  section.dataset.experiment = spec.id;
  section.append(el('h2', '', ctx.t(spec.title)), el('p', 'intro', ctx.t(spec.intro)));
  const form = el('form', 'settings');
  const inputs = new Map<string, HTMLInputElement>();
  for (const f of spec.fields) {
    const label = el('label');
    const input = el('input');
    input.type = 'number';
    input.name = f.name;
    input.value = String(f.value);
    input.min = String(f.min);
    input.max = String(f.max);
    input.step = String(f.step ?? 1);
    inputs.set(f.name, input);
    label.append(el('span', '', ctx.t(f.label)), input);
    form.append(label);
  }
  const button = el('button', 'primary run', ctx.t('run'));
  button.type = 'submit';
  form.append(button);
  const status = el('p', 'status muted');
  status.setAttribute('role', 'status');
  const output = el('div', 'output');
  section.append(form, status, output);
  const parts: PanelParts = {
    section,
    output,
    status,
    button,
    values: () => Object.fromEntries([...inputs].map(([name, input]) => [name, Number(input.value)])),
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!spec.onRun || button.disabled) return;
    section.dataset.state = 'running';
    button.disabled = true;
    status.textContent = ctx.t('running');
    output.replaceChildren();
    spec.onRun(parts);
  });
  return parts;
}

/** Marks a panel's run finished (for people: the status; for tests: data-state). */
export function finish(ctx: PanelContext, parts: PanelParts, outcome: { seconds: number; backend: string } | { error: string }): void {
  parts.button.disabled = false;
  if ('error' in outcome) {
    parts.section.dataset.state = 'error';
    parts.status.textContent = ctx.t('failed', { message: outcome.error });
  } else {
    parts.section.dataset.state = 'done';
    parts.status.textContent = ctx.t('done', { seconds: ctx.num(outcome.seconds, 1), backend: outcome.backend });
  }
}

/** A status handler showing the loading stages. */
export function stageText(ctx: PanelContext, parts: PanelParts): (stage: 'loading-data' | 'loading-model' | 'running') => void {
  return (stage) => {
    parts.status.textContent = ctx.t(stage === 'loading-data' ? 'loadingData' : stage === 'loading-model' ? 'loadingModel' : 'running');
  };
}

/**
 * The two live charts of a training experiment side by side — cost and accuracy against the
 * same x axis — with a summary element under them, appended to the panel's output.
 */
export function costAndAccuracyCharts(
  ctx: PanelContext,
  parts: PanelParts,
  titles: { cost: string; accuracy: string; axis: string },
): { cost: CurveChart; accuracy: CurveChart; summary: HTMLElement } {
  const charts = el('div', 'chart-row');
  const costHost = el('div', 'chart');
  const accuracyHost = el('div', 'chart');
  charts.append(costHost, accuracyHost);
  const summary = el('div');
  parts.output.append(charts, summary);
  return {
    cost: new CurveChart(costHost, titles.cost, titles.axis, (x) => ctx.num(x, 3), null),
    accuracy: new CurveChart(accuracyHost, titles.accuracy, titles.axis, (x) => ctx.pct(x, 0), [0, 1]),
    summary,
  };
}
