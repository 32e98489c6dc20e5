import { el } from './figure-parts.js';

/** The words of one predict-then-reveal question, in the page's language. */
export interface PredictQuestionText {
  readonly prompt: string;
  readonly choices: readonly string[];
  /** Above the choices: "Your guess first:". */
  readonly guessPrompt: string;
  readonly yourGuess: (guess: string) => string;
  readonly numbersSay: (choice: string) => string;
  /** When the numbers fit none of the choices (a result judged −1). */
  readonly numbersSayNone: string;
  readonly right: string;
  readonly wrong: string;
  /** When the numbers do not separate the choices: no guess is wrong. */
  readonly undecided: string;
  /** While the result is not computed yet. */
  readonly computing: string;
  /** Under the reveal: the result follows the input. */
  readonly stillLive: string;
}

/**
 * Predict, then reveal: a prompt and its choices; the learner commits to one (a click, or
 * Enter/Space on a focused choice), after which the choices lock and the computed result
 * shows — which choice the numbers match, beside the guess, and the explanation with the
 * numbers in it; or, when the numbers do not separate the choices, that they do not (no guess
 * is wrong then); or, while there is no result, what the learner must do first. The result is
 * whatever `showResult` is given (judged elsewhere, from the numbers); it can change after the
 * answer, and the view follows. Locked choices stay focusable (aria-disabled, not disabled), so
 * the keyboard focus stays on the chosen one. The element carries `data-answered`,
 * `data-guess`, `data-result` (and `data-undecided`, `data-waiting`) for tests.
 */
export class PredictQuestion {
  readonly element: HTMLElement;
  private readonly buttons: HTMLButtonElement[] = [];
  private readonly outcome: HTMLElement;
  private guess: number | null = null;

  /** A question in `host`; `onAnswer(choice)` hears the learner's commitment (once). */
  constructor(
    host: HTMLElement,
    private readonly text: PredictQuestionText,
    private readonly onAnswer: (choice: number) => void,
  ) {
    this.element = el('section', 'predict-question');
    this.element.id = 'question';
    this.element.dataset.answered = 'false';
    const prompt = el('p', 'question-prompt', text.prompt);
    const choices = el('div', 'question-choices');
    choices.setAttribute('role', 'group');
    choices.setAttribute('aria-label', text.guessPrompt);
    text.choices.forEach((choice, i) => {
      const b = el('button', 'question-choice', choice);
      b.type = 'button';
      b.dataset.choice = String(i);
      b.setAttribute('aria-pressed', 'false');
      b.addEventListener('click', () => this.commit(i));
      this.buttons.push(b);
      choices.append(b);
    });
    this.outcome = el('div', 'question-outcome');
    this.outcome.setAttribute('aria-live', 'polite');
    this.element.append(el('p', 'question-label', text.guessPrompt), prompt, choices, this.outcome);
    host.append(this.element);
  }

  /** Shows `guess` as committed (e.g. remembered from before), without calling back. */
  setAnswered(guess: number): void {
    this.guess = guess;
    this.element.dataset.answered = 'true';
    this.element.dataset.guess = String(guess);
    this.buttons.forEach((b, i) => {
      b.setAttribute('aria-disabled', 'true');
      b.setAttribute('aria-pressed', String(i === guess));
    });
  }

  /**
   * The computed result: the choice the numbers match (−1: none), the explanation, and whether
   * the numbers leave it `undecided`; null while there is none — `waiting` then says what the
   * learner must do first (else: still computing).
   */
  showResult(result: { readonly choice: number; readonly reveal: string; readonly undecided?: boolean } | null, waiting: string | null = null): void {
    if (this.guess === null) return;
    const guess = this.guess;
    this.outcome.replaceChildren();
    this.outcome.append(el('p', 'question-guess', this.text.yourGuess(this.text.choices[guess] ?? '')));
    this.buttons.forEach((b) => b.classList.remove('is-result'));
    if (result === null) {
      delete this.element.dataset.result;
      delete this.element.dataset.undecided;
      if (waiting !== null) this.element.dataset.waiting = 'true';
      else delete this.element.dataset.waiting;
      this.outcome.append(el('p', waiting === null ? 'muted' : 'question-waiting', waiting ?? this.text.computing));
      return;
    }
    delete this.element.dataset.waiting;
    this.element.dataset.result = String(result.choice);
    if (result.undecided) {
      this.element.dataset.undecided = 'true';
      const verdict = el('p', 'question-verdict undecided');
      verdict.append(el('strong', '', this.text.undecided));
      this.outcome.append(verdict, el('p', 'question-reveal', result.reveal), el('p', 'muted', this.text.stillLive));
      return;
    }
    delete this.element.dataset.undecided;
    this.buttons.forEach((b, i) => b.classList.toggle('is-result', i === result.choice));
    const verdict = el('p', `question-verdict ${result.choice === guess ? 'right' : 'wrong'}`);
    if (result.choice < 0) verdict.append(el('strong', '', this.text.numbersSayNone));
    else verdict.append(el('strong', '', this.text.numbersSay(this.text.choices[result.choice] ?? '')), ' ', result.choice === guess ? this.text.right : this.text.wrong);
    this.outcome.append(verdict, el('p', 'question-reveal', result.reveal), el('p', 'muted', this.text.stillLive));
  }

  private commit(choice: number): void {
    if (this.guess !== null) return;
    this.setAnswered(choice);
    this.onAnswer(choice);
  }
}
