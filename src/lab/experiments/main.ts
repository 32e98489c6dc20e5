import '../styles.css';
import './experiments.css';
import { formatNumber, type Language, languageFromNavigator } from '../messages.js';
import { activationsPanel } from './activations-panel.js';
import { detectorPanel } from './detector-panel.js';
import { el } from './draw.js';
import { ExperimentClient } from './experiment-client.js';
import { foolPanel } from './fool-panel.js';
import { type ExKey, formatX } from './messages.js';
import { mistakesPanel } from './mistakes-panel.js';
import { neuronInputsPanel } from './neuron-inputs-panel.js';
import { noisePanel } from './noise-panel.js';
import type { PanelContext } from './panel.js';
import { shuffledLabelsPanel } from './shuffled-labels-panel.js';

/**
 * The Experiments page: one panel per experiment (each its own module), all running the
 * src/experiments code in one Worker, plus the hand-made detector. The language comes from
 * `#lang=ru|en` (the main Lab's links carry it) or the browser.
 */
const hashLanguage = /lang=(en|ru)/.exec(location.hash)?.[1] as Language | undefined;
const language: Language = hashLanguage ?? languageFromNavigator(navigator.languages);
const num = (n: number, digits = 0): string => (Number.isFinite(n) ? formatNumber(language, n, digits) : '–');
const ctx: PanelContext = {
  client: new ExperimentClient(new URL('./data/', location.href).href, new URL('./pretrained.json', location.href).href),
  t: (key: ExKey, values) => formatX(language, key, values),
  num,
  pct: (x, digits = 1) => (Number.isFinite(x) ? `${num(x * 100, digits)} %` : '–'),
};

document.documentElement.lang = language;
document.title = ctx.t('title');
const header = el('header', 'top');
const back = el('a', 'back', ctx.t('back'));
back.href = `./index.html${language === 'ru' ? '#lang=ru' : ''}`;
const switcher = el('a', 'language-switch', language === 'ru' ? 'English' : 'Русский');
switcher.href = `#lang=${language === 'ru' ? 'en' : 'ru'}`;
switcher.addEventListener('click', () => setTimeout(() => location.reload(), 0));
header.append(el('h1', '', ctx.t('heading')), back, switcher);

const panels = [noisePanel, shuffledLabelsPanel, neuronInputsPanel, foolPanel, mistakesPanel, activationsPanel, detectorPanel].map((make) => make(ctx));
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
document.body.append(header, nav, main);
document.body.dataset.ready = 'true';
