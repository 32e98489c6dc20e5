import type { Language } from '../../shared/i18n.js';
import type { Deeper } from './chapter.js';

/** A link into the other pages (the Lab, Experiments, How it learns), with the language and the tool's state. */
export function toolHref(deeper: Deeper, language: Language | ''): string {
  const lang = language === '' ? '' : `lang=${language}`;
  const hash = [lang, deeper.hash ?? ''].filter((s) => s !== '').join('&');
  const page = deeper.view === 'lab' ? '../' : deeper.view === 'experiments' ? '../experiments.html' : '../explain/';
  return hash === '' ? page : `${page}#${hash}`;
}
