import type { Dataset } from '../../../data/dataset.js';
import type { SgdPathResult } from '../../../explain/sgd-path.js';
import { applyMessages } from '../../shared/i18n-dom.js';
import { formatNumber, type Translator } from '../../shared/i18n.js';
import type { StateView } from '../../shared/store.js';
import { ticks, tickLabel } from '../../../explain/axis-ticks.js';
import { MapCanvas } from '../map-canvas.js';
import type { ExplainKey } from './messages.js';

/** What the SGD-path panel runs: training images, full-batch steps, SGD epochs, learning rate, grid points per axis. */
export interface SgdPathState {
  subset: number;
  fullSteps: number;
  epochs: number;
  sgdRate: number;
  grid: number;
}

/** One run of the computation: the first n training images and the settings. */
export interface SgdPathJob {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly fullSteps: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly grid: number;
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
        const done = { seconds: this.tr.num(seconds, 1), backend };
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
    this.el('sgd-plane').textContent = t('planeInfo', {
      p1: (r.plane.explained[0] * 100).toFixed(1),
      p2: (r.plane.explained[1] * 100).toFixed(1),
      origin: r.originCost.toFixed(5),
    });
    for (const [id, p, name] of [['sgd-full-summary', r.fullBatch, t('fullBatch')], ['sgd-mini-summary', r.miniBatch, t('miniBatch')]] as const) {
      const el = this.el(id);
      el.textContent = t('sgdSummary', {
        run: name,
        steps: p.steps,
        examples: formatNumber(this.tr.language, p.examples[p.examples.length - 1]),
        start: p.costs[0].toFixed(4),
        end: p.costs[p.costs.length - 1].toFixed(4),
      });
      el.dataset.finalCost = String(p.costs[p.costs.length - 1]);
      el.style.borderLeft = `4px solid ${id === 'sgd-full-summary' ? FULL_COLOUR : MINI_COLOUR}`;
    }
  }

  /** Cost versus log10(examples processed) for both runs, plus SGD's own mini-batch costs. */
  private drawCosts(r: SgdPathResult): void {
    const canvas = this.el<HTMLCanvasElement>('sgd-costs');
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const pad = { left: 48, right: 12, top: 28, bottom: 36 };
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
    ctx.font = '11px ui-monospace, monospace';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (let e = x0; e <= x1; e++) {
      ctx.beginPath();
      ctx.moveTo(X(e), pad.top);
      ctx.lineTo(X(e), canvas.height - pad.bottom);
      ctx.stroke();
      ctx.fillText(`10^${e}`, X(e), canvas.height - pad.bottom + 6);
    }
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const v of ticks(y0, y1)) ctx.fillText(tickLabel(v, 3), pad.left - 5, Y(v));
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillStyle = '#e8eaef';
    ctx.fillText(this.tr.t('costVsExamples'), pad.left, 6);
    // Legend, top right.
    const legend: [string, string][] = [
      [this.tr.t('fullBatch'), FULL_COLOUR],
      [this.tr.t('miniBatch'), MINI_COLOUR],
      [this.tr.t('miniBatchOwn'), 'rgba(255,107,61,0.5)'],
    ];
    legend.forEach(([text, colour], i) => {
      const y = pad.top + 10 + i * 16;
      ctx.fillStyle = colour;
      ctx.fillRect(canvas.width - pad.right - 350, y - 2, 18, 4);
      ctx.fillStyle = '#e8eaef';
      ctx.textBaseline = 'middle';
      ctx.fillText(text, canvas.width - pad.right - 326, y);
    });
    for (const s of series) {
      ctx.strokeStyle = s.colour;
      ctx.lineWidth = 2;
      ctx.beginPath();
      s.xs.forEach((x, i) => (i === 0 ? ctx.moveTo(X(x), Y(s.ys[i])) : ctx.lineTo(X(x), Y(s.ys[i]))));
      ctx.stroke();
    }
  }
}
