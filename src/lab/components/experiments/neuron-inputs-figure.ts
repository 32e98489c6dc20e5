import type { NeuronInputsResult } from '../../../experiments/neuron-inputs.js';
import { el, imageTile } from '../figure-parts.js';
import type { Figure } from './experiment-frame.js';

/** What a neuron looks for: each hidden neuron's most exciting input (within the ink budget, blurred: readable) beside its weights, layer by layer, z in the captions (σ saturates at 1). */
export const neuronInputsFigure: Figure<NeuronInputsResult> = (output, tr) => ({
  result: (r) => {
    const { t, num } = tr;
    output.append(el('p', 'muted', t('neuronsSettings', { ink: r.inkBudget === null ? '∞' : num(r.inkBudget, 1), blur: tr.plain(r.blur) })));
    for (const layer of [...new Set(r.neurons.map((n) => n.layer))]) {
      output.append(el('h3', '', t('layer', { layer })));
      const tiles = el('div', 'tiles pairs');
      for (const n of r.neurons.filter((x) => x.layer === layer)) {
        const pair = el('div', 'pair');
        pair.title = t('foundInputTitle', { neuron: n.neuron, z: num(n.bestWeightedInput, 1), meanZ: num(n.meanTestWeightedInput, 1) });
        pair.append(
          imageTile(n.input, 'gray', t('foundInput', { neuron: n.neuron, z: num(n.bestWeightedInput, 1) }), undefined, 72),
          imageTile(n.weights, 'signed', t('neuronWeights', { neuron: n.neuron }), undefined, 72),
        );
        tiles.append(pair);
      }
      output.append(tiles);
    }
  },
});
