import type { Language } from './i18n.js';

/**
 * Puts a page's messages into its static HTML: `data-i18n="key"` sets an element's text,
 * `data-i18n-label` its aria-label, `data-i18n-title` its title; `<html lang>` follows.
 * `t` is the page's translator; keys it does not know are the page's mistake (the type of
 * its table keeps them honest in code, the browser tests in HTML).
 */
export function applyMessages(root: ParentNode, language: Language, t: (key: never) => string): void {
  const text = t as (key: string) => string;
  if (root instanceof Document) root.documentElement.lang = language;
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = text(el.dataset.i18n ?? '');
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) el.setAttribute('aria-label', text(el.dataset.i18nLabel ?? ''));
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) el.title = text(el.dataset.i18nTitle ?? '');
}
