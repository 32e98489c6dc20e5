import type { Dataset } from '../../../data/dataset.js';
import type { SgdPathResult } from '../../../explain/sgd-path.js';
import { shownBackendName } from '../../shared/backend-label.js';
import { applyMessages } from '../../shared/i18n-dom.js';
import { formatNumber, type Translator } from '../../shared/i18n.js';
import type { SgdPathJob } from '../../shared/sgd-path-protocol.js';
import type { StateView } from '../../shared/store.js';
import { ticks } from '../../../explain/axis-ticks.js';
import { beginCanvasText, canvasFont, canvasScale, onResize, wrapText } from '../canvas-text.js';
import { MapCanvas } from '../map-canvas.js';
import type { ExplainKey } from './messages.js';
import { superscript } from './superscript.js';

/** What the SGD-path panel runs: training images, full-batch steps, SGD epochs, learning rate, grid points per axis. */
export interface SgdPathState {
  subset: number;
  fullSteps: number;
  epochs: number;
  sgdRate: number;
  grid: number;
}

/** Runs a job off the page's thread (the page's Worker), reporting progress lines; resolves with the result. */
export type SgdPathRunner = (job: SgdPathJob, onProgress: (message: string) => void) => Promise<{ readonly result: SgdPathResult; readonly backend: string; readonly seconds: number }>;

/** The quick run shown when the panel first opens with the data loaded: the small run of the tests. */
const QUICK: Pick<SgdPathState, 'subset' | 'fullSteps' | 'epochs'> = { subset: 500, fullSteps: 20, epochs: 3 };

const FULL_COLOUR = '#33d6ff';
const MINI_COLOUR = '#ff6b3d';

/**
 * The SGD-path panel (mini-batches on a loss-landscape slice): full-batch gradient descent versus mini-batch SGD from one
 * initialisation, both paths on the plane of their two principal directions over the cost on
 * that plane, and both costs against examples processed. The computation is `sgdPath` from
 * src/explain, run by the page's `runner` (a Worker) so the page stays live.
 */
export class SgdPathPanel {
  private train: Dataset | null = null;
  private result: SgdPathResult | null = null;
  private readonly map: MapCanvas;

  /** Builds the panel inside `root`, showing and changing `store`'s settings; `runner` computes. */
  constructor(
    private readonly root: HTMLElement,
    private readonly store: StateView<SgdPathState>,
    private tr: Translator<ExplainKey>,
    private readonly runner: SgdPathRunner,
  ) {
    root.innerHTML = `
      <p class="intro" data-i18n="sgdIntro"></p>
      <div class="controls">
        <label><span data-i18n="subsetLabel"></span><input id="sgd-subset" type="number" min="100" max="60000" step="100" /></label>
        <label><span data-i18n="fullStepsLabel"></span><input id="sgd-full" type="number" min="1" max="10000" step="1" /></label>
        <label><span data-i18n="epochsLabel"></span><input id="sgd-epochs" type="number" min="1" max="1000" step="1" /></label>
        <label><span data-i18n="learningRate"></span><input id="sgd-lr" type="number" min="0.000001" max="100" step="any" /></label>
        <div class="buttons"><button type="button" id="sgd-run" class="primary" data-i18n="run" disabled></button></div>
      </div>
      <p id="sgd-status" class="muted" role="status"></p>
      <div class="sgd-figures">
        <canvas id="sgd-map" width="640" height="480"></canvas>
        <canvas id="sgd-costs" width="620" height="480"></canvas>
      </div>
      <p id="sgd-plane" class="readout"></p>
      <p id="sgd-full-summary" class="readout"></p>
      <p id="sgd-mini-summary" class="readout"></p>`;
    this.map = new MapCanvas(this.el<HTMLCanvasElement>('sgd-map'));
    this.map.formatTick = (v) => this.tr.value(v, 3);
    // Shown at another width, both figures are drawn again with their text at a readable size.
    for (const id of ['sgd-map', 'sgd-costs']) onResize(this.el<HTMLCanvasElement>(id), () => this.render());
    const bind = (id: string, key: 'subset' | 'fullSteps' | 'epochs' | 'sgdRate', valid: (v: number) => boolean): void => {
      const input = this.el<HTMLInputElement>(id);
      input.value = String(store.state[key]);
      input.addEventListener('change', () => {
        const v = Number(input.value);
        if (valid(v)) store.set({ [key]: v });
      });
    };
    bind('sgd-subset', 'subset', (v) => Number.isInteger(v) && v >= 100 && v <= 60_000);
    bind('sgd-full', 'fullSteps', (v) => Number.isInteger(v) && v >= 1 && v <= 10_000);
    bind('sgd-epochs', 'epochs', (v) => Number.isInteger(v) && v >= 1 && v <= 1000);
    bind('sgd-lr', 'sgdRate', (v) => Number.isFinite(v) && v > 0 && v <= 100);
    this.el('sgd-run').addEventListener('click', () => this.run(false));
  }

  /** Gives the panel the training set (enables Run); shown, the panel makes its quick run. */
  setTrainingSet(train: Dataset): void {
    this.train = train;
    (this.el('sgd-run') as HTMLButtonElement).disabled = false;
    if (!this.result) this.el('sgd-status').textContent = this.tr.t('sgdWaiting');
    this.opened();
  }

  /**
   * The panel is shown: the first time, with the data there, a quick run of the same code on
   * smaller settings (labelled as such) gives a result without a click.
   */
  opened(): void {
    if (this.train === null || this.root.hidden || this.root.dataset.state !== undefined) return;
    this.run(true);
  }

  /** Shows a status line (loading progress, errors). */
  setStatus(text: string): void {
    this.el('sgd-status').textContent = text;
  }

  /** Re-renders the texts in the language of `tr`. */
  setLanguage(tr: Translator<ExplainKey>): void {
    this.tr = tr;
    applyMessages(this.root, tr.language, tr.t);
    if (this.train && !this.result) this.el('sgd-status').textContent = tr.t('sgdWaiting');
    this.render();
  }

  private el<T extends HTMLElement = HTMLElement>(id: string): T {
    return this.root.querySelector(`#${id}`) as T;
  }

  private run(quick = false): void {
    const train = this.train;
    if (!train) return;
    const state = { ...this.store.state, ...(quick ? QUICK : {}) };
    const n = Math.min(state.subset, train.count);
    const job: SgdPathJob = {
      images: train.images.slice(0, n * 784),
      labels: train.labels.slice(0, n),
      fullSteps: state.fullSteps,
      epochs: state.epochs,
      learningRate: state.sgdRate,
      grid: state.grid,
    };
    const button = this.el('sgd-run') as HTMLButtonElement;
    button.disabled = true;
    this.root.dataset.state = 'running';
    this.root.dataset.run = quick ? 'quick' : 'full';
    this.runner(job, (message) => (this.el('sgd-status').textContent = this.tr.t('running', { message }))).then(
      ({ result, backend, seconds }) => {
        button.disabled = false;
        this.result = result;
        const done = { seconds: this.tr.num(seconds, 1), backend: shownBackendName(backend, this.tr.language) };
        this.el('sgd-status').textContent = quick ? this.tr.t('sgdQuickDone', { ...done, subset: this.tr.num(QUICK.subset), full: QUICK.fullSteps, epochs: QUICK.epochs }) : this.tr.t('sgdDone', done);
        this.root.dataset.state = 'done';
        this.render();
      },
      (error: Error) => {
        button.disabled = false;
        this.el('sgd-status').textContent = error.message;
        this.root.dataset.state = 'error';
      },
    );
  }

  private render(): void {
    const r = this.result;
    if (!r) return;
    const t = this.tr.t;
    this.map.setGrid({ xs: r.grid.alphas, ys: r.grid.betas, costs: r.grid.costs }, true);
    this.map.redraw();
    this.map.drawMark([0, 0]);
    // The mini-batch path first: the full-batch one often runs along its first part.
    this.map.drawPath(r.miniBatch.coords, MINI_COLOUR);
    this.map.drawPath(r.fullBatch.coords, FULL_COLOUR, true);
    this.map.axisLabels(`α · d₁ (${(r.plane.explained[0] * 100).toFixed(0)} %)`, `β · d₂ (${(r.plane.explained[1] * 100).toFixed(0)} %)`);
    this.drawCosts(r);
    const num = this.tr.num;
    this.el('sgd-plane').textContent = t('planeInfo', {
      p1: num(r.plane.explained[0] * 100, 1),
      p2: num(r.plane.explained[1] * 100, 1),
      origin: num(r.originCost, 5),
    });
    for (const [id, p, name] of [['sgd-full-summary', r.fullBatch, t('fullBatch')], ['sgd-mini-summary', r.miniBatch, t('miniBatch')]] as const) {
      const el = this.el(id);
      el.textContent = t('sgdSummary', {
        run: name,
        steps: p.steps,
        examples: formatNumber(this.tr.language, p.examples[p.examples.length - 1]),
        start: num(p.costs[0], 4),
        end: num(p.costs[p.costs.length - 1], 4),
      });
      el.dataset.finalCost = String(p.costs[p.costs.length - 1]);
      el.style.borderLeft = `4px solid ${id === 'sgd-full-summary' ? FULL_COLOUR : MINI_COLOUR}`;
    }
  }

  /** Cost versus log10(examples processed) for both runs, plus SGD's own mini-batch costs. */
  private drawCosts(r: SgdPathResult): void {
    const canvas = this.el<HTMLCanvasElement>('sgd-costs');
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const k = canvasScale(canvas);
    beginCanvasText(canvas);
    // Above the plot: the title and the legend, wrapped to the width the canvas is shown at.
    const font = canvasFont(ctx, 11);
    const lineHeight = font * 1.35;
    const legend: [string, string][] = [
      [this.tr.t('fullBatch'), FULL_COLOUR],
      [this.tr.t('miniBatch'), MINI_COLOUR],
      [this.tr.t('miniBatchOwn'), 'rgba(255,107,61,0.5)'],
    ];
    const title = wrapText(ctx, this.tr.t('costVsExamples'), canvas.width - 12 * k);
    const keys = legend.map(([text]) => wrapText(ctx, text, canvas.width - 36 * k));
    const header = 6 * k + (title.length + keys.flat().length) * lineHeight + 8 * k;
    const pad = { left: 48 * k, right: 12 * k, top: header, bottom: 36 * k };
    const series = [
      { xs: r.miniBatch.batchExamples, ys: r.miniBatch.batchCosts, colour: 'rgba(255,107,61,0.35)' },
      { xs: r.miniBatch.costExamples, ys: r.miniBatch.costs, colour: MINI_COLOUR },
      { xs: r.fullBatch.costExamples, ys: r.fullBatch.costs, colour: FULL_COLOUR },
    ].map((s) => {
      const keep = s.xs.map((_, i) => i).filter((i) => s.xs[i] > 0);
      return { xs: keep.map((i) => Math.log10(s.xs[i])), ys: keep.map((i) => s.ys[i]), colour: s.colour };
    });
    const allX = series.flatMap((s) => s.xs);
    const allY = series.flatMap((s) => s.ys);
    const [x0, x1] = [Math.floor(Math.min(...allX)), Math.ceil(Math.max(...allX))];
    const [y0, y1] = [0, Math.max(...allY) * 1.05];
    const X = (x: number): number => pad.left + ((x - x0) / (x1 - x0)) * (canvas.width - pad.left - pad.right);
    const Y = (y: number): number => pad.top + (1 - (y - y0) / (y1 - y0)) * (canvas.height - pad.top - pad.bottom);
    ctx.fillStyle = '#0b0d12';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.strokeStyle = '#2a2f3a';
    ctx.fillStyle = '#aeb4c0';
    canvasFont(ctx, 11);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (let e = x0; e <= x1; e++) {
      ctx.beginPath();
      ctx.moveTo(X(e), pad.top);
      ctx.lineTo(X(e), canvas.height - pad.bottom);
      ctx.stroke();
      ctx.fillText(`10${superscript(e)}`, X(e), canvas.height - pad.bottom + 6 * k);
    }
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const v of ticks(y0, y1)) ctx.fillText(this.tr.value(v, 3), pad.left - 5 * k, Y(v));
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillStyle = '#e8eaef';
    let y = 6 * k;
    for (const line of title) {
      ctx.fillText(line, 6 * k, y);
      y += lineHeight;
    }
    legend.forEach(([, colour], i) => {
      ctx.fillStyle = colour;
      ctx.fillRect(6 * k, y + lineHeight / 2 - 2 * k, 18 * k, 4 * k);
      ctx.fillStyle = '#e8eaef';
      for (const line of keys[i]) {
        ctx.fillText(line, 30 * k, y);
        y += lineHeight;
      }
    });
    for (const s of series) {
      ctx.strokeStyle = s.colour;
      ctx.lineWidth = 2 * k;
      ctx.beginPath();
      s.xs.forEach((x, i) => (i === 0 ? ctx.moveTo(X(x), Y(s.ys[i])) : ctx.lineTo(X(x), Y(s.ys[i]))));
      ctx.stroke();
    }
  }
}
