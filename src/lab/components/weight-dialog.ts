import type { PaletteName } from '../shared/palette.js';
import { NeuronWeights, type NeuronWeightsContent } from './neuron-weights.js';

/**
 * One neuron's weight grid enlarged in a modal `<dialog>` (the Lab's click on a grid or a
 * first-layer neuron): Escape, the close button or a click outside return focus to where
 * it was.
 */
export class WeightDialog {
  private readonly dialog: HTMLDialogElement;
  private readonly heading: HTMLElement;
  private readonly figure: NeuronWeights;
  private readonly labelSelect: HTMLSelectElement | null;
  private open = false;
  /** Hears the label chosen for the weights' gradient (when the dialog has a `.gradient-label select`). */
  onLabel: ((label: number) => void) | null = null;

  /** Uses the `<dialog>` element `dialog`, which must hold an h2, a canvas, a p, a p.pixel-weight and a button. */
  constructor(dialog: HTMLDialogElement) {
    this.dialog = dialog;
    this.heading = dialog.querySelector('h2') as HTMLElement;
    this.figure = new NeuronWeights(dialog.querySelector('canvas') as HTMLCanvasElement, dialog.querySelector('p') as HTMLElement, dialog.querySelector('.pixel-weight') as HTMLElement);
    (dialog.querySelector('button') as HTMLButtonElement).addEventListener('click', () => this.dialog.close());
    this.labelSelect = dialog.querySelector('.gradient-label select');
    this.labelSelect?.addEventListener('change', () => this.onLabel?.(Number(this.labelSelect?.value)));
    this.dialog.addEventListener('close', () => {
      this.open = false;
      this.figure.forget();
    });
    this.dialog.addEventListener('click', (e) => {
      if (e.target === this.dialog) this.dialog.close();
    });
  }

  /** The neuron shown, or null when closed. */
  get neuron(): number | null {
    return this.open ? this.figure.neuron : null;
  }

  /**
   * Opens (or refreshes) the enlarged grid, titled `title`; `label` is the label the weights'
   * gradient is for, chosen among `classNames` (the label control hides without it).
   */
  show(title: string, content: NeuronWeightsContent, palette: PaletteName, label?: { readonly value: number; readonly classNames: readonly string[] }): void {
    this.heading.textContent = title;
    const control = this.labelSelect?.closest('label') as HTMLElement | null | undefined;
    if (control) control.hidden = label === undefined;
    if (this.labelSelect && label) {
      const names = label.classNames.map((name, i) => (name === String(i) ? name : `${i}: ${name}`));
      if ([...this.labelSelect.options].map((o) => o.text).join() !== names.join()) this.labelSelect.replaceChildren(...names.map((text, i) => new Option(text, String(i))));
      this.labelSelect.value = String(label.value);
    }
    this.figure.show(content, palette);
    this.open = true;
    if (!this.dialog.open) this.dialog.showModal();
  }
}
