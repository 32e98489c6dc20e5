import { paintWeights } from './weight-grids.js';
import type { PaletteName } from './url-state.js';

/** What the enlarged view shows for one neuron. */
export interface NeuronWeights {
  readonly neuron: number;
  readonly weights: Float32Array;
  readonly title: string;
  readonly caption: string;
  /** The text for one weight under the pointer: pixel column x, row y, value w. */
  readonly pixelText: (x: number, y: number, w: number) => string;
}

/**
 * One neuron's weight grid enlarged (280×280 pixels) in a modal `<dialog>`: Escape or the
 * close button returns focus to where it was.
 */
export class WeightDialog {
  private readonly dialog: HTMLDialogElement;
  private readonly heading: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly caption: HTMLElement;
  private readonly pixel: HTMLElement;
  readonly closeButton: HTMLButtonElement;
  private current: number | null = null;
  private content: NeuronWeights | null = null;

  /** Uses the `<dialog>` element `dialog`, which must hold h2, canvas, p and a button. */
  constructor(dialog: HTMLDialogElement) {
    this.dialog = dialog;
    this.heading = dialog.querySelector('h2') as HTMLElement;
    this.canvas = dialog.querySelector('canvas') as HTMLCanvasElement;
    this.caption = dialog.querySelector('p') as HTMLElement;
    this.pixel = dialog.querySelector('.pixel-weight') as HTMLElement;
    // Numbers on demand: the weight under the pointer.
    this.canvas.addEventListener('pointermove', (e) => {
      if (this.content === null) return;
      const rect = this.canvas.getBoundingClientRect();
      const x = Math.min(27, Math.max(0, Math.floor(((e.clientX - rect.left) / rect.width) * 28)));
      const y = Math.min(27, Math.max(0, Math.floor(((e.clientY - rect.top) / rect.height) * 28)));
      this.pixel.textContent = this.content.pixelText(x, y, this.content.weights[y * 28 + x]);
    });
    this.closeButton = dialog.querySelector('button') as HTMLButtonElement;
    this.closeButton.addEventListener('click', () => this.dialog.close());
    this.dialog.addEventListener('close', () => (this.current = null));
    this.dialog.addEventListener('click', (e) => {
      if (e.target === this.dialog) this.dialog.close();
    });
  }

  /** The neuron shown, or null when closed. */
  get neuron(): number | null {
    return this.current;
  }

  /** Opens (or refreshes) the enlarged grid. */
  show(content: NeuronWeights, palette: PaletteName): void {
    if (this.current !== content.neuron) this.pixel.textContent = '';
    this.current = content.neuron;
    this.content = content;
    this.heading.textContent = content.title;
    this.caption.textContent = content.caption;
    paintWeights(this.canvas, content.weights, palette);
    if (!this.dialog.open) this.dialog.showModal();
  }
}
