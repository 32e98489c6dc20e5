import type { Language } from '../../../shared/i18n.js';
import type { ChapterText, SourceIdea } from './course-text.js';

/**
 * The course's words, loaded per language (small modules): each chapter's text and the map of
 * the source. Kept apart from chapters.ts, which also loads the chapters' figures, so that a
 * figure (the closing section) can read every chapter's words without an import cycle.
 */
const TEXTS: Readonly<Record<Language, readonly (() => Promise<ChapterText>)[]>> = {
  en: [() => import('./chapter1.en.js').then((m) => m.CHAPTER_1_EN), () => import('./chapter2.en.js').then((m) => m.CHAPTER_2_EN), () => import('./chapter3.en.js').then((m) => m.CHAPTER_3_EN)],
  ru: [() => import('./chapter1.ru.js').then((m) => m.CHAPTER_1_RU), () => import('./chapter2.ru.js').then((m) => m.CHAPTER_2_RU), () => import('./chapter3.ru.js').then((m) => m.CHAPTER_3_RU)],
};

/** The text of chapter `index` (0–2) in `language`. */
export function loadChapterText(language: Language, index: number): Promise<ChapterText> {
  return TEXTS[language][index]();
}

/** Every chapter's words in `language`, in order. */
export function loadCourseText(language: Language): Promise<ChapterText[]> {
  return Promise.all(TEXTS[language].map((load) => load()));
}

/** The map of the source in `language` (loaded with the map page). */
export function loadSourceMap(language: Language): Promise<readonly SourceIdea[]> {
  return import('./source-map.js').then((m) => (language === 'ru' ? m.SOURCE_MAP_RU : m.SOURCE_MAP_EN));
}
