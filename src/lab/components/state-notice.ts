import type { HashIssue } from '../shared/hash-codec.js';
import { issueText, noticeMessages } from '../shared/hash-messages.js';
import type { Language } from '../shared/i18n.js';

/**
 * The notice a page shows when its address held keys it did not take as written: one line
 * per key, naming the key, its value and why ("layers=0 ignored: a layer needs 1–4,096
 * neurons"), so a broken or hand-edited link is never silently something else. Hidden
 * when there is nothing to say; a close button dismisses it.
 */
export class StateNotice {
  private issues: readonly HashIssue[] = [];
  private dismissed = false;

  /** Draws into `host` (a polite status region). */
  constructor(private readonly host: HTMLElement) {
    host.classList.add('state-notice');
    host.setAttribute('role', 'status');
    host.hidden = true;
  }

  /** Shows `issues` in `language` (again after a language switch). */
  show(issues: readonly HashIssue[], language: Language): void {
    this.issues = issues;
    this.host.hidden = this.dismissed || issues.length === 0;
    this.host.dataset.keys = issues.map((i) => i.key).join(' ');
    if (issues.length === 0) {
      this.host.replaceChildren();
      return;
    }
    const tr = noticeMessages(language);
    const heading = document.createElement('p');
    heading.textContent = tr.t('noticeHeading');
    const list = document.createElement('ul');
    for (const issue of issues) {
      const item = document.createElement('li');
      item.dataset.key = issue.key;
      item.textContent = issueText(tr, issue);
      list.append(item);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.textContent = '×';
    close.setAttribute('aria-label', tr.t('dismiss'));
    close.addEventListener('click', () => {
      this.dismissed = true;
      this.host.hidden = true;
    });
    this.host.replaceChildren(close, heading, list);
  }

  /** The issues shown. */
  get shown(): readonly HashIssue[] {
    return this.issues;
  }
}
