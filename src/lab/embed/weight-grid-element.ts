import type { Network } from '../../core/network.js';
import { firstLayerNeuron, NeuronWeights } from '../components/neuron-weights.js';
import { WeightGrids } from '../components/weight-grids.js';
import { loadModel } from '../shared/model-loader.js';
import { FigureElement } from './figure-element.js';

/**
 * `<digitlab-weight-grid model="pretrained.json" neuron="3">`: one first-layer neuron's 784
 * incoming weights as an enlarged 28×28 image (green positive, red negative, brightness
 * |w|), its bias and range, and the weight under the pointer; without `neuron`, the grids of
 * every first-layer neuron (choosing one shows it enlarged). Attributes: `model`, `neuron`,
 * `lang`, `palette` ("blue-orange").
 */
export class WeightGridElement extends FigureElement {
  static readonly observedAttributes = ['model', 'neuron', 'lang', 'palette'];
  private heading!: HTMLElement;
  private one!: NeuronWeights;
  private oneBox!: HTMLElement;
  private all!: WeightGrids;
  private allBox!: HTMLElement;
  private status!: HTMLElement;
  private net: Network | null = null;
  private loaded = '';

  protected build(): void {
    this.heading = document.createElement('p');
    this.heading.className = 'figure-title';
    this.oneBox = document.createElement('figure');
    this.oneBox.className = 'neuron-weights';
    const canvas = document.createElement('canvas');
    canvas.className = 'neuron-weights-canvas';
    canvas.setAttribute('role', 'img');
    const caption = document.createElement('figcaption');
    const pixel = document.createElement('p');
    pixel.className = 'pixel-weight';
    this.oneBox.append(canvas, caption, pixel);
    this.one = new NeuronWeights(canvas, caption, pixel);
    this.allBox = document.createElement('div');
    this.all = new WeightGrids(this.allBox, (j) => this.tr.t('neuronWeights', { neuron: j }), (j) => this.setAttribute('neuron', String(j)));
    this.status = document.createElement('p');
    this.status.className = 'figure-status';
    this.append(this.heading, this.oneBox, this.allBox, this.status);
  }

  protected update(): void {
    const url = this.getAttribute('model') ?? 'pretrained.json';
    if (url !== this.loaded) {
      this.loaded = url;
      this.net = null;
      this.status.textContent = this.tr.t('loadingModel');
      loadModel(url).then(
        (model) => {
          if (url !== this.loaded) return;
          this.net = model.network;
          this.status.textContent = '';
          this.draw();
        },
        (error: unknown) => (this.status.textContent = this.tr.t('modelFailed', { message: error instanceof Error ? error.message : String(error) })),
      );
    }
    this.draw();
  }

  private draw(): void {
    const net = this.net;
    if (net === null) return;
    const t = this.tr;
    const attribute = this.getAttribute('neuron');
    const neuron = attribute === null ? null : Number(attribute);
    this.oneBox.hidden = neuron === null;
    this.allBox.hidden = neuron !== null;
    this.dataset.neurons = String(net.sizes[1]);
    if (neuron === null) {
      this.heading.textContent = t.t('weightGridsLabel');
      this.all.palette = this.palette;
      this.all.setLabel((j) => t.t('neuronWeights', { neuron: j }));
      this.all.render(net.weights[0], net.sizes[1], net.sizes[0]);
      return;
    }
    const content = Number.isInteger(neuron) ? firstLayerNeuron(net, neuron, t) : null;
    if (content === null) {
      this.oneBox.hidden = true;
      this.heading.textContent = t.t('badNeuron', { neuron: attribute ?? '', max: net.sizes[1] - 1 });
      return;
    }
    this.heading.textContent = t.t('neuronWeights', { neuron });
    this.one.canvas.setAttribute('aria-label', t.t('neuronWeights', { neuron }));
    this.one.show(content, this.palette);
  }
}
