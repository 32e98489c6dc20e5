import { fill, type Language, type MessageValues, Translator } from '../../shared/i18n.js';
import type { Store } from '../../shared/store.js';
import type { LearnerDigit, QuestionChannel, Section, SectionContext } from './chapter.js';
import { type CoursePageState, inputLabel, inputPixels } from './course-store.js';
import { mountDigitChooser, mountDigitPad } from './digit-input.js';
import { COURSE_MESSAGES } from './messages.js';
import { mnistSplit, pretrained } from './resources.js';
import { richText, texElement } from './rich-text.js';
import type { ChapterText } from './text/course-text.js';
import { toolHref } from './tool-links.js';

/** Values a section keeps for the visit, by route and key. */
const kept = new Map<string, unknown>();

/** What the section view gives the context it builds. */
export interface ContextParts<R> {
  readonly route: string;
  readonly language: Language;
  readonly chapter: ChapterText;
  readonly section: Section<R>;
  readonly store: Store<CoursePageState>;
  readonly question: QuestionChannel<R>;
  readonly signal: AbortSignal;
  readonly done: () => void;
  /** Where "draw again" leads (the first section, with the learner's state). */
  readonly drawAgainHref: string;
}

/** The learner's digit seen through the course store, for one mount. */
function learnerDigit(parts: ContextParts<unknown>): LearnerDigit {
  const { store, signal } = parts;
  const tr = new Translator(COURSE_MESSAGES, parts.language);
  return {
    get pixels() {
      return inputPixels(store.state);
    },
    get label() {
      return inputLabel(store.state);
    },
    get testImage() {
      return store.state.testImage;
    },
    watch(listener) {
      const stop = store.watch(['drawing', 'label', 'testImage', 'testSet'], () => listener());
      signal.addEventListener('abort', stop);
      return stop;
    },
    watchSettled(listener) {
      const stop = store.watch(['strokes', 'digit', 'testImage', 'testSet'], () => listener());
      signal.addEventListener('abort', stop);
      return stop;
    },
    mountPad: (host, options = {}) => mountDigitPad(host, store, tr, signal, options),
    mountChooser: (host) => mountDigitChooser(host, store, tr, signal, parts.drawAgainHref),
    setLabel: (label) => store.set({ label: label ?? -1 }),
  };
}

/** The context a section's figure is mounted with. */
export function sectionContext<R>(parts: ContextParts<R>): SectionContext<R> {
  const text = parts.chapter.sections[parts.section.id];
  const number = new Translator(COURSE_MESSAGES, parts.language);
  const workers: Worker[] = [];
  parts.signal.addEventListener('abort', () => workers.forEach((w) => w.terminate()));
  const context: SectionContext<R> = {
    language: parts.language,
    text,
    words: parts.chapter.words ?? {},
    f: (key: string, values?: MessageValues) => fill(text.figure?.[key] ?? key, values),
    num: number.num,
    pct: number.pct,
    tex: texElement,
    rich: richText,
    digit: learnerDigit(parts as ContextParts<unknown>),
    model: pretrained,
    testSet: () => mnistSplit('test'),
    trainingSet: () => mnistSplit('train'),
    failed: (error) => number.t('figureFailed', { message: error instanceof Error ? error.message : String(error) }),
    worker: (make) => {
      const worker = make();
      workers.push(worker);
      if (parts.signal.aborted) worker.terminate();
      return worker;
    },
    question: parts.question,
    done: parts.done,
    toolHref: (deeper) => toolHref(deeper, parts.store.state.language),
    needDigit: (withLabel = false) => {
      if (inputPixels(parts.store.state) === null) return number.t(withLabel ? 'needDigitAndLabel' : 'needDigit');
      if (withLabel && inputLabel(parts.store.state) === null) return number.t('needLabel');
      return null;
    },
    keep: <T>(key: string, init: () => T): T => {
      const id = `${parts.route}:${key}`;
      if (!kept.has(id)) kept.set(id, init());
      return kept.get(id) as T;
    },
    signal: parts.signal,
    palette: parts.store.state.palette,
    reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
  };
  return context;
}
