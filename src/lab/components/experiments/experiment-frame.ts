import type { TrainingCurves } from '../../../experiments/training-curves.js';
import type { MessageValues, Translator } from '../../shared/i18n.js';
import { el } from '../figure-parts.js';
import type { ExKey } from './messages.js';

/** One number input of an experiment's settings. */
export interface Field {
  readonly name: string;
  readonly label: ExKey;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step?: number;
}

/** A figure while its experiment runs: live epochs (training experiments), then the result. */
export interface FigureRun<R> {
  /** One epoch of run `run` done; returns the status line to show. */
  epoch?(run: string, epoch: number, curves: TrainingCurves): string;
  /** Draws the experiment's result object. */
  result(result: R): void;
}

/** A figure of an experiment: draws into `output` (emptied before), in the language of `tr`. */
export type Figure<R> = (output: HTMLElement, tr: Translator<ExKey>) => FigureRun<R>;

/** Where an experiment's run stands, for the frame's status line. */
export type RunStage = 'loading-data' | 'loading-model' | 'running';

/** Which run a panel shows: the quick one made on opening, or one asked for with Run. */
export type RunKind = 'quick' | 'full';

/**
 * The frame of an experiment panel: a heading, a one-paragraph explanation, the settings as
 * number inputs, a Run button, a status line and an output area. It knows nothing about how
 * the experiment runs: `onRun` gets the values and the frame, and reports back through
 * `stage`, `progress` and `finish`. `start` runs it without a click (the panel's quick run
 * on opening, labelled as such); `onValues` hears each edited setting (the page's address
 * keeps them). For tests, `data-state` says running / done / error and `data-run` which run.
 */
export class ExperimentFrame {
  readonly section: HTMLElement;
  /** Where the result is drawn (emptied before each run). */
  readonly output: HTMLElement;
  private readonly status: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly inputs = new Map<string, HTMLInputElement>();
  /** The quick run's own settings, to name in its status line (null: a full run). */
  private quick: string | null = null;
  /** Hears each setting the user edits (all values). */
  onValues: ((values: Record<string, number>) => void) | null = null;

  /** A frame for experiment `id`; `onRun` is called with the fields' values when Run is pressed. */
  constructor(
    private readonly tr: Translator<ExKey>,
    spec: { readonly id: string; readonly title: ExKey; readonly intro: ExKey; readonly introValues?: (tr: Translator<ExKey>) => MessageValues; readonly fields: readonly Field[] },
    private readonly onRun: (values: Record<string, number>, frame: ExperimentFrame) => void,
  ) {
    const t = tr.t;
    this.section = el('section', 'panel experiment');
    this.section.id = spec.id;
    this.section.dataset.experiment = spec.id;
    this.section.append(el('h2', '', t(spec.title)), el('p', 'intro', t(spec.intro, spec.introValues?.(tr))));
    const form = el('form', 'settings');
    for (const f of spec.fields) {
      const label = el('label');
      const input = el('input');
      input.type = 'number';
      input.name = f.name;
      input.value = String(f.value);
      input.min = String(f.min);
      input.max = String(f.max);
      input.step = String(f.step ?? 1);
      input.addEventListener('change', () => this.onValues?.(this.values()));
      this.inputs.set(f.name, input);
      label.append(el('span', '', t(f.label)), input);
      form.append(label);
    }
    this.button = el('button', 'primary run', t('run'));
    this.button.type = 'submit';
    form.append(this.button);
    this.status = el('p', 'status muted');
    this.status.setAttribute('role', 'status');
    this.output = el('div', 'output');
    this.section.append(form, this.status, this.output);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.start(this.values(), 'full');
    });
  }

  /** Whether a run is under way. */
  get busy(): boolean {
    return this.button.disabled;
  }

  /**
   * Runs the experiment with `values`: a full run (as Run does), or the quick run shown on
   * opening, whose status line names `quickSettings` (its smaller settings; '' when they are
   * the ones above) and says how to get the full one.
   */
  start(values: Record<string, number>, kind: RunKind, quickSettings = ''): void {
    if (this.button.disabled) return;
    this.quick = kind === 'quick' ? quickSettings : null;
    this.section.dataset.state = 'running';
    this.section.dataset.run = kind;
    this.button.disabled = true;
    this.status.textContent = this.tr.t('running');
    this.output.replaceChildren();
    this.onRun(values, this);
  }

  /** The current value of each field. */
  values(): Record<string, number> {
    return Object.fromEntries([...this.inputs].map(([name, input]) => [name, Number(input.value)]));
  }

  /** Shows `values` in the fields (those it names). */
  setValues(values: Readonly<Record<string, number>>): void {
    for (const [name, value] of Object.entries(values)) {
      const input = this.inputs.get(name);
      if (input) input.value = String(value);
    }
  }

  /** Shows a loading or running stage. */
  stage(stage: RunStage): void {
    this.status.textContent = this.tr.t(stage === 'loading-data' ? 'loadingData' : stage === 'loading-model' ? 'loadingModel' : 'running');
  }

  /** Shows a progress line. */
  progress(text: string): void {
    this.status.textContent = text;
  }

  /** Marks the run finished (for people: the status; for tests: data-state). */
  finish(outcome: { readonly seconds: number; readonly backend: string } | { readonly error: string }): void {
    this.button.disabled = false;
    if ('error' in outcome) {
      this.section.dataset.state = 'error';
      this.status.textContent = this.tr.t('failed', { message: outcome.error });
      return;
    }
    this.section.dataset.state = 'done';
    const values = { seconds: this.tr.num(outcome.seconds, 1), backend: outcome.backend };
    this.status.textContent =
      this.quick === null ? this.tr.t('done', values) : this.quick === '' ? this.tr.t('openingDone', values) : this.tr.t('quickDone', { ...values, settings: this.quick });
  }
}
