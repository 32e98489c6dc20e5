import '../../styles.css';
import './experiments.css';
import { detectorFigure } from '../../components/experiments/detector.js';
import { EX_MESSAGES } from '../../components/experiments/messages.js';
import { el } from '../../components/figure-parts.js';
import { HashCodec } from '../../shared/hash-codec.js';
import { lazyNotice } from '../../components/lazy-notice.js';
import { LANGUAGES, type Language, pageLanguage, Translator } from '../../shared/i18n.js';
import { Store } from '../../shared/store.js';
import { ExperimentClient } from './experiment-client.js';
import { experimentPanels } from './panels.js';

/**
 * The Experiments page: one panel per experiment, all running the src/experiments code in
 * one Worker, plus the hand-made detector. Its state is the language (`#lang=ru|en`, which
 * the Lab's links carry; else the browser's), through the shared codec.
 */
const codec = new HashCodec<{ language: Language | '' }>({ language: { key: 'lang', kind: { type: 'enum', values: ['', ...LANGUAGES] } } }, { language: '' });
const { state, issues } = codec.decode(location.hash);
const store = new Store(state);
const tr = new Translator(EX_MESSAGES, pageLanguage(store.state.language));
const client = new ExperimentClient(location.origin, new URL('./pretrained.json', location.href).href);

document.documentElement.lang = tr.language;
document.title = tr.t('title');
const header = el('header', 'top');
const back = el('a', 'back', tr.t('back'));
back.href = `./index.html${tr.language === 'ru' ? '#lang=ru' : ''}`;
const switcher = el('a', 'language-switch', tr.language === 'ru' ? 'English' : 'Русский');
switcher.href = `#lang=${tr.language === 'ru' ? 'en' : 'ru'}`;
switcher.addEventListener('click', () => setTimeout(() => location.reload(), 0));
header.append(el('h1', '', tr.t('heading')), back, switcher);
const notice = el('div');
lazyNotice(notice, issues).show(tr.language);

const panels = [...experimentPanels(client, tr), detectorFigure(tr)];
const nav = el('nav', 'experiment-nav');
for (const p of panels) {
  const link = el('a', '', p.querySelector('h2')?.textContent ?? p.id);
  link.href = `#${p.id}`;
  link.addEventListener('click', (e) => {
    e.preventDefault();
    p.scrollIntoView();
  });
  nav.append(link);
}
const main = el('main', 'experiments');
main.append(...panels);
document.body.append(header, notice, nav, main);
document.body.dataset.ready = 'true';
