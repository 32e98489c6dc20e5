/**
 * The answer and the ten output bars: the brightest output neuron is the answer; every
 * bar's length is its activation. Bars and answer carry the data set's class names (digits,
 * or e.g. Fashion-MNIST's "Trouser"). The answer is announced to screen readers through a
 * polite live region; when is up to the page: the Lab, the embeddable answer and the course's
 * outputs section call `announce` only when the input settles (a stroke ends, an image is
 * picked), never on every frame of a stroke.
 */
export class OutputBars {
  private readonly answer: HTMLElement;
  private readonly live: HTMLElement;
  private readonly bars: HTMLElement[] = [];
  private readonly values: HTMLElement[] = [];
  private readonly names: HTMLElement[] = [];
  private readonly list: HTMLOListElement;
  private classNames: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
  /** How a bar's value is written (two decimals; a page may give its language's decimal mark). */
  format: (value: number) => string = (value) => value.toFixed(2);

  /** Fills `host` (bars) and uses `answer` for the big digit and `live` for announcements. */
  constructor(host: HTMLElement, answer: HTMLElement, live: HTMLElement) {
    this.answer = answer;
    this.live = live;
    const list = document.createElement('ol');
    this.list = list;
    list.className = 'output-bars';
    list.start = 0;
    for (let d = 0; d < 10; d++) {
      const item = document.createElement('li');
      const digit = document.createElement('span');
      digit.className = 'bar-digit';
      digit.textContent = this.classNames[d];
      this.names.push(digit);
      const track = document.createElement('span');
      track.className = 'bar-track';
      const bar = document.createElement('span');
      bar.className = 'bar';
      track.append(bar);
      const value = document.createElement('span');
      value.className = 'bar-value';
      item.append(digit, track, value);
      list.append(item);
      this.bars.push(bar);
      this.values.push(value);
    }
    host.append(list);
  }

  /** Labels the ten outputs with `names` (index = class); long names get a wider column. */
  setClassNames(names: readonly string[]): void {
    this.classNames = names;
    const named = names.some((n) => n.length > 1);
    this.list.classList.toggle('named', named);
    this.answer.classList.toggle('named', named);
    this.names.forEach((el, d) => (el.textContent = names[d] ?? String(d)));
  }

  /** Shows `outputs` (ten activations) and `answer`, or the empty state when null. */
  render(outputs: Float32Array | null, answer: number | null, emptyText: string): void {
    if (outputs === null || answer === null) {
      this.answer.textContent = '–';
      this.answer.title = emptyText;
      this.bars.forEach((b, d) => {
        b.style.transform = 'scaleX(0)';
        this.values[d].textContent = '';
      });
      return;
    }
    this.answer.textContent = this.classNames[answer] ?? String(answer);
    this.answer.dataset.answer = String(answer);
    this.bars.forEach((b, d) => {
      b.style.transform = `scaleX(${Math.max(0, Math.min(1, outputs[d])).toFixed(3)})`;
      b.classList.toggle('answer', d === answer);
      this.values[d].textContent = this.format(outputs[d]);
    });
  }

  /** Says `text` through the live region. */
  announce(text: string): void {
    this.live.textContent = text;
  }
}

/**
 * The answer panel: a heading, the big answer digit (#answer), a polite live region and the
 * ten bars, appended to `host`; `bars` is the bars' element (for `data-value`).
 */
export function answerPanel(host: HTMLElement, heading: string, barsLabel: string): { readonly view: OutputBars; readonly bars: HTMLElement; readonly live: HTMLElement } {
  const answer = document.createElement('div');
  answer.className = 'answer-digit';
  answer.textContent = '–';
  answer.id = 'answer';
  const live = document.createElement('p');
  live.className = 'visually-hidden';
  live.setAttribute('aria-live', 'polite');
  const bars = document.createElement('div');
  bars.setAttribute('role', 'group');
  bars.setAttribute('aria-label', barsLabel);
  const title = document.createElement('h3');
  title.textContent = heading;
  host.append(title, answer, live, bars);
  return { view: new OutputBars(bars, answer, live), bars, live };
}
