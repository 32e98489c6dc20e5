import { el } from '../../components/figure-parts.js';
import type { Translator } from '../../shared/i18n.js';
import { CHAPTERS } from './chapters.js';
import type { CourseKey } from './messages.js';
import type { ChapterText, SourceIdea } from './text/course-text.js';

/**
 * The course's pages other than a section: the contents (chapters and their sections, done
 * ones marked), the start page (with the offer to continue) and the map of the source. Links
 * carry `data-route`; the shell turns a click into a move (with the learner's state).
 */
type Tr = Translator<CourseKey>;

/** A link to a course route. */
export function routeLink(route: string, text: string, className = ''): HTMLAnchorElement {
  const a = el('a', className, text);
  a.href = `#${route}`;
  a.dataset.route = route;
  return a;
}

/** Every section's route in course order, with its chapter's index. */
export function allRoutes(texts: readonly ChapterText[]): string[] {
  return texts.flatMap((text, i) => Object.keys(text.sections).map((id) => `${CHAPTERS[i].id}/${id}`));
}

/** The title of the section at `route`, or null. */
export function sectionTitle(texts: readonly ChapterText[], route: string): string | null {
  const [chapter, section] = route.split('/');
  const i = CHAPTERS.findIndex((c) => c.id === chapter);
  return i < 0 ? null : (texts[i].sections[section]?.title ?? null);
}

/** The contents: chapters in order, each with its sections; the current one marked, done ones ticked. */
export function contents(texts: readonly ChapterText[], current: string, done: ReadonlySet<string>, tr: Tr): HTMLElement {
  const nav = el('nav', 'contents');
  nav.setAttribute('aria-label', tr.t('contents'));
  const list = el('ol', 'chapters');
  texts.forEach((text, i) => {
    const item = el('li');
    item.append(el('span', 'chapter-name', `${tr.t('chapterN', { n: i + 1 })}. ${text.title}`));
    const sections = el('ol', 'sections');
    for (const [id, section] of Object.entries(text.sections)) {
      const route = `${CHAPTERS[i].id}/${id}`;
      const li = el('li');
      const a = routeLink(route, section.title);
      if (route === current) a.setAttribute('aria-current', 'page');
      if (done.has(route)) {
        a.classList.add('done');
        a.append(el('span', 'visually-hidden', ` (${tr.t('doneMark')})`));
      }
      li.append(a);
      sections.append(li);
    }
    item.append(sections);
    list.append(item);
  });
  const home = routeLink('', tr.t('courseStart'), 'contents-home');
  const map = routeLink('map', tr.t('mapLink'), 'contents-map');
  if (current === '') home.setAttribute('aria-current', 'page');
  if (current === 'map') map.setAttribute('aria-current', 'page');
  nav.append(home, list, map);
  return nav;
}

/** The start page: what the course is, the offer to continue (when there is a last section), the chapters. */
export function startPage(texts: readonly ChapterText[], last: string | null, tr: Tr): HTMLElement {
  const page = el('article', 'course-start');
  page.append(el('h2', 'section-title', tr.t('heading')), el('p', 'lead', tr.t('tagline')));
  const lastTitle = last === null ? null : sectionTitle(texts, last);
  if (last !== null && lastTitle !== null) {
    const offer = el('div', 'continue-offer');
    offer.id = 'continue-offer';
    offer.append(el('p', '', tr.t('continueOffer', { section: lastTitle })), routeLink(last, tr.t('continue'), 'button primary'), ' ', routeLink(allRoutes(texts)[0], tr.t('startOver'), 'button'));
    page.append(offer);
  } else {
    page.append(routeLink(allRoutes(texts)[0], tr.t('start'), 'button primary start'));
  }
  const chapters = el('ol', 'start-chapters');
  texts.forEach((text, i) => {
    const item = el('li');
    const first = `${CHAPTERS[i].id}/${Object.keys(text.sections)[0]}`;
    const h = el('h3');
    h.append(routeLink(first, `${tr.t('chapterN', { n: i + 1 })}. ${text.title}`));
    item.append(h, el('p', '', text.intro));
    chapters.append(item);
  });
  page.append(chapters, routeLink('map', tr.t('mapLink'), 'map-link'));
  return page;
}

/** The map of the source: every idea in order, with its section and the tool that goes deeper. */
export function mapPage(ideas: readonly SourceIdea[], texts: readonly ChapterText[], toolHref: (view: SourceIdea['view']) => string, tr: Tr): HTMLElement {
  const page = el('article', 'source-map');
  page.append(el('h2', 'section-title', tr.t('mapTitle')), el('p', 'lead', tr.t('mapIntro')));
  const list = el('ol', 'ideas');
  const viewKey = { lab: 'toolLab', experiments: 'toolExperiments', explain: 'toolExplain' } as const;
  for (const idea of ideas) {
    const item = el('li');
    item.dataset.section = idea.section;
    const where = el('p', 'idea-links');
    where.append(el('span', 'muted', `${tr.t('mapSection')}: `), routeLink(idea.section, sectionTitle(texts, idea.section) ?? idea.section));
    const tool = el('a', 'idea-tool', tr.t(viewKey[idea.view]));
    tool.href = toolHref(idea.view);
    where.append(el('span', 'muted', ` · ${tr.t('mapView')}: `), tool);
    item.append(el('p', 'idea', idea.idea), where);
    list.append(item);
  }
  page.append(list);
  return page;
}
