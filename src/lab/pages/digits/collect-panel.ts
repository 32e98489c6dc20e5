import { DrawPad } from '../../components/draw-pad.js';
import { el } from '../../components/figure-parts.js';
import type { Translator } from '../../shared/i18n.js';
import { infer } from '../../shared/inference.js';
import type { Store } from '../../shared/store.js';
import { currentNetwork, type DigitsState } from './digits-state.js';
import type { DigitsKey } from './messages.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** What the panel hands the page when the learner adds a drawing. */
export interface Drawing {
  readonly label: number;
  readonly input: Uint8Array;
  readonly png: Uint8Array;
}

/**
 * "Draw your digits": the Lab's draw pad, the network's reading of the drawing as it grows,
 * and ten buttons 0–9 — pressing one adds the drawing to the set as that digit (`onAdd`,
 * which stores it) and clears the pad for the next one.
 */
export class CollectPanel {
  readonly pad: DrawPad;
  private input: Uint8Array | null = null;
  private readonly guess = $('live-guess');
  private readonly status = $('collect-status');
  private readonly buttons: HTMLButtonElement[] = [];
  private lastAdded: number | null = null;
  /** An add in progress: a second press waits for none (it would add the same drawing twice). */
  private adding = false;

  constructor(
    private readonly store: Store<DigitsState>,
    private tr: Translator<DigitsKey>,
    private readonly onAdd: (drawing: Drawing) => Promise<void>,
  ) {
    this.pad = new DrawPad($<HTMLCanvasElement>('pad'), (pixels) => {
      this.input = pixels;
      if (pixels !== null) this.lastAdded = null;
      this.showGuess();
    });
    $('clear').addEventListener('click', () => this.pad.clear());
    $('undo').addEventListener('click', () => this.pad.undo());
    const host = $('label-buttons');
    for (let digit = 0; digit <= 9; digit++) {
      const button = el('button', 'label-button', String(digit));
      button.type = 'button';
      button.dataset.digit = String(digit);
      button.addEventListener('click', () => void this.add(digit));
      this.buttons.push(button);
      host.append(button);
    }
    store.watch(['pretrained', 'fineTuned'], () => this.showGuess());
    this.setLanguage(tr);
  }

  /** Words the panel in the page's language. */
  setLanguage(tr: Translator<DigitsKey>): void {
    this.tr = tr;
    this.pad.setHint(tr.t('drawPadKeys'));
    this.buttons.forEach((b, digit) => b.setAttribute('aria-label', tr.t('addAs', { digit })));
    this.showGuess();
    this.status.textContent = this.lastAdded === null ? '' : tr.t('added', { digit: this.lastAdded });
  }

  /** Adds the drawing as `digit` (once the pad has handed over its input), then clears the pad. */
  async add(digit: number): Promise<void> {
    if (this.adding) return;
    if (this.input === null) {
      this.status.textContent = this.tr.t('drawFirst');
      return;
    }
    this.adding = true;
    try {
      const input = this.input;
      const png = await this.pad.inkPng();
      await this.onAdd({ label: digit, input, png });
      this.pad.clear();
    } finally {
      this.adding = false;
    }
    this.lastAdded = digit;
    this.status.textContent = this.tr.t('added', { digit });
  }

  /** The current network's answer for the drawing, with the output activation of that answer. */
  private showGuess(): void {
    const current = currentNetwork(this.store.state);
    if (this.input === null || current === null) {
      this.guess.textContent = this.tr.t('liveEmpty');
      delete this.guess.dataset.answer;
      return;
    }
    const result = infer(current.network, this.input);
    const outputs = result.activations[result.activations.length - 1];
    this.guess.textContent = this.tr.t('liveGuess', { digit: result.answer, confidence: this.tr.pct(outputs[result.answer], 0) });
    this.guess.dataset.answer = String(result.answer);
  }
}
