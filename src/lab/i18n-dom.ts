import { format, type Language, type MessageKey } from './messages.js';

/**
 * Puts the language's messages into the static page: `data-i18n="key"` sets an element's
 * text, `data-i18n-label` its aria-label, `data-i18n-title` its title. Also sets <html lang>
 * and the document title.
 */
export function applyMessages(root: Document, language: Language): void {
  root.documentElement.lang = language;
  root.title = format(language, 'title');
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = format(language, el.dataset.i18n as MessageKey);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) el.setAttribute('aria-label', format(language, el.dataset.i18nLabel as MessageKey));
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) el.title = format(language, el.dataset.i18nTitle as MessageKey);
}
