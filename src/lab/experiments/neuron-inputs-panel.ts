import { el, imageTile } from './draw.js';
import { createPanel, finish, type PanelContext, stageText } from './panel.js';

/** B3, S21: each hidden neuron's most exciting input beside its weights. */
export function neuronInputsPanel(ctx: PanelContext): HTMLElement {
  const parts = createPanel(ctx, {
    id: 'neuron-inputs',
    title: 'neuronsTitle',
    intro: 'neuronsIntro',
    fields: [
      { name: 'steps', label: 'steps', value: 300, min: 1, max: 10000 },
      { name: 'seed', label: 'seed', value: 1, min: 0, max: 0xffffffff },
    ],
    onRun: (p) => {
      const v = p.values();
      ctx.client.run('neuron-inputs', { steps: v.steps, seed: v.seed }, {
        onStatus: stageText(ctx, p),
        onError: (error) => finish(ctx, p, { error }),
        onResult: (r, seconds, backend) => {
          for (const layer of [...new Set(r.neurons.map((n) => n.layer))]) {
            p.output.append(el('h3', '', ctx.t('layer', { layer })));
            const tiles = el('div', 'tiles pairs');
            for (const n of r.neurons.filter((x) => x.layer === layer)) {
              const pair = el('div', 'pair');
              pair.append(
                imageTile(n.input, 'gray', ctx.t('foundInput', { neuron: n.neuron, a: ctx.num(n.bestActivation, 2) }), undefined, 72),
                imageTile(n.weights, 'signed', ctx.t('neuronWeights', { neuron: n.neuron }), undefined, 72),
              );
              tiles.append(pair);
            }
            p.output.append(tiles);
          }
          finish(ctx, p, { seconds, backend });
        },
      });
    },
  });
  return parts.section;
}
