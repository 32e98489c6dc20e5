import type { Network } from '../../../../core/network.js';
import { type LayerPatterns, layerPatterns, usedPixels } from '../../../../explain/weight-patterns.js';
import { evaluateNetwork } from '../../../../train/predict.js';
import { el, table } from '../../../components/figure-parts.js';
import { WeightGrids } from '../../../components/weight-grids.js';
import type { Section, SectionContext } from '../chapter.js';
import { lesson, untrainedNetwork } from './lesson.js';
import { word } from './words.js';

/** How the first layer's weights look after training, measured, beside the same layer before it. */
export interface FirstLayerResult {
  readonly trained: LayerPatterns;
  readonly untrained: LayerPatterns;
  readonly accuracy: number;
  /** Mini-batches of the learner's run, or null for the pretrained network. */
  readonly batches: number | null;
}

/** Below this median smoothness the pictures are as random as the start; above this median locality they are clean local edges. */
export const NOISE_SMOOTHNESS = 0.2;
export const EDGE_LOCALITY = 0.6;

/** Which choice the measured patterns match: 0 edges, 1 blobs, 2 noise. */
export function judgePatterns(r: FirstLayerResult): number {
  return r.trained.medianSmoothness < NOISE_SMOOTHNESS ? 2 : r.trained.medianLocality > EDGE_LOCALITY ? 0 : 1;
}

/**
 * What the first layer learned: the 16 first-layer weight grids before training (the run's
 * seed) and — after the guess — after it (the learner's run of "watch it learn" when there
 * is one, else the pretrained network), each layer measured by `layerPatterns`
 * (src/explain/weight-patterns.ts): random pictures have no smoothness, clean edges are local,
 * what training finds is neither.
 */
export const firstLayer: Section<FirstLayerResult> = {
  id: 'first-layer',
  deeper: { view: 'experiments', anchor: 'neuron-inputs' },
  cli: 'npx digitlab experiment neuron-inputs',
  question: {
    judge: judgePatterns,
    values: (r, ctx) => ({ accuracy: ctx.pct(r.accuracy, 1), what: word(ctx, ['whatEdges', 'whatBlobs', 'whatNoise'][judgePatterns(r)]) }),
  },
  async mount(host, ctx) {
    const [pretrained, test] = await Promise.all([ctx.model(), ctx.testSet()]);
    const mask = usedPixels(test);
    const run = lesson.trained;
    const choice = ctx.keep('network', () => ({ own: run !== null }));
    const pickBox = el('div', 'network-choice');
    if (run !== null) {
      const select = el('select');
      select.name = 'network';
      select.append(Object.assign(el('option', '', ctx.f('pretrained')), { value: 'pretrained' }), Object.assign(el('option', '', ctx.f('ownRun', { batches: ctx.num(run.batches) })), { value: 'own' }));
      select.value = choice.own ? 'own' : 'pretrained';
      select.addEventListener('change', () => {
        choice.own = select.value === 'own';
        draw();
      });
      const label = el('label');
      label.append(el('span', '', ctx.f('network')), select);
      pickBox.append(label);
    }
    const row = el('div', 'figure-row');
    const before = el('div', 'figure-cell');
    const beforeTitle = el('h3');
    const beforeGrids = el('div');
    before.append(beforeTitle, beforeGrids);
    const after = el('div', 'figure-cell first-layer-after');
    const afterTitle = el('h3');
    const afterGrids = el('div');
    const measures = el('div', 'pattern-measures');
    after.append(afterTitle, afterGrids, measures);
    row.append(before, after);
    host.append(pickBox, row);
    ctx.question.hideUntilAnswered(after);
    const gridsBefore = new WeightGrids(beforeGrids, (j) => ctx.f('neuronGrid', { j }), () => {});
    const gridsAfter = new WeightGrids(afterGrids, (j) => ctx.f('neuronGrid', { j }), () => {});
    gridsBefore.palette = gridsAfter.palette = ctx.palette;
    const accuracies = new Map<Network, number>();
    const draw = (): void => {
      const own = choice.own && run !== null;
      const net = own ? run.network : pretrained;
      const start = untrainedNetwork(own ? run.seed : 1);
      beforeTitle.textContent = ctx.f('before', { seed: own ? run.seed : 1 });
      afterTitle.textContent = own ? ctx.f('afterRun', { batches: ctx.num(run.batches) }) : ctx.f('afterPretrained');
      gridsBefore.render(start.weights[0], start.sizes[1], start.sizes[0]);
      gridsAfter.render(net.weights[0], net.sizes[1], net.sizes[0]);
      if (!accuracies.has(net)) accuracies.set(net, evaluateNetwork(net, test).accuracy);
      const result: FirstLayerResult = { trained: layerPatterns(net.weights[0], net.sizes[1], mask), untrained: layerPatterns(start.weights[0], start.sizes[1], mask), accuracy: accuracies.get(net) as number, batches: own ? run.batches : null };
      measures.replaceChildren(measureTable(ctx, result));
      ctx.question.report(result);
    };
    draw();
  },
};

/** The two measures, before and after, beside what a clean edge would give. */
function measureTable(ctx: SectionContext<FirstLayerResult>, r: FirstLayerResult): HTMLElement {
  const t = table(
    ['', ctx.f('colBefore'), ctx.f('colAfter'), ctx.f('colEdge')],
    [
      [ctx.f('smoothness'), ctx.num(r.untrained.medianSmoothness, 2), ctx.num(r.trained.medianSmoothness, 2), ctx.f('edgeSmoothness')],
      [ctx.f('locality'), ctx.num(r.untrained.medianLocality, 2), ctx.num(r.trained.medianLocality, 2), ctx.f('edgeLocality')],
    ],
  );
  t.dataset.value = `${r.trained.medianSmoothness},${r.trained.medianLocality}`;
  t.dataset.accuracy = String(r.accuracy);
  const wrap = el('div');
  wrap.append(t, el('p', 'muted', ctx.f('measuresNote', { noise: ctx.num(NOISE_SMOOTHNESS, 1), edge: ctx.num(EDGE_LOCALITY, 1) })));
  return wrap;
}
