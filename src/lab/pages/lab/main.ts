import { defaultLearningRate } from '../../../train/defaults.js';
import { FAIR_ACTIVATION_SETTINGS } from '../../../experiments/activations.js';
import { curvePair } from '../../components/curve-pair.js';
import { TrainingControls } from '../../components/training-controls.js';
import { imageAt } from '../../shared/data-loader.js';
import { applyMessages } from '../../shared/i18n-dom.js';
import { formatValue, type Language, pageLanguage, Translator } from '../../shared/i18n.js';
import { courseInvite, showCourseLink } from '../../components/course-link.js';
import { lazyNotice } from '../../components/lazy-notice.js';
import { loadPretrained } from '../../shared/model-loader.js';
import { siteRoot } from '../../site/site-root.js';
import { noticeArea } from '../../site/notice-area.js';
import type { PaletteName } from '../../shared/palette.js';
import { mountFigures } from './lab-figures.js';
import { mountInput } from './lab-input.js';
import { mountSpeed } from './lab-speed.js';
import { mountStatus } from './lab-status.js';
import { openLabStore } from './lab-store.js';
import { LAB_MESSAGES, type MessageKey } from './messages.js';
import { installTestHook } from './test-hook.js';
import { mountTestImages } from './test-images.js';
import { TrainingSession } from './training-session.js';
import type { RunSpec } from '../../shared/worker-protocol.js';

/**
 * The Lab page: one store (the URL hash's settings and this visit's state), the components
 * that draw it, and the training session that talks to the Worker. This file only composes.
 */
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const RUN_COLOURS = ['#7fd4ff', '#ff9fd0'];
const ACTIVATION_NAMES = { sigmoid: 'optSigmoid', relu: 'optRelu', tanh: 'optTanh' } as const;

const store = openLabStore(location.hash);
let translator = new Translator(LAB_MESSAGES, pageLanguage(store.state.language));
/** The page's messages in the language the store names (views read it whenever they draw). */
const tr = (): Translator<MessageKey> => {
  const language = pageLanguage(store.state.language);
  if (translator.language !== language) translator = new Translator(LAB_MESSAGES, language);
  return translator;
};

const charts = curvePair(
  { cost: $('cost-chart'), accuracy: $('accuracy-chart') },
  { cost: tr().t('costCurve'), accuracy: tr().t('testAccuracy'), axis: tr().t('miniBatches') },
  { num: (n, d) => tr().num(n, d), pct: (x, d) => tr().pct(x, d) },
  // A long run's first mini-batches, where the curves move most, keep their room (log axes).
  { x: 'log', cost: 'log' },
);
const series = (runs: readonly RunSpec[]) =>
  runs.map((r, i) => ({
    id: r.id,
    label: r.id === 'sigmoid' ? tr().t('sigmoidRun') : r.id === 'relu' ? tr().t('reluRun') : `${tr().t('run')} (${tr().t(ACTIVATION_NAMES[r.settings.activation])})`,
    colour: RUN_COLOURS[i % RUN_COLOURS.length],
  }));
/**
 * Whether the charts are drawn yet: uPlot loads and the two plots are built when the charts
 * first come into view or a run starts — a first view never shows them, and building them
 * then cost the phone's page most of its blocking time.
 */
let chartsBuilt = false;
const titleCharts = (): void => {
  const runs = store.state.runs ?? [];
  charts.cost.setTitles(tr().t('costCurve'), tr().t('miniBatches'), series(runs));
  charts.accuracy.setTitles(tr().t('testAccuracy'), tr().t('miniBatches'), series(runs));
};
new IntersectionObserver((entries, observer) => {
  if (!entries.some((e) => e.isIntersecting)) return;
  observer.disconnect();
  if (chartsBuilt) return;
  chartsBuilt = true;
  titleCharts();
}).observe(document.querySelector('.charts') as HTMLElement);
const session = new TrainingSession(store, {
  reset: (runs) => {
    chartsBuilt = true;
    charts.cost.reset(series(runs));
    charts.accuracy.reset(series(runs));
  },
  cost: (id, x, y) => charts.cost.add(id, x, y),
  accuracy: (id, x, y) => charts.accuracy.add(id, x, y),
});

mountFigures(store, tr);
mountStatus(store, tr);
mountSpeed(store, tr, session, charts);
const loadTestImages = mountTestImages(store, tr, (dataSet) => session.testSet(dataSet));
const notice = lazyNotice($('state-notice'), store.state.issues);
const controls = new TrainingControls(
  $<HTMLFormElement>('training-form'),
  (values) => session.settingsChanged(values),
  (command) => session.command(command),
  (message) => store.set({ error: { kind: 'settings', message } }),
);
controls.write(store.state);
/** An empty η field means the run layer's default for the network: say which. */
const showDefaultRate = (): void => {
  const { hidden, activation, optimizer } = store.state;
  controls.showDefaultRate(tr().t('learningRateAuto', { rate: formatValue(tr().language, defaultLearningRate({ sizes: [784, ...hidden, 10], activation, optimizer })) }));
};
store.watch(['hidden', 'activation', 'optimizer', 'language'], showDefaultRate);
showDefaultRate();
const showRunning = (): void => controls.setRunning(store.state.running, tr().t('start'), tr().t('pause'));
store.watch(['running'], showRunning);
const pad = mountInput(store);

function applyLanguage(): void {
  applyMessages(document, tr().language, tr().t);
  document.title = tr().t('title');
  pad.setHint(tr().t('drawPadKeys'));
  const fair = FAIR_ACTIVATION_SETTINGS;
  $('compare-note').textContent = tr().t('compareHint', { sigmoidRate: tr().plain(fair.sigmoid.learningRate), reluRate: tr().plain(fair.relu.learningRate) });
  $<HTMLSelectElement>('language').value = tr().language;
  notice.show(tr().language);
  showCourseLink($<HTMLAnchorElement>('course-link'), './', store.state.language, tr().language);
  if (chartsBuilt) titleCharts();
  // After the static texts: the toggle says Pause while training runs.
  showRunning();
}
store.watch(['language'], applyLanguage);
applyLanguage();
// In the notices' column at the bottom of the window: coming and going, it moves nothing.
const invite = courseInvite(noticeArea(), './', store.state.language, tr().language);
if (invite) store.watch(['language'], () => invite.setLanguage(store.state.language, tr().language));

$('experiments-link').addEventListener('click', () => {
  $<HTMLAnchorElement>('experiments-link').href = `./experiments.html#lang=${tr().language}`;
});
$<HTMLSelectElement>('language').addEventListener('change', (e) => store.set({ language: (e.target as HTMLSelectElement).value as Language }));
$<HTMLSelectElement>('palette').value = store.state.palette;
$<HTMLSelectElement>('palette').addEventListener('change', (e) => store.set({ palette: (e.target as HTMLSelectElement).value as PaletteName }));
$<HTMLInputElement>('all-connections').checked = store.state.allConnections;
$<HTMLInputElement>('all-connections').addEventListener('change', (e) => store.set({ allConnections: (e.target as HTMLInputElement).checked }));
window.addEventListener('hashchange', () => location.reload());
installTestHook(store, session, charts);

/** A task of its own for what follows: the page answers input in between (no long task). */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function start(): Promise<void> {
  session.load();
  const images = loadTestImages();
  // The model is drawn when it arrives, in a task apart from the test images' (each a few hundred ms on a slow phone).
  const model = await loadPretrained(siteRoot()).then(
    (m) => ({ ok: true as const, m }),
    (reason: unknown) => ({ ok: false as const, reason }),
  );
  if (model.ok) store.set({ pretrained: model.m.network, pretrainedCost: model.m.cost });
  else store.set({ error: { kind: 'model', message: String(model.reason) } });
  await images;
  await nextTask();
  // Both settled: the picked test image (if any) is answered and announced now.
  const { testSet, testImage } = store.state;
  if (testSet && testImage >= 0 && testImage < testSet.count) store.set({ input: imageAt(testSet, testImage), inputFinal: true });
  document.body.dataset.modelReady = String(store.state.pretrained !== null);
}

/**
 * The fetches (the model, the test images, the training Worker and its kernels) start once
 * the page's first view — the invitation to the course included — is on the screen: it needs
 * none of those bytes to show, and its paint must wait for none of them. After the load
 * event, two frames (the first paints the view, the second begins after it), then the first
 * idle moment. In a tab opened in the background (no frames), at once.
 */
const whenIdle = (run: () => void): void => {
  if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 500 });
  else setTimeout(run, 0);
};
const afterFirstView = (): void => void requestAnimationFrame(() => requestAnimationFrame(() => whenIdle(() => void start())));
if (document.hidden) void start();
else if (document.readyState === 'complete') afterFirstView();
else window.addEventListener('load', afterFirstView, { once: true });
