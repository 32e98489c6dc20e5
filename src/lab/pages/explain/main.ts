import type { CostName } from '../../../core/costs.js';
import { ChainPanel } from '../../components/explain/chain-panel.js';
import { DescentPanel } from '../../components/explain/descent-panel.js';
import { EXPLAIN_MESSAGES, type ExplainKey } from '../../components/explain/messages.js';
import { NudgesPanel } from '../../components/explain/nudges-panel.js';
import { SgdPathPanel } from '../../components/explain/sgd-path-panel.js';
import { loadSplit } from '../../shared/data-loader.js';
import { applyMessages } from '../../shared/i18n-dom.js';
import { type Language, pageLanguage, Translator } from '../../shared/i18n.js';
import { showCourseLink } from '../../components/course-link.js';
import { lazyNotice } from '../../components/lazy-notice.js';
import { loadPretrained } from '../../shared/model-loader.js';
import { Store, syncHash } from '../../shared/store.js';
import { EXPLAIN_CODEC, EXPLAIN_VIEWS, type ExplainState, type ExplainView } from './explain-state.js';
import { averageInWorker } from './nudges-client.js';
import { sgdPathInWorker } from '../../shared/sgd-path-client.js';
import { siteRoot } from '../../site/site-root.js';

/**
 * The "How it learns" page: four explorables as tabs, each a component that runs the
 * src/explain code and draws its result, over one store kept in the URL hash.
 */
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const { state, issues } = EXPLAIN_CODEC.decode(location.hash);
const store = new Store<ExplainState>(state);
syncHash(store, EXPLAIN_CODEC);
const tr = (): Translator<ExplainKey> => new Translator(EXPLAIN_MESSAGES, pageLanguage(store.state.language));

const descent = new DescentPanel($('panel-descent'), store, tr());
const chain = new ChainPanel($('panel-chain'), store, tr());
const nudges = new NudgesPanel($('panel-nudges'), store, tr(), averageInWorker);
const sgd = new SgdPathPanel($('panel-sgd'), store, tr(), sgdPathInWorker());
const notice = lazyNotice($('state-notice'), issues);
let loadStarted = false;

function applyLanguage(): void {
  const t = tr();
  applyMessages(document, t.language, t.t);
  document.title = t.t('title');
  $<HTMLSelectElement>('language').value = t.language;
  // The Lab's link keeps the language.
  $<HTMLAnchorElement>('back-to-lab').href = store.state.language ? `../#lang=${store.state.language}` : '../';
  showCourseLink($<HTMLAnchorElement>('course-link'), '../', store.state.language, t.language);
  notice.show(t.language);
  for (const panel of [descent, chain, nudges, sgd]) panel.setLanguage(t);
}

function show(view: ExplainView): void {
  store.set({ view });
  for (const v of EXPLAIN_VIEWS) {
    $(`panel-${v}`).hidden = v !== view;
    $(`tab-${v}`).setAttribute('aria-selected', String(v === view));
  }
  if (view !== 'descent') descent.stop();
  if ((view === 'nudges' || view === 'sgd') && !loadStarted) loadData();
  if (view === 'sgd') sgd.opened();
}

/** The training images and the pretrained model, fetched the first time a panel needs them. */
function loadData(): void {
  loadStarted = true;
  const progress = (f: number): void => {
    const text = tr().t('loading', { percent: `${Math.round(f * 100)} %` });
    nudges.setStatus(text);
    sgd.setStatus(text);
  };
  progress(0);
  Promise.all([loadSplit(siteRoot(), 'mnist', 'train', progress), loadPretrained(siteRoot())])
    .then(([train, model]) => {
      nudges.setSources({ train, pretrained: { network: model.network, cost: model.cost as CostName } });
      sgd.setTrainingSet(train);
      document.body.dataset.dataReady = 'true';
    })
    .catch((error: Error) => {
      const text = tr().t('loadFailed', { message: error.message });
      nudges.setStatus(text);
      sgd.setStatus(text);
    });
}

for (const v of EXPLAIN_VIEWS) $(`tab-${v}`).addEventListener('click', () => show(v));
$('language').addEventListener('change', (e) => store.set({ language: (e.target as HTMLSelectElement).value as Language }));
store.watch(['language'], applyLanguage);
applyLanguage();
show(store.state.view);
document.body.dataset.ready = 'true';
