import '../../styles.css';
import './experiments.css';
import { detectorFigure } from '../../components/experiments/detector.js';
import { EX_MESSAGES } from '../../components/experiments/messages.js';
import { courseLink } from '../../components/course-link.js';
import { el } from '../../components/figure-parts.js';
import { lazyNotice } from '../../components/lazy-notice.js';
import { pageLanguage, Translator } from '../../shared/i18n.js';
import { Store, syncHash } from '../../shared/store.js';
import { ExperimentClient } from './experiment-client.js';
import { experimentsCodec, panelPatch, panelValues, stateLanguage } from './experiments-state.js';
import { experimentPanels, PANEL_FIELDS } from './panels.js';
import { siteRoot } from '../../site/site-root.js';

/**
 * The Experiments page: one panel per experiment, all running the src/experiments code in
 * one Worker, plus the hand-made detector. Each panel shows a quick run when it first comes
 * into view. Its state — the language (`#lang=ru|en`, which the Lab's links carry; else the
 * browser's), every panel's settings and the panel last run — is in the address, through the
 * shared codec, so a shared link reopens the same settings at the same panel.
 */
const codec = experimentsCodec(PANEL_FIELDS, ['detector']);
const { state, issues } = codec.decode(location.hash);
const store = new Store(state);
syncHash(store, codec);
const tr = new Translator(EX_MESSAGES, pageLanguage(stateLanguage(store.state)));
const client = new ExperimentClient(siteRoot());

document.documentElement.lang = tr.language;
document.title = tr.t('title');
const header = el('header', 'top');
const back = el('a', 'back', tr.t('back'));
back.href = `./index.html${tr.language === 'ru' ? '#lang=ru' : ''}`;
const switcher = el('a', 'language-switch', tr.language === 'ru' ? 'English' : 'Русский');
const switchHref = (): string => codec.encode({ ...store.state, language: tr.language === 'ru' ? 'en' : 'ru' }) || '#';
switcher.href = switchHref();
store.watch(null, () => (switcher.href = switchHref()));
switcher.addEventListener('click', () => setTimeout(() => location.reload(), 0));
header.append(el('h1', '', tr.t('heading')), back, courseLink('./', stateLanguage(store.state), tr.language), switcher);
const notice = el('div');
lazyNotice(notice, issues).show(tr.language);

const panels = [
  ...experimentPanels(client, tr, {
    values: (spec) => panelValues(store.state, spec),
    changed: (spec, values, ran) => store.set({ ...panelPatch(spec, values), ...(ran ? { at: spec.id } : {}) }),
  }),
  detectorFigure(tr),
];
const nav = el('nav', 'experiment-nav');
for (const p of panels) {
  const link = el('a', '', p.querySelector('h2')?.textContent ?? p.id);
  link.href = `#${p.id}`;
  link.addEventListener('click', (e) => {
    e.preventDefault();
    p.scrollIntoView();
    store.set({ at: p.id });
  });
  nav.append(link);
}
const main = el('main', 'experiments');
main.append(...panels);
document.body.append(header, notice, nav, main);
const at = String(store.state.at);
const linked = at ? document.getElementById(at) : null;
if (linked) {
  linked.scrollIntoView();
  // Panels above it keep growing after the page is ready — fonts arrive, quick runs draw their
  // figures — and each growth pushes the linked panel down. Keep it in view whenever the panels
  // change size, until the reader scrolls, types, touches or clicks the page themselves.
  const keep = new ResizeObserver(() => linked.scrollIntoView());
  keep.observe(main);
  const release = (): void => keep.disconnect();
  for (const type of ['wheel', 'touchmove', 'keydown', 'pointerdown']) addEventListener(type, release, { once: true, passive: true });
}
document.body.dataset.ready = 'true';
