import { activationsFigure } from '../../components/experiments/activations-figure.js';
import { ExperimentFrame, type Field, type Figure } from '../../components/experiments/experiment-frame.js';
import { foolFigure } from '../../components/experiments/fool-figure.js';
import type { ExKey } from '../../components/experiments/messages.js';
import { mistakesFigure } from '../../components/experiments/mistakes-figure.js';
import { neuronInputsFigure } from '../../components/experiments/neuron-inputs-figure.js';
import { noiseFigure } from '../../components/experiments/noise-figure.js';
import { shuffledLabelsFigure } from '../../components/experiments/shuffled-labels-figure.js';
import type { Translator } from '../../shared/i18n.js';
import type { ExperimentClient } from './experiment-client.js';
import type { ExperimentName, ExperimentTypes } from './protocol.js';

/** One experiment panel: its frame's texts and settings, how they become options, and its figure. */
interface PanelSpec<N extends ExperimentName> {
  readonly id: string;
  readonly experiment: N;
  readonly title: ExKey;
  readonly intro: ExKey;
  readonly fields: readonly Field[];
  readonly options: (values: Record<string, number>) => ExperimentTypes[N]['options'];
  readonly figure: Figure<ExperimentTypes[N]['result']>;
}

const SEED: Field = { name: 'seed', label: 'seed', value: 1, min: 0, max: 0xffffffff };

/** The panels in page order (the hand-made detector follows them; it needs no Worker). */
const PANELS: readonly PanelSpec<ExperimentName>[] = [
  {
    id: 'noise',
    experiment: 'noise',
    title: 'noiseTitle',
    intro: 'noiseIntro',
    fields: [{ name: 'count', label: 'count', value: 1000, min: 1, max: 100000 }, SEED],
    options: (v) => ({ count: v.count, seed: v.seed }),
    figure: noiseFigure,
  } satisfies PanelSpec<'noise'>,
  {
    id: 'shuffled-labels',
    experiment: 'shuffled-labels',
    title: 'shuffledTitle',
    intro: 'shuffledIntro',
    fields: [
      { name: 'trainCount', label: 'trainCount', value: 3000, min: 10, max: 60000 },
      { name: 'width', label: 'width', value: 256, min: 1, max: 2048 },
      { name: 'epochs', label: 'epochs', value: 40, min: 1, max: 1000 },
      SEED,
    ],
    options: (v) => ({ trainCount: v.trainCount, settings: { sizes: [784, v.width, v.width, 10], epochs: v.epochs, seed: v.seed } }),
    figure: shuffledLabelsFigure,
  } satisfies PanelSpec<'shuffled-labels'>,
  {
    id: 'neuron-inputs',
    experiment: 'neuron-inputs',
    title: 'neuronsTitle',
    intro: 'neuronsIntro',
    fields: [{ name: 'steps', label: 'steps', value: 300, min: 1, max: 10000 }, SEED],
    options: (v) => ({ steps: v.steps, seed: v.seed }),
    figure: neuronInputsFigure,
  } satisfies PanelSpec<'neuron-inputs'>,
  {
    id: 'fool',
    experiment: 'fool',
    title: 'foolTitle',
    intro: 'foolIntro',
    fields: [
      { name: 'index', label: 'testIndex', value: -1, min: -1, max: 9999 },
      { name: 'target', label: 'target', value: 8, min: 0, max: 9 },
    ],
    options: (v) => ({ index: v.index >= 0 ? v.index : undefined, target: v.target }),
    figure: foolFigure,
  } satisfies PanelSpec<'fool'>,
  {
    id: 'mistakes',
    experiment: 'mistakes',
    title: 'mistakesTitle',
    intro: 'mistakesIntro',
    fields: [{ name: 'show', label: 'show', value: 24, min: 1, max: 500 }],
    options: (v) => ({ show: v.show }),
    figure: mistakesFigure,
  } satisfies PanelSpec<'mistakes'>,
  {
    id: 'activations',
    experiment: 'activations',
    title: 'activationsTitle',
    intro: 'activationsIntro',
    fields: [{ name: 'epochs', label: 'epochs', value: 10, min: 1, max: 1000 }, { name: 'trainCount', label: 'trainCount', value: 60000, min: 100, max: 60000 }, SEED],
    options: (v) => ({ trainCount: v.trainCount, settings: { epochs: v.epochs, seed: v.seed } }),
    figure: activationsFigure,
  } satisfies PanelSpec<'activations'>,
] as readonly PanelSpec<ExperimentName>[];

/** A panel's frame whose Run runs its experiment in the Worker and draws the figure live. */
function mountPanel<N extends ExperimentName>(spec: PanelSpec<N>, client: ExperimentClient, tr: Translator<ExKey>): HTMLElement {
  const frame = new ExperimentFrame(tr, spec, (values) => {
    const figure = spec.figure(frame.output, tr);
    client.run(spec.experiment, spec.options(values), {
      onStatus: (stage) => frame.stage(stage),
      onEpoch: (run, epoch, curves) => {
        if (figure.epoch) frame.progress(figure.epoch(run, epoch, curves));
      },
      onError: (error) => frame.finish({ error }),
      onResult: (result, seconds, backend) => {
        figure.result(result);
        frame.finish({ seconds, backend });
      },
    });
  });
  return frame.section;
}

/** Every experiment panel of the page, in order. */
export function experimentPanels(client: ExperimentClient, tr: Translator<ExKey>): HTMLElement[] {
  return PANELS.map((spec) => mountPanel(spec, client, tr));
}
