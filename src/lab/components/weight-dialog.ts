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
  private open = false;

  /** Uses the `<dialog>` element `dialog`, which must hold an h2, a canvas, a p, a p.pixel-weight and a button. */
  constructor(dialog: HTMLDialogElement) {
    this.dialog = dialog;
    this.heading = dialog.querySelector('h2') as HTMLElement;
    this.figure = new NeuronWeights(dialog.querySelector('canvas') as HTMLCanvasElement, dialog.querySelector('p') as HTMLElement, dialog.querySelector('.pixel-weight') as HTMLElement);
    (dialog.querySelector('button') as HTMLButtonElement).addEventListener('click', () => this.dialog.close());
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

  /** Opens (or refreshes) the enlarged grid, titled `title`. */
  show(title: string, content: NeuronWeightsContent, palette: PaletteName): void {
    this.heading.textContent = title;
    this.figure.show(content, palette);
    this.open = true;
    if (!this.dialog.open) this.dialog.showModal();
  }
}
