import { el } from './figure-parts.js';

/** The words of the editor, in the page's language. */
export interface LayerSizeEditorText {
  readonly layer: (n: number) => string;
  readonly add: string;
  readonly remove: string;
  readonly input: string;
  readonly output: string;
}

/**
 * The hidden layers' sizes, edited: one number field per hidden layer (1–`max` neurons),
 * a button to add a layer and one to remove the last; the input and output layers are shown
 * fixed. Each change calls `onChange` with the whole list of layer sizes, input first.
 */
export class LayerSizeEditor {
  readonly element: HTMLElement;
  private hidden: number[];
  private readonly list: HTMLElement;

  /** An editor in `host` starting at `sizes` (input first). */
  constructor(
    host: HTMLElement,
    private readonly sizes: { readonly input: number; readonly output: number },
    hidden: readonly number[],
    private readonly text: LayerSizeEditorText,
    private readonly onChange: (sizes: number[]) => void,
    private readonly limits = { max: 512, maxLayers: 4 },
  ) {
    this.hidden = [...hidden];
    this.element = el('div', 'layer-size-editor');
    this.list = el('div', 'layer-sizes');
    this.element.append(this.list);
    host.append(this.element);
    this.build();
  }

  /** The sizes now, input first. */
  get layers(): number[] {
    return [this.sizes.input, ...this.hidden, this.sizes.output];
  }

  /** Sets the hidden sizes (and calls back). */
  setHidden(hidden: readonly number[]): void {
    this.hidden = [...hidden];
    this.build();
    this.onChange(this.layers);
  }

  private build(): void {
    this.list.replaceChildren();
    this.list.append(el('span', 'layer-fixed', `${this.text.input}: ${this.sizes.input}`));
    this.hidden.forEach((n, i) => {
      const label = el('label', 'layer-size');
      const field = el('input');
      field.type = 'number';
      field.min = '1';
      field.max = String(this.limits.max);
      field.step = '1';
      field.value = String(n);
      field.name = `layer-${i + 1}`;
      field.addEventListener('input', () => {
        const v = Number(field.value);
        if (!Number.isInteger(v) || v < 1 || v > this.limits.max) return;
        this.hidden[i] = v;
        this.onChange(this.layers);
      });
      label.append(el('span', '', this.text.layer(i + 1)), field);
      this.list.append(label);
    });
    this.list.append(el('span', 'layer-fixed', `${this.text.output}: ${this.sizes.output}`));
    const buttons = el('div', 'buttons');
    const add = el('button', '', this.text.add);
    const remove = el('button', '', this.text.remove);
    add.type = remove.type = 'button';
    add.disabled = this.hidden.length >= this.limits.maxLayers;
    remove.disabled = this.hidden.length === 0;
    add.addEventListener('click', () => this.setHidden([...this.hidden, this.hidden.at(-1) ?? 16]));
    remove.addEventListener('click', () => this.setHidden(this.hidden.slice(0, -1)));
    buttons.append(add, remove);
    this.list.append(buttons);
  }
}
