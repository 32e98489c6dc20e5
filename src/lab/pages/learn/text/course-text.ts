/**
 * The course's words: one table per chapter and language. Figures fill `{name}` with numbers
 * the engine computed (never typed here); `$…$` is TeX, typeset with KaTeX. A question's
 * right choice is decided by the figure's computed result, not by this text.
 */

/** A predict-then-reveal question: the learner picks a choice before the figure shows the truth. */
export interface QuestionText {
  /** What the learner is asked, before anything is shown. */
  readonly prompt: string;
  /** The answers offered. */
  readonly choices: readonly string[];
  /** Shown after the guess, with the computed numbers filled in. */
  readonly reveal: string;
}

/** One section: a few short paragraphs, what to do with the figure, at most one question. */
export interface SectionText {
  readonly title: string;
  readonly paragraphs: readonly string[];
  /** What the learner is invited to do with the figure. */
  readonly try?: string;
  readonly question?: QuestionText;
  /**
   * The figure's own words (labels, buttons, captions), by key, with `{name}` placeholders;
   * the English and Russian tables of a section have the same keys (a test checks).
   */
  readonly figure?: Readonly<Record<string, string>>;
}

/** One chapter of the course in one language. */
export interface ChapterText {
  readonly title: string;
  readonly intro: string;
  readonly sections: Readonly<Record<string, SectionText>>;
  /** Small words the figures substitute into `{name}` (a side, a direction, a reason). */
  readonly words?: Readonly<Record<string, string>>;
}

/** One idea of the source document, in its order, with where the course and the tools show it. */
export interface SourceIdea {
  /** The idea in plain words. */
  readonly idea: string;
  /** `chapter/section` of the course that teaches it. */
  readonly section: string;
  /** The full tool that goes deeper: 'lab', 'experiments' or 'explain'. */
  readonly view: 'lab' | 'experiments' | 'explain';
}
