import type { NeuronInputsResult } from '../../../experiments/neuron-inputs.js';
import { el, imageTile } from '../figure-parts.js';
import type { Figure } from './experiment-frame.js';

/** B3, S21: each hidden neuron's most exciting input beside its weights, layer by layer. */
export const neuronInputsFigure: Figure<NeuronInputsResult> = (output, tr) => ({
  result: (r) => {
    const { t, num } = tr;
    for (const layer of [...new Set(r.neurons.map((n) => n.layer))]) {
      output.append(el('h3', '', t('layer', { layer })));
      const tiles = el('div', 'tiles pairs');
      for (const n of r.neurons.filter((x) => x.layer === layer)) {
        const pair = el('div', 'pair');
        pair.append(
          imageTile(n.input, 'gray', t('foundInput', { neuron: n.neuron, a: num(n.bestActivation, 2) }), undefined, 72),
          imageTile(n.weights, 'signed', t('neuronWeights', { neuron: n.neuron }), undefined, 72),
        );
        tiles.append(pair);
      }
      output.append(tiles);
    }
  },
});
