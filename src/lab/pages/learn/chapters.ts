import type { Language } from '../../shared/i18n.js';
import type { Chapter, ChapterId } from './chapter.js';
import type { ChapterText, SourceIdea } from './text/course-text.js';

/**
 * The course's chapters in the source's order: each one's id (the URL's first part), its
 * words per language (small modules, loaded for the learner's language only) and its figures'
 * module (loaded when one of its sections opens; null while the chapter's figures are not
 * built — the shell then shows the text alone). To plug a chapter in, set its `figures`.
 */
export interface ChapterEntry {
  readonly id: ChapterId;
  readonly text: Readonly<Record<Language, () => Promise<ChapterText>>>;
  readonly figures: (() => Promise<Chapter>) | null;
}

/** The three chapters. */
export const CHAPTERS: readonly ChapterEntry[] = [
  {
    id: 'network',
    text: { en: () => import('./text/chapter1.en.js').then((m) => m.CHAPTER_1_EN), ru: () => import('./text/chapter1.ru.js').then((m) => m.CHAPTER_1_RU) },
    figures: () => import('./chapter1/chapter.js').then((m) => m.default),
  },
  {
    id: 'learning',
    text: { en: () => import('./text/chapter2.en.js').then((m) => m.CHAPTER_2_EN), ru: () => import('./text/chapter2.ru.js').then((m) => m.CHAPTER_2_RU) },
    figures: () => import('./chapter2/chapter.js').then((m) => m.default),
  },
  {
    id: 'backprop',
    text: { en: () => import('./text/chapter3.en.js').then((m) => m.CHAPTER_3_EN), ru: () => import('./text/chapter3.ru.js').then((m) => m.CHAPTER_3_RU) },
    figures: () => import('./chapter3/chapter.js').then((m) => m.default),
  },
];

/** The map of the source in `language` (loaded with the map page). */
export function loadSourceMap(language: Language): Promise<readonly SourceIdea[]> {
  return import('./text/source-map.js').then((m) => (language === 'ru' ? m.SOURCE_MAP_RU : m.SOURCE_MAP_EN));
}

/** Every chapter's words in `language`, in order. */
export function loadCourseText(language: Language): Promise<ChapterText[]> {
  return Promise.all(CHAPTERS.map((c) => c.text[language]()));
}
