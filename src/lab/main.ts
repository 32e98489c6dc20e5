import type { Network } from '../core/network.js';
import { Rng } from '../core/rng.js';
import { fillNoiseImage } from '../experiments/noise-images.js';
import { parameterCount } from '../core/network.js';
import type { Dataset } from '../data/dataset.js';
import { CurveChart, type CurveSeries, SharedExtent } from './curve-chart.js';
import { type DataSetSource, dataSetSource } from './data-sets.js';
import { DrawPad } from './draw-pad.js';
import { activationTex, loadKatex, typeset } from './formula.js';
import { applyMessages } from './i18n-dom.js';
import { infer, type Inference } from './inference.js';
import { activationSymbol, loadPretrained, networkFromSnapshot } from './lab-model.js';
import { format, formatNumber, type Language, languageFromNavigator, type MessageKey } from './messages.js';
import { NetworkView, type NeuronNumbers } from './network-view.js';
import { OutputPanel } from './output-panel.js';
import { grayPixels } from './palette.js';
import { imageAt, loadTestSet } from './test-images.js';
import { TestPicker } from './test-picker.js';
import { TrainingClient } from './training-client.js';
import { type TrainingCommand, TrainingPanel } from './training-panel.js';
import { type LabState, type PaletteName, stateFromHash, stateToHash, trainingSettings } from './url-state.js';
import { WeightDialog } from './weight-dialog.js';
import { WeightGrids } from './weight-grids.js';
import type { FromWorker, RunSpec } from './worker-protocol.js';

/**
 * The Lab page: wires the views to one another, to the URL state and to the training
 * Worker. Views draw numbers they are given; training happens only in the Worker.
 */
const ORIGIN = location.origin;
const PALETTE_KEY = 'digitlab.palette';
const RUN_COLOURS = ['#7fd4ff', '#ff9fd0'];
/**
 * Sigmoid vs ReLU (S12): both runs share the architecture, cost, mini-batch size and seed;
 * each activation gets the initialisation made for it (Xavier for σ, He for ReLU) and both
 * use Adam with η = 0.003, a step size at which neither diverges (plain SGD at the σ
 * network's η = 4.5 kills every ReLU neuron in the first steps).
 */
const COMPARE = { optimizer: 'adam', learningRate: 0.003 } as const;

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
/** Sets an element's text only when it changes (no needless layout during live training). */
const setText = (el: HTMLElement, text: string): void => {
  if (el.textContent !== text) el.textContent = text;
};

let state: LabState = stateFromHash(location.hash);
const storedPalette = localStorage.getItem(PALETTE_KEY);
if (!location.hash.includes('palette=') && (storedPalette === 'blue-orange' || storedPalette === 'green-red')) state.palette = storedPalette;
let language: Language = state.language || languageFromNavigator(navigator.languages);
const t = (key: MessageKey, values?: Readonly<Record<string, string | number>>): string => format(language, key, values);
const num = (n: number, digits = 0): string => formatNumber(language, n, digits);
const percent = (x: number): string => `${num(x * 100, 1)} %`;

let pretrained: Network | null = null;
/** Counts test-set loads, so that a data set chosen later wins over one still arriving. */
let testSetGeneration = 0;
let testSet: Dataset | null = null;
let input: Uint8Array | null = null;
let inference: Inference | null = null;
/** Runs the Worker holds (null: none yet), the latest network of each, and which one is shown. */
let runs: RunSpec[] | null = null;
const runNets = new Map<string, Network>();
let showRun = false;
let running = false;
let workerReady = false;
let backendName = '';
let lastStatus: FromWorker | null = null;
/** The shown run's test accuracy curve: (mini-batches, accuracy) pairs. */
let testCurve: [number, number][] = [];

const networkView = new NetworkView($('network-view'), viewText(), openNeuron);
const outputPanel = new OutputPanel($('outputs'), $('answer'), $('live'));
const weightGrids = new WeightGrids($('weight-grids'), (j) => t('neuronWeights', { neuron: j }), (j) => openNeuron(1, j));
const weightDialog = new WeightDialog($<HTMLDialogElement>('weight-dialog'));
const batchesExtent = new SharedExtent();
const costChart = new CurveChart($('cost-chart'), t('costCurve'), t('miniBatches'), (v) => num(v, 3), null, batchesExtent);
const accuracyChart = new CurveChart($('accuracy-chart'), t('testAccuracy'), t('miniBatches'), (v) => `${num(v * 100, 0)} %`, [0, 1], batchesExtent);
const picker = new TestPicker($('picker'), pickerText(), (index) => {
  state.testImage = index;
  if (testSet) input = imageAt(testSet, index);
  saveState();
  refresh(true);
});
const pad = new DrawPad($<HTMLCanvasElement>('pad'), (pixels, final) => {
  input = pixels;
  if (state.testImage !== -1) {
    state.testImage = -1;
    picker.select(-1);
    saveState();
  }
  refresh(final);
});
const panel = new TrainingPanel($<HTMLFormElement>('training-form'), onSettings, onCommand, showError);
const client = new TrainingClient(onWorkerMessage);

/** The chosen data set: where its files are and what its classes are called. */
function source(): DataSetSource {
  return dataSetSource(state.dataSet);
}

/** The chosen data set's name for class `label`. */
function className(label: number): string {
  return source().classNames[label] ?? String(label);
}

function viewText() {
  return {
    inputLabel: t('inputLayer'),
    classNames: source().classNames,
    neuronLabel: (n: NeuronNumbers) => `${t('neuron', { layer: n.layer, neuron: n.neuron })}: z = ${n.z.toFixed(2)}, b = ${n.bias.toFixed(2)}, a = ${n.a.toFixed(3)}`,
    tooltip: (n: NeuronNumbers) => {
      const net = currentNet();
      const f = net ? activationSymbol(net, n.layer) : 'σ';
      const fTex = net ? activationTex(net, n.layer) : '\\sigma';
      const z = n.z.toFixed(3);
      const a = n.a.toFixed(4);
      // Typeset with KaTeX once it has loaded (on the first tooltip); plain text until then.
      const zTex = typeset(`z = \\sum_k w_k\\, a_k + b = ${z}`);
      const aTex = typeset(`a = ${fTex}(z) = ${a}`);
      if (zTex === null || aTex === null) void loadKatex().then(() => networkView.refreshTooltip());
      return (
        `<b>${t('neuron', { layer: n.layer, neuron: n.neuron })}</b><br>` +
        (zTex === null
          ? `${t('weightedInput')}: <var>z</var> = Σ <var>w</var>·<var>a</var> + <var>b</var> = ${z}<br>`
          : `${t('weightedInput')}:<span class="formula">${zTex}</span>`) +
        `${t('bias')} = ${n.bias.toFixed(3)}<br>` +
        (aTex === null ? `${t('activationValue', { f })} = ${a}` : `${t('activationName')}:<span class="formula">${aTex}</span>`)
      );
    },
  };
}

function pickerText() {
  return {
    imageLabel: (index: number, label: number) => t('pickImage', { index, label: className(label) }),
    trueLabel: (label: number) => t('trueLabel', { label: className(label) }),
  };
}

/** The network shown: the run being trained, or the pretrained model (MNIST only). */
function currentNet(): Network | null {
  const fallback = source().pretrained ? pretrained : null;
  if (showRun && runs) return runNets.get(runs[0].id) ?? fallback;
  return fallback;
}

/** Runs the current input through the shown network and redraws everything that depends on it. */
function refresh(final: boolean): void {
  const net = currentNet();
  const seen = $<HTMLCanvasElement>('seen');
  const image = new ImageData(28, 28);
  grayPixels(input ?? new Uint8Array(784), 255, image.data);
  seen.getContext('2d')?.putImageData(image, 0, 0);
  if (net === null) {
    outputPanel.render(null, null, t('noAnswer'));
    return;
  }
  inference = infer(net, input ?? new Uint8Array(784));
  networkView.render(net, inference, final && !running);
  const hasInput = input !== null;
  const out = inference.activations[inference.activations.length - 1];
  outputPanel.render(hasInput ? out : null, hasInput ? inference.answer : null, t('noAnswer'));
  if (final && hasInput) outputPanel.announce(t('announce', { digit: className(inference.answer), confidence: percent(out[inference.answer]) }));
  const shown = net === pretrained ? t('pretrained') : t('trainingRun');
  setText($('parameter-count'), `${net.sizes.join('-')} · ${t('parameters', { count: num(parameterCount(net.sizes)) })} · ${shown}`);
}

function renderWeights(): void {
  const net = currentNet();
  if (net === null) return;
  weightGrids.render(net.weights[0], net.sizes[1], net.sizes[0]);
  const open = weightDialog.neuron;
  if (open !== null) openNeuron(1, open);
}

function openNeuron(layer: number, neuron: number): void {
  const net = currentNet();
  if (layer !== 1 || net === null || net.sizes[0] !== 784) return;
  const weights = net.weights[0].subarray(neuron * 784, (neuron + 1) * 784);
  let min = Infinity;
  let max = -Infinity;
  for (const w of weights) {
    if (w < min) min = w;
    if (w > max) max = w;
  }
  weightDialog.show(
    {
      neuron,
      weights,
      title: t('neuronWeights', { neuron }),
      caption: t('weightRange', { bias: num(net.biases[0][neuron], 2), min: num(min, 2), max: num(max, 2) }),
      pixelText: (x, y, w) => t('pixelWeight', { x, y, w: num(w, 3) }),
    },
    state.palette,
  );
}

function saveState(): void {
  const hash = stateToHash(state);
  history.replaceState(null, '', hash === '' ? location.pathname + location.search : hash);
}

function showError(message: string): void {
  $('training-error').textContent = message ? t('badSettings', { message }) : '';
}

function seriesFor(specs: readonly RunSpec[]): CurveSeries[] {
  return specs.map((s, i) => ({
    id: s.id,
    label: s.id === 'sigmoid' ? t('sigmoidRun') : s.id === 'relu' ? t('reluRun') : `${t('run')} (${s.settings.activation})`,
    colour: RUN_COLOURS[i % RUN_COLOURS.length],
  }));
}

/** Starts fresh runs in the Worker (paused) from the current settings; false if they are bad. */
function resetRuns(compare: boolean): boolean {
  let specs: RunSpec[];
  try {
    specs = compare
      ? [
          { id: 'sigmoid', settings: trainingSettings(state, { ...COMPARE, activation: 'sigmoid', init: 'xavier' }) },
          { id: 'relu', settings: trainingSettings(state, { ...COMPARE, activation: 'relu', init: 'he' }) },
        ]
      : [{ id: 'main', settings: trainingSettings(state) }];
  } catch (error) {
    showError(error instanceof Error ? error.message : String(error));
    return false;
  }
  showError('');
  $('training-error').textContent = '';
  runs = specs;
  $('compare-note').hidden = !compare;
  runNets.clear();
  testCurve = [];
  showRun = true;
  lastStatus = null;
  costChart.reset(seriesFor(specs));
  accuracyChart.reset(seriesFor(specs));
  client.send({ type: 'reset', runs: specs });
  renderStatus();
  return true;
}

function onSettings(values: Partial<LabState>): void {
  const switched = values.dataSet !== undefined && values.dataSet !== state.dataSet;
  state = { ...state, ...values };
  saveState();
  if (switched) {
    switchDataSet();
    return;
  }
  // A setting defines a run: a changed setting starts over (paused), as in TF Playground.
  if (runs !== null && workerReady) resetRuns(runs.length === 2);
  else showError('');
}

function onCommand(command: TrainingCommand): void {
  if (!workerReady && command !== 'pretrained') return;
  switch (command) {
    case 'toggle':
      if (running) client.send({ type: 'pause' });
      else if (runs !== null || resetRuns(false)) {
        showTrainingRun();
        client.send({ type: 'start' });
      }
      break;
    case 'step':
      if (runs !== null || resetRuns(false)) {
        showTrainingRun();
        client.send({ type: 'step', count: 1 });
      }
      break;
    case 'reset':
      resetRuns(runs?.length === 2);
      break;
    case 'compare':
      if (resetRuns(true)) client.send({ type: 'start' });
      break;
    case 'pretrained':
      if (!source().pretrained) break;
      if (running) client.send({ type: 'pause' });
      showRun = false;
      refresh(false);
      renderWeights();
      break;
  }
}

/**
 * Loads the chosen data set (Worker and test images) and starts over: with MNIST the
 * pretrained model answers; with any other set a fresh network is shown once it is loaded.
 */
function switchDataSet(): void {
  if (running) client.send({ type: 'pause' });
  workerReady = false;
  document.body.dataset.ready = 'false';
  runs = null;
  runNets.clear();
  showRun = false;
  lastStatus = null;
  testCurve = [];
  costChart.reset([]);
  accuracyChart.reset([]);
  $('status').textContent = '';
  $('speed').textContent = '';
  outputPanel.announce('');
  applyDataSet();
  client.send({ type: 'load', origin: ORIGIN, dataSet: state.dataSet, fast: state.backend === 'fast' });
  void loadTestImages();
}

/** Shows the chosen data set's class names and whether the pretrained model applies. */
function applyDataSet(): void {
  const names = source().classNames;
  outputPanel.setClassNames(names);
  networkView.setText(viewText());
  picker.setText(pickerText());
  $('training-form').querySelector<HTMLButtonElement>('[data-command="pretrained"]')?.toggleAttribute('disabled', !source().pretrained);
  document.body.dataset.dataSet = state.dataSet;
  refresh(false);
  renderWeights();
}

/** Fetches the chosen data set's test images for the picker (and the picked image). */
async function loadTestImages(): Promise<void> {
  const generation = ++testSetGeneration;
  const chosen = source();
  try {
    const test = await loadTestSet(ORIGIN, chosen);
    if (generation !== testSetGeneration) return;
    testSet = test;
    picker.setData(test);
    if (state.testImage >= 0 && state.testImage < test.count) {
      input = imageAt(test, state.testImage);
      picker.select(state.testImage);
    }
  } catch (error) {
    if (generation === testSetGeneration) $('data-status').textContent = t('dataFailed', { set: chosen.title, message: String(error) });
  }
  refresh(state.testImage >= 0);
}

/** Shows the run being trained again (after "back to the pretrained model"). */
function showTrainingRun(): void {
  if (showRun) return;
  showRun = true;
  refresh(false);
  renderWeights();
}

function renderStatus(): void {
  const status = $('status');
  if (!workerReady) return;
  if (lastStatus === null || lastStatus.type !== 'progress') {
    status.textContent = runs === null ? t('statusIdle') : !source().pretrained ? t('statusFresh', { set: source().title }) : t('status', { epoch: 1, batch: 0, batches: num(Math.ceil(60000 / runs[0].settings.batchSize)), examples: 0 });
    return;
  }
  const p = lastStatus;
  setText(status, t('status', { epoch: p.epoch, batch: num(p.batch), batches: num(p.batchesPerEpoch), examples: num(p.examplesSeen) }));
  setText($('speed'), running ? t('speed', { eps: num(p.epochsPerSecond, 2), backend: backendName }) : '');
}

function onWorkerMessage(message: FromWorker): void {
  switch (message.type) {
    case 'loading':
      if (message.dataSet !== state.dataSet) break;
      $('data-status').textContent = t('loadingData', { set: source().title, percent: `${Math.round(message.fraction * 100)} %` });
      break;
    case 'ready':
      if (message.dataSet !== state.dataSet) break;
      workerReady = true;
      backendName = message.backend;
      document.body.dataset.backend = message.backend;
      $('data-status').textContent = t('dataReady', { set: source().title, train: num(message.trainCount), test: num(message.testCount) });
      document.body.dataset.ready = 'true';
      // The pretrained model knows only MNIST: any other set starts with a fresh network.
      if (!source().pretrained && runs === null) resetRuns(false);
      renderStatus();
      break;
    case 'progress':
      if (runs && message.runId === runs[0].id) {
        lastStatus = message;
        document.body.dataset.batches = String(message.batches);
        renderStatus();
      }
      for (const [batches, cost] of message.costPoints) costChart.add(message.runId, batches, cost);
      // A single Step may not fill a window: then the step's own cost is the point.
      if (message.costPoints.length === 0) costChart.add(message.runId, message.batches, message.cost);
      break;
    case 'test':
      accuracyChart.add(message.runId, message.batches, message.testAccuracy);
      if (runs && message.runId === runs[0].id) {
        testCurve.push([message.batches, message.testAccuracy]);
        document.body.dataset.testAccuracy = String(message.testAccuracy);
        document.body.dataset.testBatches = String(message.batches);
      }
      break;
    case 'snapshot': {
      const spec = runs?.find((r) => r.id === message.runId);
      if (!spec) break;
      runNets.set(spec.id, networkFromSnapshot(message.snapshot, spec.settings));
      if (spec === runs?.[0]) document.body.dataset.snapshotBatches = String(message.batches);
      if (showRun && spec === runs?.[0]) scheduleRedraw();
      break;
    }
    case 'running':
      running = message.running;
      panel.setRunning(running, t('start'), t('pause'));
      document.body.dataset.running = String(running);
      break;
    case 'error':
      $('training-error').textContent = workerReady ? t('diverged', { message: message.message }) : t('dataFailed', { set: source().title, message: message.message });
      break;
  }
}

let redrawPending = false;
/** Snapshots arrive ≤ 10/s; draw them on the next frame, never more than once per frame. */
function scheduleRedraw(): void {
  if (redrawPending) return;
  redrawPending = true;
  requestAnimationFrame(() => {
    redrawPending = false;
    refresh(false);
    renderWeights();
  });
}

function applyLanguage(): void {
  applyMessages(document, language);
  ($<HTMLSelectElement>('language')).value = language;
  const palette = state.palette;
  const [positive, negative] = palette === 'green-red' ? [t('green'), t('red')] : [t('blue'), t('orange')];
  $('weights-hint').textContent = t('weightsHint', { positive, negative });
  networkView.setText(viewText());
  picker.setText(pickerText());
  weightGrids.setLabel((j) => t('neuronWeights', { neuron: j }));
  const specs = runs ?? [];
  costChart.setTitles(t('costCurve'), t('miniBatches'), seriesFor(specs));
  accuracyChart.setTitles(t('testAccuracy'), t('miniBatches'), seriesFor(specs));
  panel.setRunning(running, t('start'), t('pause'));
  renderStatus();
  refresh(false);
}

function applyPalette(palette: PaletteName): void {
  state.palette = palette;
  localStorage.setItem(PALETTE_KEY, palette);
  networkView.palette = palette;
  weightGrids.palette = palette;
  ($<HTMLSelectElement>('palette')).value = palette;
  applyLanguage();
  renderWeights();
}

$('clear').addEventListener('click', () => pad.clear());
// S22: a white-noise image as input; the network still answers one digit.
const noiseRng = new Rng(Date.now() >>> 0);
$('feed-noise').addEventListener('click', () => {
  const noise = new Float32Array(784);
  fillNoiseImage('uniform', noiseRng, noise);
  input = Uint8Array.from(noise, (v) => Math.round(v * 255));
  state.testImage = -1;
  picker.select(-1);
  saveState();
  refresh(true);
});
$('experiments-link').addEventListener('click', () => {
  ($<HTMLAnchorElement>('experiments-link')).href = `./experiments.html#lang=${language}`;
});
$('undo').addEventListener('click', () => pad.undo());
$<HTMLSelectElement>('language').addEventListener('change', (e) => {
  language = (e.target as HTMLSelectElement).value as Language;
  state.language = language;
  saveState();
  applyLanguage();
});
$<HTMLSelectElement>('palette').addEventListener('change', (e) => {
  applyPalette((e.target as HTMLSelectElement).value as PaletteName);
  saveState();
});
$<HTMLInputElement>('all-connections').addEventListener('change', (e) => {
  state.allConnections = (e.target as HTMLInputElement).checked;
  networkView.allConnections = state.allConnections;
  saveState();
  refresh(false);
});
window.addEventListener('hashchange', () => location.reload());

/** A read-only hook for the browser tests: the shown network's parameters and test curve. */
(window as unknown as { digitlab: object }).digitlab = {
  testCurve: () => testCurve.slice(),
  network: () => {
    const net = currentNet();
    return net && { sizes: net.sizes, weights: net.weights.map((w) => Array.from(w)), biases: net.biases.map((b) => Array.from(b)) };
  },
};

async function start(): Promise<void> {
  panel.write(state);
  $<HTMLInputElement>('all-connections').checked = state.allConnections;
  networkView.allConnections = state.allConnections;
  costChart.reset([]);
  accuracyChart.reset([]);
  applyPalette(state.palette);
  applyDataSet();
  client.send({ type: 'load', origin: ORIGIN, dataSet: state.dataSet, fast: state.backend === 'fast' });
  const [model] = await Promise.allSettled([loadPretrained('./pretrained.json'), loadTestImages()]);
  if (model.status === 'fulfilled') pretrained = model.value.network;
  else $('training-error').textContent = String(model.reason);
  refresh(state.testImage >= 0);
  renderWeights();
  document.body.dataset.modelReady = String(pretrained !== null);
}

void start();
