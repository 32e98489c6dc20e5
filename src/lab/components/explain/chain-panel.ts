import { type ChainResult, explainChain } from '../../../explain/chain.js';
import { applyMessages } from '../../shared/i18n-dom.js';
import type { Translator } from '../../shared/i18n.js';
import { loadKatex, typesetInto } from '../../shared/typeset.js';
import { onResize } from '../canvas-text.js';
import type { StateView } from '../../shared/store.js';
import type { ExplainKey } from './messages.js';

/** What the chain-rule panel shows: w(1..3), b(1..3), the input a(0), the target y and how far the step-through is. */
export interface ChainState {
  weights: number[];
  biases: number[];
  input: number;
  target: number;
  chainStep: number;
}

/** One stop of the step-through: a heading and a formula with the live numbers. */
interface ChainStop {
  readonly title: string;
  readonly tex: string;
  /** Extra text under the formula (the numerical check). */
  readonly note?: string;
  readonly id: string;
}

/**
 * The chain-rule panel: one neuron per layer with editable w, b, input and target.
 * A diagram of the four neurons (brightness = activation), then a step-through: the forward
 * pass layer by layer, the cost, and every derivative as the product of its chain-rule
 * factors with their live numbers (KaTeX), beside its central finite difference.
 */
export class ChainPanel {
  private result: ChainResult;
  private readonly inputs: HTMLInputElement[] = [];

  /** Builds the panel inside `root`, showing and changing `store`'s chain settings. */
  constructor(
    private readonly root: HTMLElement,
    private readonly store: StateView<ChainState>,
    private tr: Translator<ExplainKey>,
  ) {
    const state = store.state;
    const field = (id: string, value: number): string => `<input id="${id}" type="number" step="0.1" value="${value}" />`;
    root.innerHTML = `
      <p class="intro" data-i18n="chainIntro"></p>
      <div class="controls">
        <label><span data-i18n="weightsLabel"></span><span class="inline">${state.weights.map((w, i) => field(`chain-w${i + 1}`, w)).join('')}</span></label>
        <label><span data-i18n="biasesLabel"></span><span class="inline">${state.biases.map((b, i) => field(`chain-b${i + 1}`, b)).join('')}</span></label>
        <label><span data-i18n="inputLabel"></span>${field('chain-x', state.input)}</label>
        <label><span data-i18n="targetLabel"></span>${field('chain-y', state.target)}</label>
      </div>
      <canvas id="chain-diagram" class="chain-diagram" width="760" height="150"></canvas>
      <div class="buttons">
        <button type="button" id="chain-back" data-i18n="back"></button>
        <button type="button" id="chain-next" class="primary" data-i18n="next"></button>
        <button type="button" id="chain-all" data-i18n="showAll"></button>
        <span id="chain-position" class="muted"></span>
      </div>
      <ol id="chain-steps" class="chain-steps"></ol>`;
    for (const id of ['w1', 'w2', 'w3', 'b1', 'b2', 'b3', 'x', 'y']) {
      const input = root.querySelector(`#chain-${id}`) as HTMLInputElement;
      input.setAttribute('aria-label', id);
      input.addEventListener('input', () => this.readInputs());
      this.inputs.push(input);
    }
    const move = (to: number): void => {
      store.set({ chainStep: Math.max(0, Math.min(this.stops().length - 1, to)) });
      this.render();
    };
    root.querySelector('#chain-back')!.addEventListener('click', () => move(store.state.chainStep - 1));
    root.querySelector('#chain-next')!.addEventListener('click', () => move(store.state.chainStep + 1));
    root.querySelector('#chain-all')!.addEventListener('click', () => move(this.stops().length - 1));
    this.result = this.compute();
    this.render();
    // The diagram is drawn at the width it is shown at: again when that changes.
    onResize(root.querySelector('#chain-diagram') as HTMLCanvasElement, () => this.drawDiagram(this.stops()[Math.min(this.store.state.chainStep, this.stops().length - 1)].id));
    // KaTeX loads after the page; formulas show as TeX source until then.
    void loadKatex().then(() => this.render());
  }

  /** Re-renders the texts in the language of `tr`. */
  setLanguage(tr: Translator<ExplainKey>): void {
    this.tr = tr;
    applyMessages(this.root, tr.language, tr.t);
    this.render();
  }

  private readInputs(): void {
    const v = this.inputs.map((i) => Number(i.value));
    if (v.some((x) => !Number.isFinite(x) || anyEmpty(this.inputs))) return;
    this.store.set({ weights: v.slice(0, 3), biases: v.slice(3, 6), input: v[6], target: v[7] });
    this.result = this.compute();
    this.render();
  }

  private compute(): ChainResult {
    const s = this.store.state;
    return explainChain({ weights: [s.weights[0], s.weights[1], s.weights[2]], biases: [s.biases[0], s.biases[1], s.biases[2]], input: s.input, target: s.target });
  }

  /** The step-through: 3 forward stops, the cost, 6 parameter derivatives (backward order). */
  private stops(): ChainStop[] {
    const r = this.result;
    // In the page's language: a decimal comma in Russian (written {,} in TeX, so KaTeX adds no space after it).
    const n = (x: number, d = 4): string => (this.tr.language === 'ru' ? fmt(x, d).replace('.', '{,}') : fmt(x, d));
    const stops: ChainStop[] = [];
    let prev = r.input;
    for (const u of r.neurons) {
      const w = r.parameters.weights[u.layer - 1];
      const b = r.parameters.biases[u.layer - 1];
      stops.push({
        id: `forward-${u.layer}`,
        title: this.tr.t('forwardStep', { layer: u.layer }),
        tex: `z^{(${u.layer})} = w^{(${u.layer})} a^{(${u.layer - 1})} + b^{(${u.layer})} = ${n(w)} \\cdot ${n(prev)} ${b < 0 ? '-' : '+'} ${n(Math.abs(b))} = ${n(u.z)}, \\quad a^{(${u.layer})} = \\sigma(z^{(${u.layer})}) = ${n(u.a)}`,
      });
      prev = u.a;
    }
    const aL = r.neurons[2].a;
    stops.push({
      id: 'cost',
      title: this.tr.t('costStep'),
      tex: `C_0 = (a^{(3)} - y)^2 = (${n(aL)} - ${n(r.parameters.target)})^2 = ${n(r.cost, 6)}`,
    });
    for (const d of r.derivatives.filter((x) => x.parameter !== 'a0')) {
      const symbol = `${d.parameter[0]}^{(${d.layer})}`;
      const factorTex = d.factors.map((f) => `\\underbrace{${n(f.value)}}_{${texOf(f.formula)}}`).join(' \\cdot ');
      stops.push({
        id: `backward-${d.parameter}`,
        title: this.tr.t('backwardStep', { param: d.parameter.replace(/(\d)/, '($1)') }),
        tex: `\\frac{\\partial C_0}{\\partial ${symbol}} = ${factorTex} = ${n(d.analytic, 6)}`,
        note: this.tr.t('numericCheck', { numeric: this.decimal(fmt(d.numeric, 10)), difference: this.decimal(d.difference.toExponential(1)) }),
      });
    }
    return stops;
  }

  private render(): void {
    const stops = this.stops();
    const upTo = Math.min(this.store.state.chainStep, stops.length - 1);
    const list = this.root.querySelector('#chain-steps') as HTMLOListElement;
    list.replaceChildren(
      ...stops.slice(0, upTo + 1).map((s, i) => {
        const li = document.createElement('li');
        li.dataset.id = s.id;
        if (i === upTo) li.className = 'current';
        const h = document.createElement('h3');
        h.textContent = s.title;
        const formula = document.createElement('div');
        formula.className = 'formula';
        typesetInto(formula, s.tex);
        li.append(h, formula);
        if (s.note) {
          const p = document.createElement('p');
          p.className = 'muted check';
          p.textContent = s.note;
          li.append(p);
        }
        return li;
      }),
    );
    (this.root.querySelector('#chain-position') as HTMLElement).textContent = this.tr.t('chainStepOf', { step: upTo + 1, count: stops.length });
    const w3 = this.result.derivatives.find((d) => d.parameter === 'w3');
    list.dataset.dw3 = String(w3?.analytic ?? '');
    list.dataset.maxDifference = String(this.result.maxDifference);
    this.drawDiagram(stops[upTo].id);
  }

  /**
   * Four neurons in a row, brightness = activation; the links carry w, b and the current focus.
   * Drawn at the canvas's shown size (its drawing size follows it, `devicePixelRatio` sharp), in
   * CSS pixels: the text stays 12 px on a phone as on a desktop, and the row spreads over the
   * width there is; on a narrow canvas each neuron's value moves under it.
   */
  private drawDiagram(current: string): void {
    const canvas = this.root.querySelector('#chain-diagram') as HTMLCanvasElement;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const r = this.result;
    const dpr = window.devicePixelRatio || 1;
    const shown = Math.round(canvas.getBoundingClientRect().width);
    const width = shown > 0 ? Math.max(MIN_DIAGRAM_WIDTH, shown) : DIAGRAM_WIDTH;
    const height = DIAGRAM_HEIGHT;
    if (canvas.width !== Math.round(width * dpr)) canvas.width = Math.round(width * dpr);
    if (canvas.height !== Math.round(height * dpr)) canvas.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#0b0d12';
    ctx.fillRect(0, 0, width, height);
    const font = 12;
    ctx.font = `${font}px ui-monospace, monospace`;
    canvas.dataset.fontPx = String(font * dpr);
    const margin = 40;
    const spacing = (width - 2 * margin) / 3;
    const xs = [0, 1, 2, 3].map((i) => margin + i * spacing);
    const radius = Math.min(24, spacing * 0.22);
    const y = 74;
    // The value fits inside the neuron only when the neuron is wide enough for it.
    const inside = ctx.measureText('0.000').width <= 2 * radius - 4;
    const acts = [r.input, ...r.neurons.map((u) => u.a)];
    const layer = Number(current.split('-')[1]?.replace(/\D/g, '') || NaN);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'alphabetic';
    for (let l = 1; l <= 3; l++) {
      const focus = (current.startsWith('forward') || current.startsWith('backward')) && layer === l;
      ctx.strokeStyle = focus ? '#ffd166' : '#56617a';
      ctx.lineWidth = focus ? 3 : 1.5;
      ctx.beginPath();
      ctx.moveTo(xs[l - 1] + radius + 2, y);
      ctx.lineTo(xs[l] - radius - 2, y);
      ctx.stroke();
      ctx.fillStyle = focus ? '#ffd166' : '#aeb4c0';
      ctx.fillText(`w(${l}) = ${this.decimal(fmt(r.parameters.weights[l - 1], 3))}`, (xs[l - 1] + xs[l]) / 2, 16);
      ctx.fillStyle = '#aeb4c0';
      ctx.fillText(`b(${l}) = ${this.decimal(fmt(r.parameters.biases[l - 1], 3))}`, xs[l], y + radius + (inside ? 18 : 34));
    }
    acts.forEach((a, l) => {
      const v = Math.round(255 * Math.min(1, Math.max(0, a)));
      ctx.fillStyle = `rgb(${v},${v},${v})`;
      ctx.strokeStyle = '#8a93a6';
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.arc(xs[l], y, radius, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
      if (inside) {
        ctx.fillStyle = v > 128 ? '#000' : '#fff';
        ctx.fillText(this.decimal(fmt(a, 3)), xs[l], y + 4);
      } else {
        ctx.fillStyle = '#e8eaef';
        ctx.fillText(this.decimal(fmt(a, 3)), xs[l], y + radius + 16);
      }
      ctx.fillStyle = '#e8eaef';
      ctx.fillText(`a(${l})`, xs[l], y - radius - 8);
    });
    ctx.fillStyle = current === 'cost' ? '#ffd166' : '#aeb4c0';
    ctx.textAlign = 'right';
    ctx.fillText(`y = ${this.decimal(fmt(r.parameters.target, 3))}   C0 = ${this.decimal(fmt(r.cost, 5))}`, width - 8, height - 8);
  }

  /** A number written with `fmt` in the page's language: the decimal comma in Russian. */
  private decimal(text: string): string {
    return this.tr.language === 'ru' ? text.replace('.', ',') : text;
  }
}

/** The diagram's size in CSS pixels (its width: the width it is shown at, this when it is not laid out yet). */
const DIAGRAM_WIDTH = 760;
const DIAGRAM_HEIGHT = 150;
/** Narrower than this the diagram is drawn at this width and scaled down: four neurons need the room. */
const MIN_DIAGRAM_WIDTH = 240;

function anyEmpty(inputs: readonly HTMLInputElement[]): boolean {
  return inputs.some((i) => i.value.trim() === '');
}

/** A number for a formula: `d` significant digits, minus sign as in print. */
function fmt(x: number, d = 4): string {
  return Number(x.toPrecision(d)).toString();
}

/** A chain factor's formula in TeX: "σ′(z(3))" → "\sigma'(z^{(3)})". */
function texOf(formula: string): string {
  return formula
    .replace(/σ′/g, "\\sigma'")
    .replace(/([azwb])\((\d)\)/g, '$1^{($2)}')
    .replace(/−/g, '-');
}
