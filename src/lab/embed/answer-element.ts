import { OutputBars } from '../components/output-bars.js';
import { FigureElement, INFERENCE_EVENT, type InferenceDetail } from './figure-element.js';
import type { NetworkElement } from './network-element.js';

/**
 * `<digitlab-answer for="net1">`: the answer of the `<digitlab-network id="net1">` — the
 * brightest output as a big digit, the ten output activations as bars, and a polite live
 * region that announces the answer when a stroke ends. Attribute: `lang`.
 */
export class AnswerElement extends FigureElement {
  static readonly observedAttributes = ['lang', 'for'];
  private bars!: OutputBars;
  private last: InferenceDetail | null = null;

  protected build(): void {
    const answer = document.createElement('div');
    answer.className = 'answer-digit';
    const live = document.createElement('p');
    live.className = 'visually-hidden';
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('aria-atomic', 'true');
    const host = document.createElement('div');
    host.setAttribute('role', 'group');
    this.append(answer, live, host);
    this.bars = new OutputBars(host, answer, live);
    this.bars.format = (v) => this.tr.num(v, 2);
    document.addEventListener(INFERENCE_EVENT, (e) => {
      if (this.getAttribute('for') === (e.target as Element).id) this.show((e as CustomEvent<InferenceDetail>).detail);
    });
  }

  protected update(): void {
    this.querySelector('[role="group"]')?.setAttribute('aria-label', this.tr.t('outputs'));
    // A network that answered before this element was connected: show its latest answer.
    const target = document.getElementById(this.getAttribute('for') ?? '') as NetworkElement | null;
    const detail = this.last ?? target?.lastInference ?? null;
    if (detail) this.show({ ...detail, final: false });
    else this.bars.render(null, null, this.tr.t('noAnswer'));
  }

  private show(d: InferenceDetail): void {
    this.last = d;
    const t = this.tr;
    this.bars.setClassNames(d.classNames);
    this.bars.render(d.hasInput ? d.outputs : null, d.hasInput ? d.answer : null, t.t('noAnswer'));
    if (d.final && d.hasInput) this.bars.announce(t.t('announce', { digit: d.classNames[d.answer] ?? String(d.answer), confidence: t.pct(d.outputs[d.answer]) }));
  }
}
