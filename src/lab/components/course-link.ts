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

/** The course invitation that courseInvite shows: its element, and how to say it in another language. */
export interface CourseInvite {
  readonly element: HTMLElement;
  /** Says the invitation in `language`, its link leading to the course in `chosen` (the page's language switch calls it). */
  setLanguage(chosen: Language | '', language: Language): void;
}

/**
 * The Lab's invitation to the course, shown on a browser's first visit only (remembered in
 * localStorage) and dismissible: a short line and a link, prepended to `host` (the Lab's
 * notices at the bottom of the window). Returns it, or null when it is not shown.
 */
export function courseInvite(host: HTMLElement, root: string, chosen: Language | '', language: Language): CourseInvite | null {
  let seen: string | null = null;
  try {
    seen = localStorage.getItem(INVITED);
    localStorage.setItem(INVITED, seen ?? 'shown');
  } catch {
    return null;
  }
  if (seen !== null) return null;
  const box = el('aside', 'course-invite');
  box.id = 'course-invite';
  const line = el('p', '');
  const go = el('a', 'button primary');
  const dismiss = el('button', '');
  dismiss.type = 'button';
  dismiss.addEventListener('click', () => {
    box.remove();
    try {
      localStorage.setItem(INVITED, 'dismissed');
    } catch {
      // Gone for this visit at least.
    }
  });
  box.append(line, go, dismiss);
  host.prepend(box);
  const invite: CourseInvite = {
    element: box,
    setLanguage(chosenNow, languageNow) {
      const t = COURSE_LINK_MESSAGES[languageNow];
      line.textContent = t.invite;
      go.textContent = t.start;
      go.href = courseHref(root, chosenNow);
      dismiss.textContent = t.dismiss;
    },
  };
  invite.setLanguage(chosen, language);
  return invite;
}
