import { el } from './figure-parts.js';

/** The words of a row of bulbs, in the page's language. */
export interface LayerBulbsText {
  /** The accessible name of neuron j with activation a (formatted). */
  readonly neuron: (j: number, a: string) => string;
  readonly format: (a: number) => string;
}

/**
 * One layer's neurons as a row of bulbs (a circle per neuron, its brightness the activation,
 * its number under it and its activation on hover or focus), with some of them marked by a
 * ring (e.g. "lit in both pictures"). Each bulb carries `data-value` = its activation.
 */
export class LayerBulbs {
  readonly element: HTMLElement;
  private readonly bulbs: HTMLElement[] = [];

  /** `count` bulbs in `host`. */
  constructor(host: HTMLElement, count: number, private readonly text: LayerBulbsText) {
    const list = el('ol', 'layer-bulbs');
    list.start = 0;
    this.element = list;
    for (let j = 0; j < count; j++) {
      const item = el('li', 'bulb');
      item.tabIndex = 0;
      item.dataset.neuron = String(j);
      item.append(el('span', 'bulb-light'), el('span', 'bulb-index', String(j)));
      this.bulbs.push(item);
      list.append(item);
    }
    host.append(this.element);
  }

  /** Lights the bulbs by `activations` (in [0, 1]) and rings those in `marked`. */
  render(activations: ArrayLike<number> | null, marked: ReadonlySet<number> = new Set()): void {
    this.bulbs.forEach((bulb, j) => {
      const a = activations === null ? 0 : activations[j];
      const g = Math.round(Math.max(0, Math.min(1, a)) * 255);
      (bulb.firstChild as HTMLElement).style.background = `rgb(${g},${g},${g})`;
      bulb.classList.toggle('marked', marked.has(j));
      bulb.dataset.value = String(a);
      const label = this.text.neuron(j, this.text.format(a));
      bulb.title = label;
      bulb.setAttribute('aria-label', label);
    });
  }
}
