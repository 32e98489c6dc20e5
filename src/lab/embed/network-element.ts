import type { Network } from '../../core/network.js';
import { NetworkView } from '../components/network-view.js';
import { networkViewText } from '../components/neuron-tooltip.js';
import { DIGIT_CLASS_NAMES } from '../../data/dataset.js';
import { infer } from '../shared/inference.js';
import { loadModel } from '../shared/model-loader.js';
import { FigureElement, INFERENCE_EVENT, INPUT_EVENT, type InferenceDetail, type InputDetail } from './figure-element.js';

/**
 * `<digitlab-network id="net1" model="pretrained.json">`: the network view of a model file
 * (the input image, each neuron a bulb lit by its activation, the strongest connections;
 * hover or focus a neuron for z, b and a = σ(z)). It answers the `<digitlab-draw-pad
 * for="net1">` of the page, or `setInput(pixels)`, and after each forward pass dispatches
 * `digitlab-inference` (detail: `{ outputs, answer, classNames, hasInput, final }`), which a
 * `<digitlab-answer for="net1">` shows. Attributes: `model` (URL, relative to the page;
 * default "pretrained.json"), `lang`, `palette` ("blue-orange"), `all-connections`.
 */
export class NetworkElement extends FigureElement {
  static readonly observedAttributes = ['model', 'lang', 'palette', 'all-connections'];
  private view!: NetworkView;
  private status!: HTMLElement;
  private net: Network | null = null;
  private input: Uint8Array | null = null;
  private loaded = '';
  private last: InferenceDetail | null = null;
  /** Resolves when the model named by `model` has loaded (or failed). */
  ready: Promise<void> = Promise.resolve();

  protected build(): void {
    const host = document.createElement('div');
    host.setAttribute('role', 'group');
    this.status = document.createElement('p');
    this.status.className = 'figure-status';
    this.append(host, this.status);
    this.view = new NetworkView(host, this.text(), () => {});
    document.addEventListener(INPUT_EVENT, (e) => {
      const from = e.target as Element;
      if (this.id !== '' && from.getAttribute('for') === this.id) {
        const { pixels, final } = (e as CustomEvent<InputDetail>).detail;
        this.setInput(pixels, final);
      }
    });
  }

  private text() {
    return networkViewText(this.tr.t, DIGIT_CLASS_NAMES, () => this.net, () => this.view.refreshTooltip(), (n, digits) => this.tr.num(n, digits));
  }

  protected update(changed: string | null): void {
    this.view.palette = this.palette;
    this.view.allConnections = this.hasAttribute('all-connections');
    this.querySelector('[role="group"]')?.setAttribute('aria-label', this.tr.t('networkLabel'));
    const url = this.getAttribute('model') ?? 'pretrained.json';
    if (url !== this.loaded) {
      this.loaded = url;
      this.ready = this.load(url);
    } else if (changed === 'lang') {
      this.view.setText(this.text());
      this.draw(false);
    } else this.draw(false);
  }

  private async load(url: string): Promise<void> {
    this.status.textContent = this.tr.t('loadingModel');
    try {
      const model = await loadModel(url);
      if (url !== this.loaded) return;
      this.net = model.network;
      this.status.textContent = '';
      this.view.setText(this.text());
      this.draw(false);
    } catch (error) {
      this.status.textContent = this.tr.t('modelFailed', { message: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Runs `pixels` (784 bytes, 255 = ink; null = blank) through the network and redraws. */
  setInput(pixels: Uint8Array | null, final = true): void {
    this.input = pixels;
    this.draw(final);
  }

  /** The network shown, once loaded. */
  get network(): Network | null {
    return this.net;
  }

  /** The latest forward pass's outputs and answer (null before the model loads). */
  get lastInference(): InferenceDetail | null {
    return this.last;
  }

  private draw(final: boolean): void {
    if (this.net === null) return;
    const inference = infer(this.net, this.input ?? new Uint8Array(784));
    this.view.render(this.net, inference, final);
    const outputs = inference.activations[inference.activations.length - 1];
    this.last = { outputs, answer: inference.answer, classNames: DIGIT_CLASS_NAMES, hasInput: this.input !== null, final };
    this.dataset.answer = this.input ? String(inference.answer) : '';
    this.dispatchEvent(new CustomEvent(INFERENCE_EVENT, { detail: this.last, bubbles: true, composed: true }));
  }
}
