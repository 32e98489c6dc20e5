import { el } from '../../components/figure-parts.js';
import type { Translator } from '../../shared/i18n.js';
import type { DigitsReport } from '../../../train/digits-report.js';
import type { StoredDigit } from '../../shared/digit-db.js';
import { countsOf } from './digits-state.js';
import { counted, type DigitsKey } from './messages.js';

/**
 * The learner's set as a grid: one row per digit 0–9 with how many the set holds, each drawing
 * as it was drawn (its PNG) with a button that deletes it. A drawing the current network
 * misreads is outlined, and one held out of the last fine-tuning is marked.
 */
export class SetGrid {
  /** Object URLs of the drawings' PNGs, by digit id (made once, released when a digit goes). */
  private readonly urls = new Map<number, string>();

  constructor(
    private readonly host: HTMLElement,
    private readonly count: HTMLElement,
    private readonly onDelete: (digit: StoredDigit) => void,
  ) {}

  /** Draws the set; `reading` marks the misread ones, `heldOut` the ids never trained on. */
  show(digits: readonly StoredDigit[], reading: DigitsReport | null, heldOut: ReadonlySet<number>, tr: Translator<DigitsKey>): void {
    this.release(new Set(digits.map((d) => d.id)));
    this.count.textContent = `(${counted(tr.t, tr.language, 'digits', digits.length, tr.num(digits.length))})`;
    this.host.dataset.count = String(digits.length);
    if (digits.length === 0) {
      this.host.replaceChildren(el('p', 'muted', tr.t('setEmpty')));
      return;
    }
    const counts = countsOf(digits);
    const rows = counts.map((n, digit) => {
      const row = el('div', 'digit-row');
      row.dataset.digit = String(digit);
      row.dataset.count = String(n);
      row.setAttribute('role', 'group');
      row.setAttribute('aria-label', tr.t('classRow', { digit, count: counted(tr.t, tr.language, 'digits', n, tr.num(n)) }));
      const head = el('div', 'row-head');
      head.append(el('span', 'row-digit', String(digit)), el('span', 'row-count', tr.num(n)));
      const list = el('ul', 'thumbs');
      row.append(head, list);
      return { row, list };
    });
    digits.forEach((d, i) => {
      const item = el('li', 'digit-thumb');
      item.dataset.id = String(d.id);
      const picture = el('img');
      picture.src = this.url(d);
      picture.alt = '';
      picture.width = 40;
      picture.height = 40;
      picture.loading = 'lazy';
      const prediction = reading?.predictions[i];
      const notes: string[] = [];
      if (prediction !== undefined && prediction !== d.label) {
        item.classList.add('misread');
        item.dataset.prediction = String(prediction);
        notes.push(tr.t('mistake', { label: d.label, prediction }));
      }
      if (heldOut.has(d.id)) {
        item.classList.add('held-out');
        notes.push(tr.t('heldOutMark'));
      }
      if (notes.length > 0) item.title = notes.join('; ');
      const remove = el('button', 'delete-digit', '×');
      remove.type = 'button';
      remove.setAttribute('aria-label', tr.t('deleteDigit', { digit: d.label, id: d.id }));
      remove.addEventListener('click', () => this.onDelete(d));
      item.append(picture, remove);
      rows[d.label].list.append(item);
    });
    const marks: HTMLElement[] = [];
    if (digits.some((d) => heldOut.has(d.id))) marks.push(el('p', 'held-out-legend', tr.t('heldOutMark')));
    this.host.replaceChildren(...rows.map((r) => r.row), ...marks);
  }

  /** The drawing's object URL (made on first use). */
  url(digit: StoredDigit): string {
    let url = this.urls.get(digit.id);
    if (url === undefined) {
      url = URL.createObjectURL(new Blob([digit.png as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
      this.urls.set(digit.id, url);
    }
    return url;
  }

  /** Releases the URLs of digits no longer in the set. */
  private release(keep: ReadonlySet<number>): void {
    for (const [id, url] of this.urls) {
      if (keep.has(id)) continue;
      URL.revokeObjectURL(url);
      this.urls.delete(id);
    }
  }
}
