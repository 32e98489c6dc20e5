import { parameterCount } from '../../../core/network.js';
import { FIGURE_MESSAGES } from '../../components/figure-messages.js';
import { NetworkView } from '../../components/network-view.js';
import { networkViewText } from '../../components/neuron-tooltip.js';
import { firstLayerNeuron } from '../../components/neuron-weights.js';
import { OutputBars } from '../../components/output-bars.js';
import { paintGray } from '../../components/pixel-canvas.js';
import { WeightDialog } from '../../components/weight-dialog.js';
import { WeightGrids } from '../../components/weight-grids.js';
import { dataSetSource, shownClassNames } from '../../shared/data-sets.js';
import { Translator } from '../../shared/i18n.js';
import { infer } from '../../shared/inference.js';
import type { Store } from '../../shared/store.js';
import { type LabPageState, shownNetwork } from './lab-store.js';
import { recordDraw } from './draw-log.js';
import type { MessageKey } from './messages.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
/** Sets an element's text only when it changes (no needless layout during live training). */
export const setText = (el: HTMLElement, text: string): void => {
  if (el.textContent !== text) el.textContent = text;
};

/**
 * The Lab's figures of the shown network: what the network sees, the network view, the
 * answer and output bars, the first layer's weight grids and the enlarged grid. They redraw
 * from the store: a new input at once, a new training snapshot at most once per frame.
 */
export function mountFigures(store: Store<LabPageState>, tr: () => Translator<MessageKey>): void {
  const source = (): ReturnType<typeof dataSetSource> => dataSetSource(store.state.dataSet);
  const classNames = (): readonly string[] => shownClassNames(source(), tr().language);
  const net = () => shownNetwork(store.state, source().pretrained);
  const viewText = () => networkViewText(tr().t, classNames(), net, () => networkView.refreshTooltip(), (n, digits) => tr().num(n, digits));
  const networkView = new NetworkView($('network-view'), viewText(), (layer, neuron) => openNeuron(layer, neuron));
  const outputs = new OutputBars($('outputs'), $('answer'), $('live'));
  outputs.format = (v) => tr().num(v, 2);
  const grids = new WeightGrids($('weight-grids'), (j) => tr().t('neuronWeights', { neuron: j }), (j) => openNeuron(1, j));
  const dialog = new WeightDialog($<HTMLDialogElement>('weight-dialog'));
  const seen = $<HTMLCanvasElement>('seen');
  /** The shown network's answer for the input: the gradient's label unless one is chosen. */
  let answer = 0;
  dialog.onLabel = (label) => {
    gradientLabel = label;
    if (dialog.neuron !== null) openNeuron(1, dialog.neuron);
  };
  /** The label chosen in the dialog for this input (null: the test image's label, else the answer). */
  let gradientLabel: number | null = null;
  store.watch(['input'], () => (gradientLabel = null));

  function refresh(final: boolean): void {
    const s = store.state;
    const t = tr();
    const shown = net();
    paintGray(seen, s.input ?? new Uint8Array(784), 255);
    if (shown === null) {
      outputs.render(null, null, t.t('noAnswer'));
      return;
    }
    const inference = infer(shown, s.input ?? new Uint8Array(784));
    answer = inference.answer;
    networkView.render(shown, inference, final && !s.running);
    recordDraw('network', s.snapshotBatches);
    const out = inference.activations[inference.activations.length - 1];
    outputs.render(s.input ? out : null, s.input ? inference.answer : null, t.t('noAnswer'));
    // For the tests, as the course's answers carry them: the ten outputs shown.
    $('outputs').dataset.value = s.input ? Array.from(out).join(',') : '';
    recordDraw('outputs', s.snapshotBatches);
    if (final && s.input) {
      const digit = classNames()[inference.answer] ?? String(inference.answer);
      outputs.announce(t.t('announce', { digit, confidence: t.pct(out[inference.answer]) }));
    }
    const which = shown === s.pretrained ? t.t('pretrained') : t.t('trainingRun');
    setText($('parameter-count'), `${shown.sizes.join('-')} · ${t.t('parameters', { count: t.num(parameterCount(shown.sizes)) })} · ${which}`);
    if (dialog.neuron !== null) openNeuron(1, dialog.neuron);
  }

  function renderWeights(): void {
    const shown = net();
    if (shown === null) return;
    grids.render(shown.weights[0], shown.sizes[1], shown.sizes[0]);
    recordDraw('weights', store.state.snapshotBatches);
    if (dialog.neuron !== null) openNeuron(1, dialog.neuron);
  }

  /** One first-layer neuron's weights, enlarged, each with its gradient for the input shown and the label. */
  function openNeuron(layer: number, neuron: number): void {
    const s = store.state;
    const shown = net();
    if (layer !== 1 || shown === null) return;
    const testLabel = s.testSet && s.testImage >= 0 && s.testImage < s.testSet.count ? s.testSet.labels[s.testImage] : null;
    const label = gradientLabel ?? testLabel ?? answer;
    const cost = shown === s.pretrained ? s.pretrainedCost : (s.runs?.[0].settings.cost ?? s.cost);
    const pixels = Float64Array.from(s.input ?? new Uint8Array(784), (v) => v / 255);
    const content = firstLayerNeuron(shown, neuron, new Translator(FIGURE_MESSAGES, tr().language), { pixels, label, cost });
    if (content) dialog.show(tr().t('neuronWeights', { neuron }), content, s.palette, { value: label, classNames: classNames() });
  }

  let framePending = false;
  /** Snapshots arrive ≤ 4/s per run; draw them on the next frame, never more than once per frame. */
  function redrawSoon(): void {
    if (framePending) return;
    framePending = true;
    requestAnimationFrame(() => {
      framePending = false;
      refresh(false);
      renderWeights();
    });
  }

  function applyDataSet(): void {
    outputs.setClassNames(classNames());
    networkView.setText(viewText());
    outputs.announce('');
    refresh(false);
    renderWeights();
  }

  const applyDisplay = (): void => {
    networkView.allConnections = store.state.allConnections;
    networkView.palette = store.state.palette;
    grids.palette = store.state.palette;
  };
  applyDisplay();
  store.watch(['input', 'inputFinal'], (s) => refresh(s.inputFinal));
  store.watch(['runNetwork'], (s) => s.showRun && redrawSoon());
  store.watch(['showRun', 'pretrained'], () => {
    refresh(false);
    renderWeights();
  });
  store.watch(['dataSet'], applyDataSet);
  store.watch(['palette', 'allConnections'], () => {
    applyDisplay();
    refresh(false);
    renderWeights();
  });
  store.watch(['language'], () => {
    outputs.setClassNames(classNames());
    networkView.setText(viewText());
    grids.setLabel((j) => tr().t('neuronWeights', { neuron: j }));
    refresh(false);
  });
  applyDataSet();
}
