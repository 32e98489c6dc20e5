import type { Language } from '../../shared/i18n.js';
import type { Deeper } from './chapter.js';

/** Each page's address, relative to the course's. */
const PAGES: Readonly<Record<Deeper['view'], string>> = { lab: '../', experiments: '../experiments.html', explain: '../explain/', digits: '../digits/' };

/** A link into the other pages (the Lab, Experiments, How it learns, Your handwriting), with the language and the tool's state. */
export function toolHref(deeper: Deeper, language: Language | ''): string {
  const lang = language === '' ? '' : `lang=${language}`;
  const hash = [lang, deeper.hash ?? ''].filter((s) => s !== '').join('&');
  const page = PAGES[deeper.view];
  return hash === '' ? page : `${page}#${hash}`;
}
