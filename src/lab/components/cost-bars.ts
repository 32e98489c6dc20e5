import { el } from './figure-parts.js';

/** The words of the bars, in the page's language. */
export interface CostBarsText {
  /** Column headings: the output j, its activation a, the wanted value y, the term (a − y)². */
  readonly columns: readonly [string, string, string, string];
  /** The last row's label, e.g. "C₀ = sum". */
  readonly total: string;
  /** A number of the table (an activation, a term, the sum). */
  readonly format: (v: number) => string;
}

/** One output's share of the cost of one example. */
export interface CostTerm {
  readonly activation: number;
  readonly wanted: number;
  /** (a − y)². */
  readonly term: number;
}

/**
 * The cost of one example written out: one row per output neuron — its activation a, the
 * wanted value y (1 for the label, 0 for the others) and (a − y)² as a bar (full width = 1,
 * the most one output can cost) with its number — and the sum, the example's cost. A plain
 * table, so screen readers and tests read every number; `data-value` holds each full value.
 */
export class CostBars {
  readonly element: HTMLTableElement;
  private readonly rows: { readonly a: HTMLElement; readonly y: HTMLElement; readonly bar: HTMLElement; readonly term: HTMLElement; readonly row: HTMLElement }[] = [];
  private readonly sum: HTMLElement;

  /** Ten rows (outputs 0–9) and the total in `host`. */
  constructor(host: HTMLElement, private readonly text: CostBarsText) {
    this.element = el('table', 'numbers cost-bars');
    const head = el('tr');
    for (const h of text.columns) head.append(el('th', '', h));
    head.append(el('th'));
    this.element.createTHead().append(head);
    const body = this.element.createTBody();
    for (let j = 0; j < 10; j++) {
      const row = el('tr');
      const a = el('td');
      const y = el('td');
      const term = el('td', 'cost-term');
      term.dataset.name = 'term';
      const track = el('td', 'cost-track');
      const bar = el('span', 'cost-bar');
      track.append(bar);
      row.append(el('th', '', String(j)), a, y, term, track);
      body.append(row);
      this.rows.push({ a, y, bar, term, row });
    }
    const total = el('tr', 'total');
    this.sum = el('td', 'cost-sum');
    this.sum.dataset.name = 'cost';
    total.append(el('th', '', text.total), el('td'), el('td'), this.sum, el('td'));
    body.append(total);
    host.append(this.element);
  }

  /** Shows the ten terms and their sum `cost` (null: nothing to show yet). */
  render(terms: readonly CostTerm[] | null, cost: number | null): void {
    const f = this.text.format;
    this.rows.forEach((r, j) => {
      const t = terms?.[j];
      r.a.textContent = t ? f(t.activation) : '';
      r.y.textContent = t ? String(t.wanted) : '';
      r.term.textContent = t ? f(t.term) : '';
      r.term.dataset.value = t ? String(t.term) : '';
      r.bar.style.width = t ? `${Math.min(100, t.term * 100)}%` : '0';
      r.row.classList.toggle('chosen', t?.wanted === 1);
    });
    this.sum.textContent = cost === null ? '–' : f(cost);
    this.sum.dataset.value = cost === null ? '' : String(cost);
  }
}
