import type { HashIssue } from '../shared/hash-codec.js';
import type { Language } from '../shared/i18n.js';

/** A page's address notice, shown (and re-worded) on demand. */
export interface LazyNotice {
  show(language: Language): void;
}

/**
 * The address notice of a page whose address held `issues`, in `host`: its code (the
 * component and its en/ru reasons) loads only when there is something to say, so a clean
 * link costs the page nothing.
 */
export function lazyNotice(host: HTMLElement, issues: readonly HashIssue[]): LazyNotice {
  if (issues.length === 0) return { show: () => {} };
  const notice = import('./state-notice.js').then(({ StateNotice }) => new StateNotice(host));
  return { show: (language) => void notice.then((n) => n.show(issues, language)) };
}
