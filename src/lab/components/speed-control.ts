import type { Translator } from '../shared/i18n.js';
import { TRAINING_PACES, type TrainingPace, WATCH_RATE } from '../shared/step-clock.js';
import type { FigureKey } from './figure-messages.js';

/** The speed of live training: the pace and, at watch speed, the mini-batch steps per second. */
export interface SpeedValues {
  pace: TrainingPace;
  watchRate: number;
}

/**
 * The speed control of live training: *watch* (every view follows each mini-batch step, a few
 * steps per second, the rate on a slider) or *full speed*. It only reads and writes the two
 * values; its changes do not bubble as `change` events, so a training form around it does not
 * take them for a new setting.
 */
export class SpeedControl {
  private readonly pace: HTMLSelectElement;
  private readonly rate: HTMLInputElement;
  private readonly rateOut: HTMLOutputElement;
  private readonly labels: { speed: HTMLElement; rate: HTMLElement };
  private readonly options = new Map<TrainingPace, HTMLOptionElement>();

  /** Builds the control in `host` showing `values`; `onChange` hears every change. */
  constructor(
    host: HTMLElement,
    private tr: Translator<FigureKey>,
    values: SpeedValues,
    private readonly onChange: (values: SpeedValues) => void,
  ) {
    host.classList.add('speed-control');
    host.setAttribute('role', 'group');
    const speedLabel = document.createElement('label');
    const rateLabel = document.createElement('label');
    this.labels = { speed: document.createElement('span'), rate: document.createElement('span') };
    this.pace = document.createElement('select');
    this.pace.name = 'pace';
    for (const pace of TRAINING_PACES) {
      const option = new Option('', pace);
      this.options.set(pace, option);
      this.pace.append(option);
    }
    this.rate = document.createElement('input');
    this.rate.type = 'range';
    this.rate.name = 'watch-rate';
    this.rate.min = String(WATCH_RATE.min);
    this.rate.max = String(WATCH_RATE.max);
    this.rate.step = '1';
    this.rateOut = document.createElement('output');
    const rateRow = document.createElement('span');
    rateRow.className = 'rate-row';
    rateRow.append(this.rate, this.rateOut);
    speedLabel.append(this.labels.speed, this.pace);
    rateLabel.append(this.labels.rate, rateRow);
    host.append(speedLabel, rateLabel);
    for (const input of [this.pace, this.rate]) {
      input.addEventListener('change', (e) => e.stopPropagation());
      input.addEventListener('input', (e) => {
        e.stopPropagation();
        this.changed();
      });
    }
    this.write(values);
    this.setText(tr);
  }

  /** Shows `values`. */
  write(values: SpeedValues): void {
    this.pace.value = values.pace;
    this.rate.value = String(values.watchRate);
    this.showRate(values);
  }

  /** Re-words the control in the language of `tr`. */
  setText(tr: Translator<FigureKey>): void {
    this.tr = tr;
    this.labels.speed.textContent = tr.t('speedLabel');
    this.labels.rate.textContent = tr.t('watchRate');
    this.options.get('watch')!.textContent = tr.t('paceWatch');
    this.options.get('full')!.textContent = tr.t('paceFull');
    this.showRate(this.values());
  }

  /** The values shown. */
  values(): SpeedValues {
    return { pace: this.pace.value as TrainingPace, watchRate: Number(this.rate.value) };
  }

  private showRate(values: SpeedValues): void {
    this.rateOut.textContent = this.tr.t('watchRateValue', { rate: values.watchRate });
    this.rate.setAttribute('aria-valuetext', this.rateOut.textContent);
    this.rate.disabled = values.pace !== 'watch';
  }

  private changed(): void {
    const values = this.values();
    this.showRate(values);
    this.onChange(values);
  }
}
