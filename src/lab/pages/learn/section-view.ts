import { el } from '../../components/figure-parts.js';
import { PredictQuestion } from '../../components/predict-question.js';
import { fill, type Language, type MessageValues, Translator } from '../../shared/i18n.js';
import type { Store } from '../../shared/store.js';
import type { Chapter, Deeper, QuestionChannel, Section, SectionContext } from './chapter.js';
import { courseHash } from './course-state.js';
import type { CoursePageState } from './course-store.js';
import { COURSE_MESSAGES, type CourseKey } from './messages.js';
import { markDone, storeAnswer, storedAnswer } from './progress.js';
import { richText } from './rich-text.js';
import { sectionContext } from './section-context.js';
import { toolHref } from './tool-links.js';
import type { ChapterText } from './text/course-text.js';

/** Where a section sits in the course, for the view. */
export interface SectionPlace {
  readonly chapterIndex: number;
  readonly chapterText: ChapterText;
  readonly sectionIndex: number;
  readonly sectionId: string;
  readonly route: string;
  /** Routes of the sections before and after (null at the ends). */
  readonly previous: string | null;
  readonly next: string | null;
}

export { toolHref } from './tool-links.js';

/** Every `{name}` of `texts` as '…': what the text shows while its values are computed. */
function pending(texts: readonly string[]): MessageValues {
  return Object.fromEntries(texts.flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], '…'])));
}

const VIEW_KEY: Readonly<Record<Deeper['view'], CourseKey>> = { lab: 'viewLab', experiments: 'viewExperiments', explain: 'viewExplain', digits: 'viewDigits' };

/** A question channel, wired to the question view once the section has one. */
class Channel<R> implements QuestionChannel<R> {
  answered = false;
  private readonly hidden: HTMLElement[] = [];
  private readonly waiting: (() => void)[] = [];
  latest: R | null = null;
  /** What the learner must do before there can be a result (null: nothing, or computing). */
  need: string | null = null;
  onReport: (result: R | null) => void = () => {};

  report(result: R | null, waiting?: string): void {
    this.latest = result;
    this.need = result === null ? (waiting ?? null) : null;
    this.onReport(result);
  }

  hideUntilAnswered(...elements: HTMLElement[]): void {
    for (const e of elements) {
      e.hidden = !this.answered;
      e.dataset.hiddenUntilAnswered = 'true';
      this.hidden.push(e);
    }
  }

  whenAnswered(cb: () => void): void {
    if (this.answered) cb();
    else this.waiting.push(cb);
  }

  answer(): void {
    this.answered = true;
    for (const e of this.hidden) e.hidden = false;
    for (const cb of this.waiting.splice(0)) cb();
  }
}

/**
 * One section of the course: where it is, its title and paragraphs (TeX typeset), the live
 * figure mounted from its chapter module, the try-it line, the question, the link that goes
 * deeper and the CLI command, and previous / next. Returns when the figure is live (or failed).
 */
export async function renderSection(
  host: HTMLElement,
  place: SectionPlace,
  chapter: Chapter | null,
  store: Store<CoursePageState>,
  language: Language,
  signal: AbortSignal,
  onDone: (route: string) => void,
): Promise<void> {
  const tr = new Translator(COURSE_MESSAGES, language);
  const text = place.chapterText.sections[place.sectionId];
  const count = Object.keys(place.chapterText.sections).length;
  const chapterName = `${tr.t('chapterN', { n: place.chapterIndex + 1 })}. ${place.chapterText.title}`;
  const article = el('article', 'course-section');
  article.dataset.route = place.route;
  article.append(el('p', 'section-place', tr.t('sectionOf', { chapter: chapterName, n: place.sectionIndex + 1, count })));
  const title = el('h2', 'section-title', text.title);
  title.tabIndex = -1;
  article.append(title);
  const body = el('div', 'section-text');
  const tryIt = el('p', 'try');
  const writeText = (values: MessageValues): void => {
    body.replaceChildren();
    for (const paragraph of text.paragraphs) {
      const p = el('p');
      p.append(richText(fill(paragraph, values)));
      body.append(p);
    }
    tryIt.replaceChildren();
    if (text.try) tryIt.append(el('strong', '', `${tr.t('tryIt')}: `), richText(fill(text.try, values)));
  };
  article.append(body);
  if (text.try) article.append(tryIt);
  const figure = el('div', 'section-figure');
  figure.id = 'figure';
  figure.dataset.figureReady = 'false';
  article.append(figure);
  const questionHost = el('div', 'question-host');
  article.append(questionHost);
  const deeper = el('aside', 'deeper');
  article.append(deeper);
  article.append(sectionNav(place, store, tr));
  host.replaceChildren(article);

  const section = (chapter?.sections.find((s) => s.id === place.sectionId) ?? null) as Section<unknown> | null;
  const channel = new Channel<unknown>();
  const markSection = (): void => {
    if (markDone(place.route)) onDone(place.route);
  };
  // A figure's done() counts only after the learner has acted in the section: opening it is not doing it.
  let acted = false;
  const act = (e: Event): void => {
    if (e instanceof KeyboardEvent && ['Tab', 'Shift', 'Control', 'Alt', 'Meta', 'Escape'].includes(e.key)) return;
    acted = true;
  };
  for (const type of ['pointerdown', 'keydown', 'input', 'change']) article.addEventListener(type, act, { capture: true, signal });
  // Pointing at the figure is acting too ("point at a row of W").
  figure.addEventListener('pointermove', act, { capture: true, signal });
  const done = (): void => {
    if (acted) markSection();
  };
  let ctx: SectionContext<unknown> | null = null;
  if (section !== null) {
    ctx = sectionContext({ route: place.route, language, chapter: place.chapterText, section, store, question: channel, signal, done, drawAgainHref: courseHash('network/pixels', store.state) });
    if (text.question && section.question) mountQuestion(questionHost, place.route, text.question, section.question, channel, ctx, tr, markSection);
    showDeeper(deeper, section, ctx, store.state.language, tr);
    const values = section.textValues?.(ctx) ?? {};
    if (values instanceof Promise) {
      writeText(pending([...text.paragraphs, text.try ?? '']));
      void values.then((v) => signal.aborted || writeText(v));
    } else writeText(values);
  } else {
    writeText({});
    figure.append(el('p', 'muted', tr.t('figureComing')));
  }
  if (section === null || ctx === null) {
    figure.dataset.figureReady = 'true';
    return;
  }
  figure.append(el('p', 'muted figure-loading', tr.t('loadingFigure')));
  try {
    const mounting = el('div', 'figure-body');
    const promise = section.mount(mounting, ctx);
    await promise;
    if (signal.aborted) return;
    figure.replaceChildren(mounting);
  } catch (error) {
    if (signal.aborted) return;
    figure.replaceChildren(el('p', 'error', tr.t('figureFailed', { message: error instanceof Error ? error.message : String(error) })));
  }
  figure.dataset.figureReady = 'true';
}

function mountQuestion<R>(
  host: HTMLElement,
  route: string,
  text: NonNullable<ChapterText['sections'][string]['question']>,
  question: NonNullable<Section<R>['question']>,
  channel: Channel<R>,
  ctx: SectionContext<R>,
  tr: Translator<CourseKey>,
  done: () => void,
): void {
  const view = new PredictQuestion(
    host,
    {
      prompt: text.prompt,
      choices: text.choices,
      guessPrompt: tr.t('guessPrompt'),
      yourGuess: (guess) => tr.t('yourGuess', { guess }),
      numbersSay: (choice) => tr.t('numbersSay', { choice }),
      numbersSayNone: tr.t('numbersSayNone'),
      right: tr.t('guessRight'),
      wrong: tr.t('guessWrong'),
      undecided: tr.t('numbersUndecided'),
      computing: tr.t('computing'),
      stillLive: tr.t('stillLive'),
    },
    (choice) => {
      storeAnswer(route, choice);
      channel.answer();
      show(channel.latest);
      done();
    },
  );
  const show = (result: R | null): void => {
    view.showResult(result === null ? null : { choice: question.judge(result), reveal: fill(text.reveal, question.values(result, ctx)), undecided: question.undecided?.(result) ?? false }, channel.need);
  };
  channel.onReport = (result) => {
    if (channel.answered) show(result);
  };
  const before = storedAnswer(route);
  if (before !== null) {
    view.setAnswered(before);
    channel.answer();
    show(channel.latest);
  }
}

function showDeeper<R>(host: HTMLElement, section: Section<R>, ctx: SectionContext<R>, language: Language | '', tr: Translator<CourseKey>): void {
  const deeper = typeof section.deeper === 'function' ? section.deeper(ctx) : section.deeper;
  const link = el('a', 'deeper-link', tr.t('deeper', { view: tr.t(VIEW_KEY[deeper.view]) }));
  link.href = toolHref(deeper, language);
  link.dataset.view = deeper.view;
  host.append(link);
  if (section.cli !== null) {
    const cli = el('p', 'cli');
    cli.append(el('span', 'muted', tr.t('cli')), ' ', el('code', '', section.cli));
    host.append(cli);
  }
}

function sectionNav(place: SectionPlace, store: Store<CoursePageState>, tr: Translator<CourseKey>): HTMLElement {
  const nav = el('nav', 'section-nav');
  const link = (route: string | null, key: CourseKey, rel: string): HTMLElement => {
    if (route === null) return el('span');
    const a = el('a', `nav-${rel}`, tr.t(key));
    a.href = courseHash(route, store.state);
    a.dataset.route = route;
    a.rel = rel;
    return a;
  };
  nav.append(link(place.previous, 'previous', 'prev'), link(place.next, 'next', 'next'));
  nav.append(el('p', 'muted keyboard-hint', tr.t('keyboardHint')));
  return nav;
}
