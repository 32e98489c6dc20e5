import type { TrainingCurves } from '../../../experiments/training-curves.js';
import type { Translator } from '../../shared/i18n.js';
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

/**
 * The frame of an experiment panel: a heading, a one-paragraph explanation, the settings as
 * number inputs, a Run button, a status line and an output area. It knows nothing about how
 * the experiment runs: `onRun` gets the values and the frame, and reports back through
 * `stage`, `progress` and `finish`. For tests, `data-state` says running / done / error.
 */
export class ExperimentFrame {
  readonly section: HTMLElement;
  /** Where the result is drawn (emptied before each run). */
  readonly output: HTMLElement;
  private readonly status: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly inputs = new Map<string, HTMLInputElement>();

  /** A frame for experiment `id`; `onRun` is called with the fields' values when Run is pressed. */
  constructor(
    private readonly tr: Translator<ExKey>,
    spec: { readonly id: string; readonly title: ExKey; readonly intro: ExKey; readonly fields: readonly Field[] },
    onRun: (values: Record<string, number>, frame: ExperimentFrame) => void,
  ) {
    const t = tr.t;
    this.section = el('section', 'panel experiment');
    this.section.id = spec.id;
    this.section.dataset.experiment = spec.id;
    this.section.append(el('h2', '', t(spec.title)), el('p', 'intro', t(spec.intro)));
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
      if (this.button.disabled) return;
      this.section.dataset.state = 'running';
      this.button.disabled = true;
      this.status.textContent = t('running');
      this.output.replaceChildren();
      onRun(this.values(), this);
    });
  }

  /** The current value of each field. */
  values(): Record<string, number> {
    return Object.fromEntries([...this.inputs].map(([name, input]) => [name, Number(input.value)]));
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
    } else {
      this.section.dataset.state = 'done';
      this.status.textContent = this.tr.t('done', { seconds: this.tr.num(outcome.seconds, 1), backend: outcome.backend });
    }
  }
}
