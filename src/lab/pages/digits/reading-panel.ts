import { el, table } from '../../components/figure-parts.js';
import type { Translator } from '../../shared/i18n.js';
import type { DigitsReport } from '../../../train/digits-report.js';
import type { StoredDigit } from '../../shared/digit-db.js';
import type { DigitsKey } from './messages.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** Which network reads: the pretrained one or the one fine-tuned on the learner's digits. */
export type NetworkKind = 'pretrained' | 'fine-tuned';

/** What the panel shows, computed by the page. */
export interface ReadingView {
  readonly digits: readonly StoredDigit[];
  /** The current network's reading of the set (null without digits or network). */
  readonly reading: DigitsReport | null;
  readonly kind: NetworkKind | null;
  /** Whether a fine-tuned network exists to choose. */
  readonly canFineTune: boolean;
  /** Ids of the digits the fine-tuned network never trained on (empty for the pretrained one). */
  readonly heldOut: ReadonlySet<number>;
  readonly modelError: string;
}

/**
 * "How well it reads you": which network reads (the pretrained one or the fine-tuned one, a
 * click apart), its accuracy on the learner's set — overall, on the digits it never trained
 * on, per digit — and each mistake: the drawing, the answer, the output activation of that
 * answer. Every number carries its value in a data attribute for the browser test.
 */
export class ReadingPanel {
  private readonly choice = $('network-choice');
  private readonly summary = $('reading-summary');
  private readonly perDigit = $('per-digit');
  private readonly mistakes = $('mistakes');

  constructor(
    private readonly pictureUrl: (digit: StoredDigit) => string,
    onChoose: (kind: NetworkKind) => void,
  ) {
    for (const button of this.choice.querySelectorAll<HTMLButtonElement>('button[data-network]')) {
      button.addEventListener('click', () => onChoose(button.dataset.network as NetworkKind));
    }
  }

  /** Draws the panel. */
  show(view: ReadingView, tr: Translator<DigitsKey>): void {
    for (const button of this.choice.querySelectorAll<HTMLButtonElement>('button[data-network]')) {
      button.setAttribute('aria-pressed', String(button.dataset.network === view.kind));
      if (button.dataset.network === 'fine-tuned') button.disabled = !view.canFineTune;
    }
    const { reading } = view;
    this.summary.dataset.network = view.kind ?? '';
    if (reading === null) {
      this.summary.textContent = view.modelError ? tr.t('modelFailed', { message: view.modelError }) : view.kind === null ? tr.t('modelLoading') : tr.t('readingEmpty');
      delete this.summary.dataset.accuracy;
      this.perDigit.replaceChildren();
      this.mistakes.replaceChildren();
      $('mistakes-heading').hidden = true;
      return;
    }
    const right = reading.count - reading.mistakes.length;
    const parts = [tr.t('readingSummary', { right: tr.num(right), count: tr.num(reading.count), accuracy: tr.pct(reading.accuracy) })];
    const held = view.digits.map((d, i) => (view.heldOut.has(d.id) ? i : -1)).filter((i) => i >= 0);
    if (held.length > 0) {
      const heldRight = held.filter((i) => reading.predictions[i] === view.digits[i].label).length;
      parts.push(tr.t('readingHeldOut', { n: tr.num(held.length), accuracy: tr.pct(heldRight / held.length) }), tr.t('readingTrained'));
      this.summary.dataset.heldOutAccuracy = String(heldRight / held.length);
    } else delete this.summary.dataset.heldOutAccuracy;
    this.summary.textContent = parts.join(' ');
    Object.assign(this.summary.dataset, { accuracy: String(reading.accuracy), count: String(reading.count), right: String(right) });

    const rows = reading.perClass.map((c) => [c.label, tr.num(c.count), tr.num(c.correct), c.accuracy === null ? '–' : tr.pct(c.accuracy, 0)]);
    const grid = table([tr.t('digitColumn'), tr.t('yoursColumn'), tr.t('rightColumn'), tr.t('accuracyColumn')], rows, 'numbers per-digit-table');
    grid.createCaption().textContent = tr.t('perDigitCaption');
    [...grid.tBodies[0].rows].forEach((row, digit) => Object.assign(row.dataset, { digit: String(digit), count: String(reading.perClass[digit].count), correct: String(reading.perClass[digit].correct) }));
    this.perDigit.replaceChildren(grid);

    $('mistakes-heading').hidden = false;
    if (reading.mistakes.length === 0) {
      this.mistakes.replaceChildren(el('p', 'muted', tr.t('noMistakes')));
      return;
    }
    const tiles = reading.mistakes.map((m) => {
      const digit = view.digits[m.index];
      const tile = el('figure', 'mistake');
      Object.assign(tile.dataset, { id: String(digit.id), label: String(m.label), prediction: String(m.prediction), confidence: String(m.confidence) });
      const picture = el('img');
      picture.src = this.pictureUrl(digit);
      picture.width = 56;
      picture.height = 56;
      picture.alt = tr.t('mistake', { label: m.label, prediction: m.prediction });
      const caption = el('figcaption');
      caption.append(el('span', 'mistake-answer', tr.t('mistake', { label: m.label, prediction: m.prediction })), el('span', 'muted', tr.t('mistakeConfidence', { confidence: tr.pct(m.confidence, 0) })));
      if (view.heldOut.has(digit.id)) caption.append(el('span', 'held-out-note', tr.t('heldOutMark')));
      tile.append(picture, caption);
      return tile;
    });
    this.mistakes.replaceChildren(...tiles);
  }
}
