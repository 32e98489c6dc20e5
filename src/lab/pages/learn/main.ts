import { lazyNotice } from '../../components/lazy-notice.js';
import { inkInput } from '../../components/ink.js';
import { applyMessages } from '../../shared/i18n-dom.js';
import { type Language, pageLanguage, Translator } from '../../shared/i18n.js';
import type { Chapter } from './chapter.js';
import { CHAPTERS, loadCourseText, loadSourceMap } from './chapters.js';
import { courseHash, drawingOf, readCourseHash } from './course-state.js';
import { inputPixels, openCourseStore } from './course-store.js';
import { allRoutes, contents, mapPage, startPage } from './course-views.js';
import { COURSE_MESSAGES, type CourseKey } from './messages.js';
import { doneSections, lastSection, rememberSection } from './progress.js';
import { mnistSplit, pretrained } from './resources.js';
import { startTypesetting } from './rich-text.js';
import { renderSection, toolHref } from './section-view.js';
import type { ChapterText } from './text/course-text.js';

/**
 * The course page (/learn/): one store (the address's route and settings, the learner's
 * digit), the contents, and one view at a time — the start, the map of the source, or a
 * section whose figure comes from its chapter's module (chapter.ts is the contract). This
 * file only composes and routes.
 */
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const store = openCourseStore(location.hash);
const notice = lazyNotice($('state-notice'), store.state.issues);
const language = (): Language => pageLanguage(store.state.language);
const tr = (): Translator<CourseKey> => new Translator(COURSE_MESSAGES, language());
const modules = new Map<string, Promise<Chapter>>();
let texts: { language: Language; chapters: ChapterText[] } | null = null;
let mounted: AbortController | null = null;
let firstFigure = true;
/** Why KaTeX did not load, once that has happened (said above the course until the page is left). */
let typesetFailure: string | null = null;
/** A wide screen shows the contents beside the section; a phone folds them above it. */
const wide = matchMedia('(min-width: 901px)');
($('contents-box') as HTMLDetailsElement).open = wide.matches;
wide.addEventListener('change', () => (($('contents-box') as HTMLDetailsElement).open = wide.matches));

function chapterModule(index: number): Promise<Chapter> | null {
  const entry = CHAPTERS[index];
  if (entry.figures === null) return null;
  let module = modules.get(entry.id);
  if (module === undefined) {
    module = entry.figures();
    modules.set(entry.id, module);
  }
  return module;
}

async function courseText(): Promise<ChapterText[]> {
  const lang = language();
  if (texts?.language !== lang) texts = { language: lang, chapters: await loadCourseText(lang) };
  return texts.chapters;
}

/** Moves to `route` (a new history entry), keeping the learner's state. */
function navigate(route: string): void {
  if (route === store.state.route) return;
  history.pushState(null, '', courseHash(route, store.state) || location.pathname);
  store.set({ route });
}

function applyChrome(): void {
  const t = tr();
  // The page's own chrome only: a section's figure may hold another page's panel with its own message keys.
  document.documentElement.lang = t.language;
  for (const part of document.querySelectorAll('body > :not(.course), .contents-box')) applyMessages(part, t.language, t.t);
  $<HTMLSelectElement>('language').value = t.language;
  const lang = store.state.language;
  $<HTMLAnchorElement>('lab-link').href = toolHref({ view: 'lab' }, lang);
  $<HTMLAnchorElement>('experiments-link').href = toolHref({ view: 'experiments' }, lang);
  $<HTMLAnchorElement>('explain-link').href = toolHref({ view: 'explain' }, lang);
  notice.show(t.language);
  showTypesetFailure();
}

/** Says, in the page's language, that the formulas could not be typeset and why (nothing while they could). */
function showTypesetFailure(): void {
  if (typesetFailure === null) return;
  let line = document.getElementById('typeset-failure');
  if (line === null) {
    line = Object.assign(document.createElement('p'), { id: 'typeset-failure', className: 'error' });
    line.setAttribute('role', 'status');
    $('state-notice').after(line);
  }
  line.textContent = tr().t('formulasFailed', { message: typesetFailure });
}

async function render(): Promise<void> {
  mounted?.abort();
  const controller = new AbortController();
  mounted = controller;
  // The section's figures load while the words do (not after them).
  const wanted = CHAPTERS.findIndex((c) => c.id === store.state.route.split('/')[0]);
  if (wanted >= 0) void chapterModule(wanted)?.catch(() => null);
  const chapters = await courseText();
  if (controller.signal.aborted) return;
  applyChrome();
  const t = tr();
  const routes = allRoutes(chapters);
  let route = store.state.route;
  const view = $('view');
  let notFound: string | null = null;
  if (route !== '' && route !== 'map' && !routes.includes(route)) {
    notFound = route;
    route = '';
    store.set({ route });
  }
  document.body.dataset.section = route;
  document.title = route === '' || route === 'map' ? t.t('title') : `${sectionName(chapters, route)} — ${t.t('title')}`;
  $('contents').replaceChildren(contents(chapters, route, doneSections(), t));
  if (route === '') {
    view.replaceChildren(startPage(chapters, lastSection(), t));
    if (notFound !== null) view.prepend(Object.assign(document.createElement('p'), { className: 'error', textContent: t.t('notFound', { route: notFound }) }));
    document.body.dataset.ready = 'true';
    return;
  }
  if (route === 'map') {
    const ideas = await loadSourceMap(language());
    if (controller.signal.aborted) return;
    view.replaceChildren(mapPage(ideas, chapters, (v) => toolHref({ view: v }, store.state.language), t));
    document.body.dataset.ready = 'true';
    return;
  }
  rememberSection(route);
  const [chapterId, sectionId] = route.split('/');
  const chapterIndex = CHAPTERS.findIndex((c) => c.id === chapterId);
  const at = routes.indexOf(route);
  const module = await chapterModule(chapterIndex)?.catch(() => null);
  if (controller.signal.aborted) return;
  const sectionIndex = Object.keys(chapters[chapterIndex].sections).indexOf(sectionId);
  const place = { chapterIndex, chapterText: chapters[chapterIndex], sectionIndex, sectionId, route, previous: routes[at - 1] ?? null, next: routes[at + 1] ?? null };
  const rendering = renderSection(view, place, module ?? null, store, language(), controller.signal, () => {
    $('contents').replaceChildren(contents(chapters, route, doneSections(), tr()));
  });
  document.body.dataset.ready = 'true';
  await rendering;
  if (firstFigure && !controller.signal.aborted) {
    firstFigure = false;
    // From the start of navigation (a cold load) to the first live figure.
    performance.mark('course-first-figure');
    document.body.dataset.firstFigureMs = String(Math.round(performance.now()));
    // KaTeX after the first figure is live: it never delays it. Should it not load (the network
    // gone before the site was saved), the formulas stay TeX and the page says why.
    startTypesetting().catch((error: unknown) => {
      typesetFailure = error instanceof Error ? error.message : String(error);
      showTypesetFailure();
    });
  }
}

function sectionName(chapters: readonly ChapterText[], route: string): string {
  const [chapter, section] = route.split('/');
  return chapters[CHAPTERS.findIndex((c) => c.id === chapter)]?.sections[section]?.title ?? route;
}

function scrollToView(): void {
  window.scrollTo(0, 0);
  const title = document.querySelector<HTMLElement>('#view .section-title');
  title?.focus({ preventScroll: true });
}

// Links with a route move inside the page, carrying the learner's state; their href follows it for "open in a new tab".
document.addEventListener('click', (e) => {
  const a = (e.target as Element | null)?.closest?.('a[data-route]') as HTMLAnchorElement | null;
  if (a === null || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  if (!wide.matches) ($('contents-box') as HTMLDetailsElement).open = false;
  navigate(a.dataset.route ?? '');
});
const freshenHref = (e: Event): void => {
  const a = (e.target as Element | null)?.closest?.('a[data-route]') as HTMLAnchorElement | null;
  if (a) a.href = courseHash(a.dataset.route ?? '', store.state) || location.pathname;
};
document.addEventListener('pointerover', freshenHref);
document.addEventListener('focusin', freshenHref);
// ← and → move between sections when nothing that takes keys has focus.
document.addEventListener('keydown', (e) => {
  if ((e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) return;
  const target = e.target as HTMLElement;
  if (target.closest('input, select, textarea, canvas, [role="slider"], .section-figure, .question-choices, .label-picker')) return;
  const link = document.querySelector<HTMLAnchorElement>(e.key === 'ArrowLeft' ? '.section-nav a[rel="prev"]' : '.section-nav a[rel="next"]');
  if (link?.dataset.route) {
    e.preventDefault();
    navigate(link.dataset.route);
  }
});
window.addEventListener('popstate', () => {
  const { route, state } = readCourseHash(location.hash);
  store.set({ ...state, route, drawing: drawingOf(state, inkInput) });
});
// The skip link moves the focus to the section (its title) without touching the address, which holds the route.
$('skip-link').addEventListener('click', (e) => {
  e.preventDefault();
  const target = document.querySelector<HTMLElement>('#view .section-title') ?? $('view');
  target.focus();
  target.scrollIntoView({ block: 'start' });
});
$<HTMLSelectElement>('language').addEventListener('change', (e) => store.set({ language: (e.target as HTMLSelectElement).value as Language }));
store.watch(['route'], () => {
  void render().then(scrollToView);
});
store.watch(['language'], () => void render());
store.watch(['testImage'], (s) => {
  if (s.testImage >= 0 && s.testSet === null) void mnistSplit('test').then((testSet) => store.set({ testSet }));
});
if (store.state.testImage >= 0) void mnistSplit('test').then((testSet) => store.set({ testSet }));
// The model is small and nearly every section needs it: fetch it at once.
void pretrained().catch(() => undefined);

/** A read-only hook for the browser tests. */
(window as unknown as { digitlabCourse: object }).digitlabCourse = {
  input: () => {
    const pixels = inputPixels(store.state);
    return pixels && Array.from(pixels);
  },
  route: () => store.state.route,
  network: async () => {
    const net = await pretrained();
    return { sizes: net.sizes, weights: net.weights.map((w) => Array.from(w)), biases: net.biases.map((b) => Array.from(b)) };
  },
};

void render();
