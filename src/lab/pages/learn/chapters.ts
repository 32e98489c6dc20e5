import type { Language } from '../../shared/i18n.js';
import type { Chapter, ChapterId } from './chapter.js';
import type { ChapterText } from './text/course-text.js';
import { loadChapterText, loadCourseText, loadSourceMap } from './text/load.js';

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
  { id: 'network', text: { en: () => loadChapterText('en', 0), ru: () => loadChapterText('ru', 0) }, figures: () => import('./chapter1/chapter.js').then((m) => m.default) },
  { id: 'learning', text: { en: () => loadChapterText('en', 1), ru: () => loadChapterText('ru', 1) }, figures: () => import('./chapter2/chapter.js').then((m) => m.default) },
  { id: 'backprop', text: { en: () => loadChapterText('en', 2), ru: () => loadChapterText('ru', 2) }, figures: () => import('./chapter3/chapter.js').then((m) => m.default) },
];

export { loadCourseText, loadSourceMap };
