import { hueCss, type PaletteName } from '../shared/palette.js';
import { el } from './figure-parts.js';

/** One neuron's row: its activation, its target (outputs only) and its wished change. */
export interface WishRow {
  readonly neuron: number;
  /** Its activation (omitted for a number that belongs to no neuron's output, e.g. a bias nudge). */
  readonly activation?: number;
  /** The wanted activation y (1 for the right output, 0 for the others); omitted for hidden neurons. */
  readonly target?: number;
  /** The wished change of the activation, −∂C/∂a. */
  readonly wish: number;
  /** Marks the row (the right digit, the neuron being explained). */
  readonly highlight?: boolean;
}

/** The words of the figure, in the page's language. */
export interface WishBarsText {
  /** Column headings: neuron, activation, target (may be ''), wished change. */
  readonly head: readonly [string, string, string, string];
  /** The accessible description of a row (numbers already formatted; '' for a missing activation). */
  readonly row: (neuron: number, activation: string, target: string | null, wish: string) => string;
  readonly format: (v: number) => string;
  /** How an activation is written (default: `format`). */
  readonly formatActivation?: (a: number) => string;
}

/**
 * A layer's wishes as a table of bars (the outputs' wishes and the wishes summed backwards): one row per neuron with its bulb (brightness
 * = activation) and activation, the target when it is an output, and its wished change as a
 * signed bar from a centre line — right and in the positive hue for "up", left and in the
 * negative hue for "down". Bars share `scale` (the |wish| of a half-width bar) so two networks
 * can be compared at a glance. Each row carries `data-neuron`, `data-value` (the wish) and
 * `data-activation`, and is focusable with its numbers as its name.
 */
export class WishBars {
  readonly element: HTMLElement;
  palette: PaletteName = 'green-red';

  /** An empty table in `host`. */
  constructor(host: HTMLElement, private readonly text: WishBarsText) {
    this.element = el('div', 'wish-bars');
    this.element.setAttribute('role', 'list');
    host.append(this.element);
  }

  /** Shows `rows`; `scale` is the |wish| of a half-width bar (default: the largest). */
  render(rows: readonly WishRow[], scale?: number): void {
    const max = scale ?? Math.max(1e-300, ...rows.map((r) => Math.abs(r.wish)));
    const f = this.text.format;
    const fa = this.text.formatActivation ?? f;
    const withTarget = rows.some((r) => r.target !== undefined);
    const withActivation = rows.some((r) => r.activation !== undefined);
    this.element.classList.toggle('with-target', withTarget);
    this.element.classList.toggle('without-activation', !withActivation);
    const head = el('div', 'wish-head');
    head.setAttribute('aria-hidden', 'true');
    const [neuron, activation, target, wish] = this.text.head;
    head.append(el('span', '', neuron), ...(withActivation ? [el('span', '', activation)] : []), ...(withTarget ? [el('span', '', target)] : []), el('span', 'wish-head-bar', wish));
    this.element.replaceChildren(
      head,
      ...rows.map((r) => {
        const row = el('div', `wish-row${r.highlight ? ' highlight' : ''}`);
        row.setAttribute('role', 'listitem');
        row.tabIndex = 0;
        row.dataset.neuron = String(r.neuron);
        row.dataset.value = String(r.wish);
        if (r.activation !== undefined) row.dataset.activation = String(r.activation);
        const label = this.text.row(r.neuron, r.activation === undefined ? '' : fa(r.activation), r.target === undefined ? null : String(r.target), f(r.wish));
        row.title = label;
        row.setAttribute('aria-label', label);
        const name = el('span', 'wish-neuron');
        if (r.activation !== undefined) {
          const bulb = el('span', 'wish-bulb');
          const g = Math.round(Math.max(0, Math.min(1, r.activation)) * 255);
          bulb.style.background = `rgb(${g},${g},${g})`;
          name.append(bulb);
        }
        name.append(el('span', '', String(r.neuron)));
        const track = el('span', 'wish-track');
        const fill = el('span', 'wish-fill');
        const half = Math.min(50, (Math.abs(r.wish) / max) * 50);
        fill.style.width = `${half}%`;
        fill.style.left = r.wish >= 0 ? '50%' : `${50 - half}%`;
        fill.style.background = hueCss(this.palette, r.wish >= 0 ? 'positive' : 'negative');
        track.append(fill);
        row.append(name);
        if (withActivation) row.append(el('span', 'wish-number', r.activation === undefined ? '' : fa(r.activation)));
        if (withTarget) row.append(el('span', 'wish-number', r.target === undefined ? '' : String(r.target)));
        row.append(track, el('span', 'wish-number wish-value', f(r.wish)));
        return row;
      }),
    );
  }
}
