import 'katex/dist/katex.min.css';
import type { Network } from '../../core/network.js';
import type { CostName } from '../../core/costs.js';
import { loadPretrained } from '../lab-model.js';
import { type Language, languageFromNavigator } from '../messages.js';
import { ChainPanel } from './chain-panel.js';
import { DescentPanel } from './descent-panel.js';
import { EXPLAIN_VIEWS, type ExplainState, type ExplainView, explainStateFromHash, explainStateToHash } from './explain-state.js';
import { type ExplainKey, tx } from './explain-messages.js';
import { NudgesPanel } from './nudges-panel.js';
import { SgdPathPanel } from './sgd-path-panel.js';
import { loadTrainingSet } from './training-images.js';

/**
 * The "How it learns" page: four explorables as tabs, each a panel module that runs the
 * src/explain code and draws its result; one URL hash holds the whole page's state.
 */
const state: ExplainState = explainStateFromHash(location.hash);
let language: Language = state.language || languageFromNavigator(navigator.languages);
const DATA_URL = `${location.origin}/data/`;

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const save = (): void => {
  const hash = explainStateToHash(state);
  history.replaceState(null, '', hash === '' ? location.pathname + location.search : hash);
};

const descent = new DescentPanel($('panel-descent'), state, language, save);
const chain = new ChainPanel($('panel-chain'), state, language, save);
const nudges = new NudgesPanel($('panel-nudges'), state, language, save);
const sgd = new SgdPathPanel($('panel-sgd'), state, language, save);
let loadStarted = false;

function applyLanguage(): void {
  document.documentElement.lang = language;
  document.title = tx(language, 'title');
  for (const el of document.querySelectorAll<HTMLElement>('[data-x]')) el.textContent = tx(language, el.dataset.x as ExplainKey);
  for (const el of document.querySelectorAll<HTMLElement>('[data-x-label]')) el.setAttribute('aria-label', tx(language, el.dataset.xLabel as ExplainKey));
  ($('language') as HTMLSelectElement).value = language;
  // The Lab's link keeps the language.
  ($('back-to-lab') as HTMLAnchorElement).href = state.language ? `../#lang=${state.language}` : '../';
  for (const panel of [descent, chain, nudges, sgd]) panel.setLanguage(language);
}

function show(view: ExplainView): void {
  state.view = view;
  for (const v of EXPLAIN_VIEWS) {
    $(`panel-${v}`).hidden = v !== view;
    $(`tab-${v}`).setAttribute('aria-selected', String(v === view));
  }
  if (view !== 'descent') descent.stop();
  if ((view === 'nudges' || view === 'sgd') && !loadStarted) loadData();
  save();
}

/** The training images and the pretrained model, fetched the first time a panel needs them. */
function loadData(): void {
  loadStarted = true;
  const progress = (f: number): void => {
    const text = tx(language, 'loading', { percent: `${Math.round(f * 100)} %` });
    nudges.setStatus(text);
    sgd.setStatus(text);
  };
  progress(0);
  Promise.all([loadTrainingSet(DATA_URL, progress), loadPretrained('../pretrained.json')])
    .then(([train, model]) => {
      nudges.setSources({ train, pretrained: { network: model.network as Network, cost: model.cost as CostName } });
      sgd.setTrainingSet(train);
      document.body.dataset.dataReady = 'true';
    })
    .catch((error: Error) => {
      const text = tx(language, 'loadFailed', { message: error.message });
      nudges.setStatus(text);
      sgd.setStatus(text);
    });
}

for (const v of EXPLAIN_VIEWS) $(`tab-${v}`).addEventListener('click', () => show(v));
$('language').addEventListener('change', (e) => {
  language = (e.target as HTMLSelectElement).value as Language;
  state.language = language;
  save();
  applyLanguage();
});
applyLanguage();
show(state.view);
document.body.dataset.ready = 'true';
