import { el } from './figure-parts.js';

/** One choice of a segmented control. */
export interface SegmentChoice<T extends string | number> {
  readonly value: T;
  readonly text: string;
}

/**
 * A row of toggle buttons of which exactly one is pressed (e.g. untrained / trained, or how
 * many images to average), with a visible label; `onChange` hears a new choice. Each button
 * carries `data-value`; the group has role "group" and the label as its name.
 */
export class Segmented<T extends string | number> {
  readonly element: HTMLElement;
  private readonly buttons: HTMLButtonElement[] = [];
  private current: T;

  /** The control in `host`, showing `choices` with `value` pressed. */
  constructor(host: HTMLElement, label: string, private readonly choices: readonly SegmentChoice<T>[], value: T, private readonly onChange: (value: T) => void) {
    this.current = value;
    this.element = el('div', 'segmented');
    this.element.setAttribute('role', 'group');
    const caption = el('span', 'segmented-label', label);
    caption.id = `segmented-${Math.random().toString(36).slice(2)}`;
    this.element.setAttribute('aria-labelledby', caption.id);
    this.element.append(caption);
    for (const choice of choices) {
      const button = el('button', 'segment', choice.text);
      button.type = 'button';
      button.dataset.value = String(choice.value);
      button.addEventListener('click', () => this.choose(choice.value, true));
      this.buttons.push(button);
      this.element.append(button);
    }
    this.show();
    host.append(this.element);
  }

  /** The pressed choice. */
  get value(): T {
    return this.current;
  }

  /** Presses `value` (telling `onChange` only when `notify`). */
  choose(value: T, notify = false): void {
    const changed = value !== this.current;
    this.current = value;
    this.show();
    if (notify && changed) this.onChange(value);
  }

  private show(): void {
    this.buttons.forEach((b, i) => b.setAttribute('aria-pressed', String(this.choices[i].value === this.current)));
  }
}
