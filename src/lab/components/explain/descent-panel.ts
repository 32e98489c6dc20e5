import { type DescentPath, descend, findMinima, settlingRun } from '../../../explain/descent.js';
import { type Landscape, landscapeByName, type LandscapeName } from '../../../explain/landscapes.js';
import { applyMessages } from '../../shared/i18n-dom.js';
import type { Translator } from '../../shared/i18n.js';
import type { StateView } from '../../shared/store.js';
import { ticks } from '../../../explain/axis-ticks.js';
import { beginCanvasText, canvasFont, canvasScale, onResize } from '../canvas-text.js';
import { arrow, MapCanvas } from '../map-canvas.js';
import type { ExplainKey } from './messages.js';

/** What the descent panel shows: the landscape, η and where the ball was dropped. */
export interface DescentState {
  landscape: LandscapeName;
  learningRate: number;
  /** One number on the curve, two on the surface. */
  start: number[];
}

/** Steps computed ahead for one drop of the ball (the Play button walks through them). */
export const DESCENT_MAX_STEPS = 200;
const MAX_STEPS = DESCENT_MAX_STEPS;
/** The 1-D curve's margins on the canvas in CSS pixels (its drawing and its clicks; times the canvas's scale in canvas pixels). */
const CURVE_PAD = { left: 44, right: 10, top: 10, bottom: 30 };

/** The curve's margins in canvas pixels for `canvas` as shown. */
function curvePad(canvas: HTMLCanvasElement): typeof CURVE_PAD {
  const s = canvasScale(canvas);
  return { left: CURVE_PAD.left * s, right: CURVE_PAD.right * s, top: CURVE_PAD.top * s, bottom: CURVE_PAD.bottom * s };
}

/**
 * The gradient-descent panel (a smooth cost, a step downhill): a 1-D curve or a 2-D surface, a ball the user drops
 * by clicking, a learning rate, and Step / Play / Reset. The path comes from `descend` in
 * src/explain (the CLI's numbers); the panel only walks along it and draws the next step
 * −η·∇C as an arrow.
 */
export class DescentPanel {
  private path: DescentPath | null = null;
  private shown = 0;
  private timer: number | null = null;
  private minima: number[][] = [];
  private readonly map: MapCanvas;
  private readonly els: Record<'landscape' | 'lr' | 'lrRange' | 'step' | 'play' | 'reset' | 'readout' | 'gradient' | 'outcome', HTMLElement>;

  /** Builds the panel inside `root`, showing and changing `store`'s descent settings. */
  constructor(
    private readonly root: HTMLElement,
    private readonly store: StateView<DescentState>,
    private tr: Translator<ExplainKey>,
  ) {
    root.innerHTML = `
      <p class="intro" data-i18n="descentIntro"></p>
      <div class="controls">
        <label><span data-i18n="landscape"></span>
          <select id="descent-landscape"><option value="curve" data-i18n="landCurve"></option><option value="surface" data-i18n="landSurface"></option></select>
        </label>
        <label><span data-i18n="learningRate"></span>
          <span class="inline"><input id="descent-lr-range" type="range" min="-3" max="1.2" step="0.01" aria-hidden="true" tabindex="-1" />
          <input id="descent-lr" type="number" min="0.000001" max="100" step="any" /></span>
        </label>
        <div class="buttons">
          <button type="button" id="descent-step" data-i18n="step"></button>
          <button type="button" id="descent-play" class="primary" data-i18n="play"></button>
          <button type="button" id="descent-reset" data-i18n="reset"></button>
        </div>
      </div>
      <canvas id="descent-canvas" width="720" height="460" tabindex="0"></canvas>
      <p id="descent-readout" class="readout" role="status"></p>
      <p id="descent-gradient" class="readout"></p>
      <p id="descent-outcome" class="readout muted"></p>`;
    const $ = (id: string): HTMLElement => root.querySelector(`#${id}`) as HTMLElement;
    this.els = {
      landscape: $('descent-landscape'),
      lr: $('descent-lr'),
      lrRange: $('descent-lr-range'),
      step: $('descent-step'),
      play: $('descent-play'),
      reset: $('descent-reset'),
      readout: $('descent-readout'),
      gradient: $('descent-gradient'),
      outcome: $('descent-outcome'),
    };
    this.map = new MapCanvas($('descent-canvas') as HTMLCanvasElement);
    this.map.formatTick = (v) => this.tr.value(v, 3);
    // Shown at another width (a phone, a narrower column), the text and marks are drawn again at a readable size.
    onResize(this.map.canvas, () => this.draw());
    (this.els.landscape as HTMLSelectElement).value = store.state.landscape;
    this.setRateInputs();
    this.els.landscape.addEventListener('change', () => {
      const landscape = (this.els.landscape as HTMLSelectElement).value as LandscapeName;
      const run = settlingRun(landscape);
      store.set({ landscape, start: [...run.start], learningRate: run.learningRate });
      this.setRateInputs();
      this.setup();
    });
    this.els.lr.addEventListener('change', () => {
      const v = Number((this.els.lr as HTMLInputElement).value);
      if (Number.isFinite(v) && v > 0 && v <= 100) this.setRate(v);
    });
    this.els.lrRange.addEventListener('input', () => this.setRate(Number(Number(10 ** Number((this.els.lrRange as HTMLInputElement).value)).toPrecision(2))));
    this.els.step.addEventListener('click', () => this.advance());
    this.els.play.addEventListener('click', () => (this.timer === null ? this.play() : this.stop()));
    this.els.reset.addEventListener('click', () => {
      this.stop();
      this.shown = 0;
      this.draw();
    });
    this.map.canvas.addEventListener('click', (e) => {
      const l = this.landscape();
      // The curve is drawn by the panel itself (the map's axes are the surface's): its own x scale.
      const [x, y] = l.dimension === 1 ? [this.curveW(e, l), 0] : this.map.fromEvent(e);
      const [lo, hi] = l.domain[0];
      store.set({ start: l.dimension === 1 ? [round(Math.min(hi, Math.max(lo, x)))] : [round(x), round(y)] });
      this.compute();
    });
    this.setup();
  }

  /** Re-renders the texts in the language of `tr`. */
  setLanguage(tr: Translator<ExplainKey>): void {
    this.tr = tr;
    applyMessages(this.root, tr.language, tr.t);
    this.els.play.textContent = tr.t(this.timer === null ? 'play' : 'pause');
    this.draw();
  }

  /** Stops the animation (when the panel is hidden). */
  stop(): void {
    if (this.timer !== null) window.clearInterval(this.timer);
    this.timer = null;
    this.els.play.textContent = this.tr.t('play');
  }

  private landscape(): Landscape {
    return landscapeByName(this.store.state.landscape);
  }

  private setRateInputs(): void {
    (this.els.lr as HTMLInputElement).value = String(this.store.state.learningRate);
    (this.els.lrRange as HTMLInputElement).value = String(Math.log10(this.store.state.learningRate));
  }

  private setRate(v: number): void {
    this.store.set({ learningRate: v });
    this.setRateInputs();
    this.compute();
  }

  private setup(): void {
    const l = this.landscape();
    this.minima = findMinima(l);
    if (l.dimension === 2) {
      const [[x0, x1], [y0, y1]] = l.domain;
      const n = 81;
      const xs = Array.from({ length: n }, (_, i) => x0 + ((x1 - x0) * i) / (n - 1));
      const ys = Array.from({ length: n }, (_, i) => y0 + ((y1 - y0) * i) / (n - 1));
      this.map.setGrid({ xs, ys, costs: ys.map((y) => xs.map((x) => l.value([x, y]))) });
    }
    this.compute();
  }

  /** Recomputes the whole path from the start with the current η, and shows its start. */
  private compute(): void {
    this.stop();
    this.path = descend(this.landscape(), this.store.state.start, this.store.state.learningRate, { maxSteps: MAX_STEPS, minima: this.minima });
    this.shown = 0;
    this.draw();
  }

  private advance(): boolean {
    if (!this.path || this.shown >= this.path.points.length - 1) return false;
    this.shown++;
    this.draw();
    return true;
  }

  private play(): void {
    // Under prefers-reduced-motion the ball does not roll: Play shows the whole path at once (Step still goes one by one).
    if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
      if (this.path) this.shown = this.path.points.length - 1;
      this.draw();
      return;
    }
    this.els.play.textContent = this.tr.t('pause');
    this.timer = window.setInterval(() => {
      if (!this.advance()) this.stop();
    }, 120);
  }

  private draw(): void {
    const path = this.path;
    if (!path) return;
    const l = this.landscape();
    const eta = this.store.state.learningRate;
    const here = path.points[this.shown];
    const next = here.point.map((x, i) => x - eta * here.gradient[i]);
    if (l.dimension === 2) {
      this.map.redraw();
      this.map.axisLabels('x', 'y');
      for (const m of this.minima) this.map.drawMark(m);
      this.map.drawPath(path.points.slice(0, this.shown + 1).map((p) => p.point), '#ff9f43', true);
      if (this.shown < path.points.length - 1 || path.outcome !== 'converged') this.map.drawArrow(here.point, next);
      this.map.drawBall(here.point);
    } else {
      this.drawCurve(l, path, next);
    }
    // Numbers in the page's language; in Russian, whose decimal mark is the comma, the coordinates are parted by a semicolon.
    // A value that rounds to zero is written 0, not −0.
    const num = (x: number, digits: number): string => (Number.isFinite(x) ? this.tr.num(Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x, digits) : String(x));
    const fmt = (v: readonly number[]): string => `(${v.map((x) => num(x, 3)).join(this.tr.language === 'ru' ? '; ' : ', ')})`;
    this.els.readout.textContent = this.tr.t('descentAt', { step: this.shown, point: fmt(here.point), cost: num(here.cost, 4) });
    this.els.readout.dataset.cost = String(here.cost);
    this.els.readout.dataset.step = String(this.shown);
    this.els.gradient.textContent = this.tr.t('descentGradient', { gradient: fmt(here.gradient), move: fmt(here.gradient.map((g) => -eta * g)) });
    const steps = path.points.length - 1;
    const outcome = this.tr.t(`outcome_${path.outcome}` as ExplainKey, { steps });
    const minimum = path.minimum < 0 ? '' : ' ' + (path.minimum === 0 ? this.tr.t('minimumLowest', { count: this.minima.length }) : this.tr.t('minimumReached', { rank: path.minimum + 1, count: this.minima.length }));
    const one = new Intl.PluralRules(this.tr.language).select(steps) === 'one';
    this.els.outcome.textContent = this.tr.t(one ? 'outcomeLabelOne' : 'outcomeLabel', { steps, outcome }) + minimum;
    this.els.outcome.dataset.outcome = path.outcome;
  }

  /** The w of the curve under a click. */
  private curveW(e: MouseEvent, l: Landscape): number {
    const canvas = this.map.canvas;
    const rect = canvas.getBoundingClientRect();
    const px = ((e.clientX - rect.left) / rect.width) * canvas.width;
    const [lo, hi] = l.domain[0];
    const pad = curvePad(canvas);
    return lo + ((px - pad.left) / (canvas.width - pad.left - pad.right)) * (hi - lo);
  }

  private drawCurve(l: Landscape, path: DescentPath, next: readonly number[]): void {
    const canvas = this.map.canvas;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const pad = curvePad(canvas);
    const s = canvasScale(canvas);
    beginCanvasText(canvas);
    const [lo, hi] = l.domain[0];
    const ws = Array.from({ length: 401 }, (_, i) => lo + ((hi - lo) * i) / 400);
    const cs = ws.map((w) => l.value([w]));
    const cMax = Math.max(...cs) * 1.05;
    const X = (w: number): number => pad.left + ((w - lo) / (hi - lo)) * (canvas.width - pad.left - pad.right);
    const Y = (c: number): number => pad.top + (1 - c / cMax) * (canvas.height - pad.top - pad.bottom);
    ctx.fillStyle = '#0b0d12';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = '#aeb4c0';
    canvasFont(ctx, 11);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const t of ticks(lo, hi)) ctx.fillText(this.tr.value(t, 4), X(t), canvas.height - pad.bottom + 6 * s);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of ticks(0, cMax)) ctx.fillText(this.tr.value(t, 4), pad.left - 5 * s, Y(t));
    ctx.fillStyle = '#ffffff';
    canvasFont(ctx, 12);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText('C(w)', pad.left + 6 * s, pad.top + 2 * s);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText('w', canvas.width - pad.right - 4 * s, canvas.height - pad.bottom - 4 * s);
    ctx.strokeStyle = '#7fd4ff';
    ctx.lineWidth = 2 * s;
    ctx.beginPath();
    ws.forEach((w, i) => (i === 0 ? ctx.moveTo(X(w), Y(cs[i])) : ctx.lineTo(X(w), Y(cs[i]))));
    ctx.stroke();
    for (const m of this.minima) {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(X(m[0]) - s, Y(l.value(m)) + 4 * s, 2 * s, 8 * s);
    }
    const visible = path.points.slice(0, this.shown + 1).filter((p) => p.point[0] >= lo && p.point[0] <= hi);
    ctx.strokeStyle = 'rgba(255,159,67,0.8)';
    ctx.lineWidth = 1.5 * s;
    ctx.beginPath();
    visible.forEach((p, i) => (i === 0 ? ctx.moveTo(X(p.point[0]), Y(p.cost)) : ctx.lineTo(X(p.point[0]), Y(p.cost))));
    ctx.stroke();
    ctx.fillStyle = '#ff9f43';
    for (const p of visible) ctx.fillRect(X(p.point[0]) - 2 * s, Y(p.cost) - 2 * s, 4 * s, 4 * s);
    const here = path.points[this.shown];
    if (here.point[0] >= lo && here.point[0] <= hi) {
      // The step −η·C′(w) as an arrow along w, drawn at the ball's height.
      arrow(ctx, [X(here.point[0]), Y(here.cost) - 14 * s], [X(Math.min(hi, Math.max(lo, next[0]))), Y(here.cost) - 14 * s], '#ffd166', s);
      ctx.fillStyle = '#ffffff';
      ctx.strokeStyle = '#000';
      ctx.lineWidth = s;
      ctx.beginPath();
      ctx.arc(X(here.point[0]), Y(here.cost), 7 * s, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
