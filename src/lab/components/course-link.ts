import type { Language } from '../shared/i18n.js';
import { COURSE_LINK_MESSAGES } from './course-link-messages.js';
import { el } from './figure-parts.js';
import './course-link.css';

/** Where the Lab remembers that the invitation was shown or dismissed. */
const INVITED = 'digitlab.course.invited';

/** The course's address from a page at `root` (the Lab's root, e.g. './' or '../'), in `language` when chosen. */
export function courseHref(root: string, language: Language | ''): string {
  return `${root}learn/${language ? `#lang=${language}` : ''}`;
}

/** Makes `link` the header's link to the course (text and address in `language`). */
export function showCourseLink(link: HTMLAnchorElement, root: string, chosen: Language | '', language: Language): void {
  link.textContent = COURSE_LINK_MESSAGES[language].link;
  link.href = courseHref(root, chosen);
}

/** A new header link to the course. */
export function courseLink(root: string, chosen: Language | '', language: Language): HTMLAnchorElement {
  const link = el('a', 'experiments-link course-link');
  link.id = 'course-link';
  showCourseLink(link, root, chosen, language);
  return link;
}

/**
 * The Lab's invitation to the course, shown on a browser's first visit only (remembered in
 * localStorage) and dismissible: a short line and a link, prepended to `host` (the Lab's
 * notices at the bottom of the window). Returns the element, or null when it is not shown.
 */
export function courseInvite(host: HTMLElement, root: string, chosen: Language | '', language: Language): HTMLElement | null {
  let seen: string | null = null;
  try {
    seen = localStorage.getItem(INVITED);
    localStorage.setItem(INVITED, seen ?? 'shown');
  } catch {
    return null;
  }
  if (seen !== null) return null;
  const t = COURSE_LINK_MESSAGES[language];
  const box = el('aside', 'course-invite');
  box.id = 'course-invite';
  const go = el('a', 'button primary', t.start);
  go.href = courseHref(root, chosen);
  const dismiss = el('button', '', t.dismiss);
  dismiss.type = 'button';
  dismiss.addEventListener('click', () => {
    box.remove();
    try {
      localStorage.setItem(INVITED, 'dismissed');
    } catch {
      // Gone for this visit at least.
    }
  });
  box.append(el('p', '', t.invite), go, dismiss);
  host.prepend(box);
  return box;
}
