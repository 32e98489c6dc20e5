import type { Network } from '../../../core/network.js';
import type { Dataset } from '../../../data/dataset.js';
import type { Language, MessageValues } from '../../shared/i18n.js';
import type { PaletteName } from '../../shared/palette.js';
import type { SectionText } from './text/course-text.js';

/**
 * THE CONTRACT between the course's shell (/learn/) and a chapter module. A chapter module
 * (`chapter1/chapter.ts`, `chapter2/chapter.ts`, …) default-exports a `Chapter`; the shell
 * finds it through `chapters.ts` (one line per chapter: its id, its texts, its loader) and
 * loads it only when one of its sections is opened.
 *
 * Text. A chapter's words are `text/chapter<N>.<en|ru>.ts` (type `ChapterText`): a section's
 * text is `sections[<section id>]` — title, paragraphs (`$…$` is TeX), `try`, `question`
 * (prompt, choices, reveal) and `figure` (the figure's own labels, by key). The shell shows the
 * title, paragraphs, `try` and the question; the figure reads its labels with `ctx.f(key)`.
 * A `{name}` in a paragraph or the try-it line is filled from the section's `textValues`.
 * The order of sections is the order of the keys of `sections` in the text; the module's
 * `sections` list the same ids in the same order (a test checks both, and that the English and
 * Russian tables have the same keys and placeholders).
 *
 * Figure. `mount(host, ctx)` builds the live figure into `host` (an empty element) and returns
 * nothing or a promise. Everything it needs comes from `ctx`: the language's formatter, the
 * learner's digit, the pretrained network, the data, Workers, typesetting. It must not read
 * the URL or localStorage itself. When the learner leaves the section (or switches language:
 * the section is mounted afresh, in the new language) `ctx.signal` aborts: stop timers and
 * listeners there (`ctx.worker` Workers are terminated for you). State the figure wants to
 * keep across a language switch goes in `ctx.keep`.
 *
 * Numbers. Every number a figure shows is computed by the engine (src/core, src/experiments,
 * src/explain) on the real data — never typed into a text. Put each shown number's full value
 * in a `data-value` attribute of the element showing it (and a `data-name` naming it), so the
 * browser test reads exactly what the learner sees and recomputes it in Node.
 *
 * Question (predict, then reveal). A section with `question` in its text declares a
 * `Question<R>` here: `judge(result)` says which choice (index into the text's `choices`) the
 * computed result matches, and `values(result, ctx)` fills the reveal's `{name}`s. The figure
 * computes `R` from what the learner did and hands it to `ctx.question.report(result)` (again
 * whenever the input changes; `null` while it cannot be computed). The shell shows the prompt
 * and the choices; once the learner commits, it shows the result (which choice the numbers
 * match, beside the learner's guess) and the reveal with the numbers filled in, and keeps them
 * live as new results arrive. Until then every element the figure passed to
 * `ctx.question.hideUntilAnswered(...)` stays hidden (the part that would give the answer
 * away); `ctx.question.whenAnswered(cb)` runs `cb` at the answer (at once if it was answered
 * before a remount) — e.g. to start a long computation only after the guess.
 *
 * A question that needs the learner's digit reports `null` with a `waiting` text saying what to
 * do (`ctx.question.report(null, ctx.needDigit())`), so a section opened from a link with no
 * drawing asks for one and waits. After an answer the keyboard focus stays on the chosen
 * choice. A result its `undecided` calls too close is said so, not marked wrong.
 *
 * Progress. The shell marks a section done when its question is answered; a section without a
 * question calls `ctx.done()` when the learner has done what it asks (drawn, dragged, trained).
 * Only a call after the learner has acted in the section (a press, a key, a stroke, an edit)
 * counts: a figure that calls it while it first draws does not mark a mere visit done.
 * Done sections and the last section opened are remembered in localStorage.
 *
 * Browser test. Every section gets the URL `/learn/#<chapter id>/<section id>`; the page sets
 * `body[data-section="<chapter>/<section>"]` and, once `mount` has resolved,
 * `[data-figure-ready="true"]` on the figure's host (`#figure`) — so resolve `mount` as soon as
 * the figure is interactive and let long work (training) report later. The question's choices
 * are `#question button[data-choice="<i>"]`; after an answer `#question[data-result="<i>"]`
 * holds the judged choice (and `data-answered`). `window.digitlabCourse` (test hook) gives the
 * learner's current 784 input pixels (`input()`) and the pretrained network's parameters
 * (`network()`). A test draws with pointer events on `.learner-pad .draw-pad-canvas` (see
 * test/lab/pointer.ts). test/lab/course.test.ts walks every chapter listed in its `WALKED`
 * table, one build and one browser for all: a chapter adds its entry there with a `Walk` per
 * section (what the learner does, and each shown number recomputed in Node — see
 * test/lab/course-walk.ts for chapter 1 and course-engine.ts for the shared Node side); the
 * same test checks every section for specification codes, typeset formulas, no page errors,
 * phone width, and saves screenshots.
 *
 * Workers. A chapter's Worker is its own module file beside its sections (e.g.
 * `chapter2/train-worker.ts`), started through `ctx.worker` (see chapter1/race-worker.ts: it
 * gets MNIST through shared/data-loader.ts and the WebAssembly kernels through
 * shared/kernel-loader.ts, and runs the same src/train / src/experiments code as the CLI).
 */

/** The ids of the three chapters, in the source's order (the first part of a section's URL). */
export type ChapterId = 'network' | 'learning' | 'backprop';

/** Which full tool goes deeper. */
export type DeeperView = 'lab' | 'experiments' | 'explain' | 'digits';

/** A link to the full tool that goes deeper, with state where it helps. */
export interface Deeper {
  readonly view: DeeperView;
  /** The tool's hash (without '#' and without the language, which the shell adds), e.g. 'view=nudges' or 'test=3'. */
  readonly hash?: string;
  /** For Experiments: the panel's id (e.g. 'noise'). */
  readonly anchor?: string;
}

/** One section of a chapter: its id (matching its text), how to mount its figure, its question. */
export interface Section<R = unknown> {
  /** The URL's second part and the key of its text in `ChapterText.sections`. */
  readonly id: string;
  /** The full tool that goes deeper (a function when the link carries the learner's state). */
  readonly deeper: Deeper | ((ctx: SectionContext<R>) => Deeper);
  /** The CLI command that reproduces the figure, e.g. 'npx digitlab experiment noise' (null: none). */
  readonly cli: string | null;
  /**
   * Values for the `{name}`s of the section's paragraphs and try-it line, computed (e.g. the
   * parameter count from `parameterCount`): a text never types a number the engine computes.
   */
  textValues?(ctx: SectionContext<R>): MessageValues | Promise<MessageValues>;
  /** Present exactly when the section's text has a `question`. */
  readonly question?: Question<R>;
  /** Builds the live figure into `host`. */
  mount(host: HTMLElement, ctx: SectionContext<R>): void | Promise<void>;
}

/** How a question is judged from the figure's computed result. */
export interface Question<R> {
  /** Which choice (index into the text's `choices`) the computed result matches, decided from the numbers; −1 when it fits none (e.g. the learner moved the input far from the case asked about). */
  judge(result: R): number;
  /** The reveal's placeholders, formatted in the learner's language (`ctx.num`, `ctx.pct`, `ctx.words`). */
  values(result: R, ctx: SectionContext<R>): MessageValues;
  /**
   * True when the numbers do not separate the choices (a near-zero value, a tie within noise, a
   * race nobody finished): the verdict then says so, and no guess is marked wrong.
   */
  undecided?(result: R): boolean;
}

/** A chapter module's default export. */
export interface Chapter {
  readonly id: ChapterId;
  /** In the order of the text's sections. */
  readonly sections: readonly Section<never>[];
}

/** The figure's side of a question. */
export interface QuestionChannel<R> {
  /** The learner has committed to a choice (now or before this mount). */
  readonly answered: boolean;
  /**
   * The latest computed result; null while it cannot be computed — with `waiting`, what the
   * learner must do first (e.g. draw a digit), shown under their guess until the result comes.
   */
  report(result: R | null, waiting?: string): void;
  /** Hides these elements until the learner answers. */
  hideUntilAnswered(...elements: HTMLElement[]): void;
  /** Calls `cb` when the learner answers (at once if already answered). */
  whenAnswered(cb: () => void): void;
}

/** The learner's digit: drawn in chapter 1, kept for every later figure that takes an image. */
export interface LearnerDigit {
  /** The 784 input pixels (bytes, 255 = ink) the network sees: the drawing or the chosen test image; null before either. */
  readonly pixels: Uint8Array | null;
  /** The digit the learner says it is (0–9), the test image's true label, or null. */
  readonly label: number | null;
  /** Index of the test image used instead of a drawing, or −1. */
  readonly testImage: number;
  /** Calls `listener` after every change (pixels, label or test image); returns an unsubscribe function (also dropped at leave). */
  watch(listener: () => void): () => void;
  /** Calls `listener` when the digit settles — a stroke ends, a test image is chosen or loaded — not while the pen moves; returns an unsubscribe function (also dropped at leave). */
  watchSettled(listener: () => void): () => void;
  /**
   * A draw pad in `host` bound to the learner's digit, with Clear and Undo, a 0–9 label picker
   * when `withLabel`, and "use a test image instead" (a test picker) unless `testImages` is
   * false. A digit kept from an earlier section shows on it until a new stroke.
   */
  mountPad(host: HTMLElement, options?: { withLabel?: boolean; testImages?: boolean }): void;
  /** The learner's digit as a small picture with "draw again" and "use a test image instead", for later chapters' figures. */
  mountChooser(host: HTMLElement): void;
  /** Sets the label the learner says the digit is. */
  setLabel(label: number | null): void;
}

/** Everything a section's figure gets from the shell. */
export interface SectionContext<R = unknown> {
  readonly language: Language;
  /** This section's words in the learner's language. */
  readonly text: SectionText;
  /** The chapter's small words (`ChapterText.words`). */
  readonly words: Readonly<Record<string, string>>;
  /** The figure label `key` of this section's text (`text.figure[key]`), its `{name}`s filled. */
  f(key: string, values?: MessageValues): string;
  /** `n` with `digits` decimals in the language's style. */
  num(n: number, digits?: number): string;
  /** A fraction as a percentage in the language's style. */
  pct(x: number, digits?: number): string;
  /** An element showing `tex` typeset by KaTeX (inline, or display when `display`); it upgrades itself once KaTeX has loaded. */
  tex(tex: string, display?: boolean): HTMLElement;
  /** A text with `$…$` TeX in it, as a fragment of text and typeset formulas. */
  rich(text: string): DocumentFragment;
  readonly digit: LearnerDigit;
  /** The pretrained 784-16-16-10 network (models/pretrained.json), loaded once for the visit. Do not change it: copy it first. */
  model(): Promise<Network>;
  /** The 10,000 test images (MNIST), loaded once for the visit. */
  testSet(): Promise<Dataset>;
  /** The 60,000 training images (MNIST), loaded once (47 MB: prefer loading them in a Worker). */
  trainingSet(): Promise<Dataset>;
  /** The course's figure-error sentence naming what failed, for a part of a live figure whose load fails ("The figure could not be built: …"). */
  failed(error: unknown): string;
  /** Starts a Worker with `make` (which must say `new Worker(new URL('./x.ts', import.meta.url), { type: 'module' })`), terminated when the learner leaves. */
  worker(make: () => Worker): Worker;
  /** The question channel (a no-op one for sections without a question). */
  readonly question: QuestionChannel<R>;
  /** Marks the section done (for sections without a question), once the learner has acted in it. */
  done(): void;
  /** The address of a full tool (the Lab, Experiments, How it learns), in the learner's language. */
  toolHref(deeper: Deeper): string;
  /** What a figure that needs the learner's digit says while there is none, or while it has no label (`withLabel`): draw, or pick the label. Null when it has what it needs. */
  needDigit(withLabel?: boolean): string | null;
  /** A value kept for this section during the visit (survives a language switch and coming back): `init()` makes it the first time. */
  keep<T>(key: string, init: () => T): T;
  /** Aborted when the learner leaves the section (or the language changes). */
  readonly signal: AbortSignal;
  /** The weight colours the learner chose (green/red or blue/orange). */
  readonly palette: PaletteName;
  /** The learner asked for less motion: no animation, jump to the end. */
  readonly reducedMotion: boolean;
}
