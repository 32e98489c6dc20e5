import { DrawPad } from '../components/draw-pad.js';
import { FigureElement, INPUT_EVENT, type InputDetail } from './figure-element.js';

/**
 * `<digitlab-draw-pad for="net1">`: a 280×280 pad to draw a digit on (mouse, pen, touch),
 * with Clear and Undo. After each change it dispatches `digitlab-input` (detail:
 * `{ pixels, final }`, the 28×28 MNIST-style input) from itself; the
 * `<digitlab-network id="net1">` named by `for` answers it.
 */
export class DrawPadElement extends FigureElement {
  static readonly observedAttributes = ['lang'];
  private canvas!: HTMLCanvasElement;
  private clearButton!: HTMLButtonElement;
  private undoButton!: HTMLButtonElement;
  private pad!: DrawPad;

  protected build(): void {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'draw-pad-canvas';
    this.canvas.width = 280;
    this.canvas.height = 280;
    const buttons = document.createElement('div');
    buttons.className = 'buttons';
    this.clearButton = document.createElement('button');
    this.undoButton = document.createElement('button');
    for (const b of [this.clearButton, this.undoButton]) b.type = 'button';
    buttons.append(this.clearButton, this.undoButton);
    this.append(this.canvas, buttons);
    this.pad = new DrawPad(this.canvas, (pixels, final) => {
      const detail: InputDetail = { pixels, final };
      this.dispatchEvent(new CustomEvent(INPUT_EVENT, { detail, bubbles: true, composed: true }));
    });
    this.clearButton.addEventListener('click', () => this.pad.clear());
    this.undoButton.addEventListener('click', () => this.pad.undo());
  }

  protected update(): void {
    const { t } = this.tr;
    this.canvas.setAttribute('aria-label', t('drawPadLabel'));
    this.pad.setHint(t('drawPadKeys'));
    this.clearButton.textContent = t('clear');
    this.undoButton.textContent = t('undo');
  }

  /** Removes every stroke (and tells the network). */
  clear(): void {
    this.pad.clear();
  }
}
