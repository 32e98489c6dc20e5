import { ACTIVATIONS_DEFAULTS, FAIR_ACTIVATION_SETTINGS } from '../../../experiments/activations.js';
import { FOOL_DEFAULTS } from '../../../experiments/fool.js';
import { MISTAKES_DEFAULTS } from '../../../experiments/mistakes.js';
import { NEURON_INPUTS_DEFAULTS } from '../../../experiments/neuron-inputs.js';
import { NOISE_DEFAULTS } from '../../../experiments/noise.js';
import { SHUFFLED_LABELS_DEFAULTS } from '../../../experiments/shuffled-labels.js';
import { activationsFigure } from '../../components/experiments/activations-figure.js';
import { ExperimentFrame, type Field, type Figure } from '../../components/experiments/experiment-frame.js';
import { foolFigure } from '../../components/experiments/fool-figure.js';
import type { ExKey } from '../../components/experiments/messages.js';
import { mistakesFigure } from '../../components/experiments/mistakes-figure.js';
import { neuronInputsFigure } from '../../components/experiments/neuron-inputs-figure.js';
import { noiseFigure } from '../../components/experiments/noise-figure.js';
import { shuffledLabelsFigure } from '../../components/experiments/shuffled-labels-figure.js';
import type { MessageValues, Translator } from '../../shared/i18n.js';
import type { ExperimentClient } from './experiment-client.js';
import type { ExperimentName, ExperimentTypes } from './protocol.js';

/** One experiment panel: its frame's texts and settings, how they become options, and its figure. */
interface PanelSpec<N extends ExperimentName> {
  readonly id: string;
  readonly experiment: N;
  readonly title: ExKey;
  readonly intro: ExKey;
  /** Numbers the intro names, from the code that uses them. */
  readonly introValues?: (tr: Translator<ExKey>) => MessageValues;
  readonly fields: readonly Field[];
  readonly options: (values: Record<string, number>) => ExperimentTypes[N]['options'];
  readonly figure: Figure<ExperimentTypes[N]['result']>;
  /**
   * The quick run shown when the panel first comes into view, before any click: the same
   * code on smaller settings (these fields replace the panel's), labelled as such; {} = the
   * panel's own settings are quick already.
   */
  readonly quick: Readonly<Record<string, number>>;
}

/** A seed field starting at the experiment's default seed. */
const seedField = (value: number): Field => ({ name: 'seed', label: 'seed', value, min: 0, max: 0xffffffff });

/**
 * The panels' first values are the experiments' own defaults (src/experiments, which
 * `digitlab experiment …` reads too): one place for both faces.
 */
const SHUFFLED = SHUFFLED_LABELS_DEFAULTS;
const ACTIVATIONS = ACTIVATIONS_DEFAULTS;

/** The panels in page order (the hand-made detector follows them; it needs no Worker). */
const PANELS: readonly PanelSpec<ExperimentName>[] = [
  {
    id: 'noise',
    experiment: 'noise',
    title: 'noiseTitle',
    intro: 'noiseIntro',
    fields: [{ name: 'count', label: 'count', value: NOISE_DEFAULTS.count, min: 1, max: 100000 }, seedField(NOISE_DEFAULTS.seed)],
    options: (v) => ({ count: v.count, seed: v.seed }),
    figure: noiseFigure,
    quick: { count: 200 },
  } satisfies PanelSpec<'noise'>,
  {
    id: 'shuffled-labels',
    experiment: 'shuffled-labels',
    title: 'shuffledTitle',
    intro: 'shuffledIntro',
    fields: [
      { name: 'trainCount', label: 'trainCount', value: SHUFFLED.trainCount, min: 10, max: 60000 },
      { name: 'width', label: 'width', value: SHUFFLED.settings.sizes[1], min: 1, max: 2048 },
      { name: 'epochs', label: 'epochs', value: SHUFFLED.settings.epochs, min: 1, max: 1000 },
      seedField(SHUFFLED.settings.seed),
    ],
    options: (v) => ({ trainCount: v.trainCount, settings: { sizes: [784, v.width, v.width, 10], epochs: v.epochs, seed: v.seed } }),
    figure: shuffledLabelsFigure,
    quick: { trainCount: 300, width: 64, epochs: 8 },
  } satisfies PanelSpec<'shuffled-labels'>,
  {
    id: 'neuron-inputs',
    experiment: 'neuron-inputs',
    title: 'neuronsTitle',
    intro: 'neuronsIntro',
    fields: [{ name: 'steps', label: 'steps', value: NEURON_INPUTS_DEFAULTS.steps, min: 1, max: 10000 }, seedField(NEURON_INPUTS_DEFAULTS.seed)],
    options: (v) => ({ steps: v.steps, seed: v.seed }),
    figure: neuronInputsFigure,
    quick: { steps: 80 },
  } satisfies PanelSpec<'neuron-inputs'>,
  {
    id: 'fool',
    experiment: 'fool',
    title: 'foolTitle',
    intro: 'foolIntro',
    fields: [
      { name: 'index', label: 'testIndex', value: -1, min: -1, max: 9999 },
      { name: 'target', label: 'target', value: FOOL_DEFAULTS.target, min: 0, max: 9 },
    ],
    options: (v) => ({ index: v.index >= 0 ? v.index : undefined, target: v.target }),
    figure: foolFigure,
    quick: {},
  } satisfies PanelSpec<'fool'>,
  {
    id: 'mistakes',
    experiment: 'mistakes',
    title: 'mistakesTitle',
    intro: 'mistakesIntro',
    fields: [{ name: 'show', label: 'show', value: MISTAKES_DEFAULTS.show, min: 1, max: 500 }],
    options: (v) => ({ show: v.show }),
    figure: mistakesFigure,
    quick: {},
  } satisfies PanelSpec<'mistakes'>,
  {
    id: 'activations',
    experiment: 'activations',
    title: 'activationsTitle',
    intro: 'activationsIntro',
    introValues: (tr) => ({ sigmoidRate: tr.plain(FAIR_ACTIVATION_SETTINGS.sigmoid.learningRate), reluRate: tr.plain(FAIR_ACTIVATION_SETTINGS.relu.learningRate) }),
    fields: [
      { name: 'epochs', label: 'epochs', value: ACTIVATIONS.settings.epochs, min: 1, max: 1000 },
      { name: 'trainCount', label: 'trainCount', value: ACTIVATIONS.trainCount, min: 100, max: 60000 },
      seedField(ACTIVATIONS.settings.seed),
    ],
    options: (v) => ({ trainCount: v.trainCount, settings: { epochs: v.epochs, seed: v.seed } }),
    figure: activationsFigure,
    quick: { trainCount: 3000, epochs: 3 },
  } satisfies PanelSpec<'activations'>,
] as readonly PanelSpec<ExperimentName>[];

/** Where a panel keeps its settings: the page's store (the address). */
export interface PanelStore {
  values(spec: PanelSpec<ExperimentName>): Record<string, number>;
  changed(spec: PanelSpec<ExperimentName>, values: Record<string, number>, ran: boolean): void;
}

/** The quick run's settings as words ("Images of each kind 200"), '' when there are none. */
function quickText(spec: PanelSpec<ExperimentName>, tr: Translator<ExKey>): string {
  return spec.fields
    .filter((f) => f.name in spec.quick)
    .map((f) => `${tr.t(f.label)} ${tr.num(spec.quick[f.name])}`)
    .join('; ');
}

/**
 * A panel's frame whose Run runs its experiment in the Worker and draws the figure live. When
 * the panel first comes into view it shows a result without a click: its quick run.
 */
function mountPanel<N extends ExperimentName>(spec: PanelSpec<N>, client: ExperimentClient, tr: Translator<ExKey>, store: PanelStore): HTMLElement {
  const frame = new ExperimentFrame(tr, spec, (values) => {
    if (frame.section.dataset.run === 'full') store.changed(spec, values, true);
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
  frame.setValues(store.values(spec));
  frame.onValues = (values) => store.changed(spec, values, false);
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      if (frame.section.dataset.state === undefined) frame.start({ ...frame.values(), ...spec.quick }, 'quick', quickText(spec, tr));
    },
    { rootMargin: '100px' },
  );
  observer.observe(frame.section);
  return frame.section;
}

/** The panels' ids and fields (for the page's address). */
export const PANEL_FIELDS: readonly { readonly id: string; readonly fields: readonly Field[] }[] = PANELS;

/** Every experiment panel of the page, in order, with their settings in `store`. */
export function experimentPanels(client: ExperimentClient, tr: Translator<ExKey>, store: PanelStore): HTMLElement[] {
  return PANELS.map((spec) => mountPanel(spec, client, tr, store));
}
