import type { CostName } from '../../../core/costs.js';
import { Network, SEED_ARCHITECTURE } from '../../../core/network.js';
import { Rng } from '../../../core/rng.js';
import type { Dataset } from '../../../data/dataset.js';
import { explainNudges, imagePixels, type NudgesResult, type TrainingSetAverage } from '../../../explain/nudges.js';
import { applyMessages } from '../../shared/i18n-dom.js';
import type { Translator } from '../../shared/i18n.js';
import type { StateView } from '../../shared/store.js';
import { renderBars } from '../signed-bars.js';
import { drawDigit, drawMaps } from './nudge-maps.js';
import { nudgeNumber } from './nudge-number.js';
import { renderAverage } from './nudges-average.js';
import { renderBackward } from './nudges-backward.js';
import type { ExplainKey } from './messages.js';

/** What the nudges panel shows: the training image, the output neuron (−1 = the image's label), the mini-batch size, the model. */
export interface NudgesState {
  image: number;
  neuron: number;
  batch: number;
  model: 'pretrained' | 'untrained';
}

/** What the panel needs from the page: the training set and the pretrained model. */
export interface NudgesSources {
  readonly train: Dataset;
  readonly pretrained: { readonly network: Network; readonly cost: CostName };
}

/** Computes the training-set average −∇C of a network (off the page's thread: seconds). */
export type NudgesAverager = (network: Network, cost: CostName, train: Dataset) => Promise<TrainingSetAverage>;

/**
 * The nudges panel (one image's wishes, summed backwards into nudges and averaged into −∇C): for one training image and the model, the wished change
 * of each output, the three ways to raise a chosen output, the wishes summed backwards a layer
 * at a time down to the input pixels, −∇C of the first layer as 16 weight maps, the average
 * over a mini-batch and over the whole training set (−∇C itself, computed once per model by
 * `averager`). All numbers come from `explainNudges` in src/explain (the CLI's `explain nudges`).
 */
export class NudgesPanel {
  private sources: NudgesSources | null = null;
  private untrained: Network | null = null;
  private result: NudgesResult | null = null;
  /** The training-set average of each model, once computed (or the error that stopped it). */
  private readonly averages = new Map<NudgesState['model'], TrainingSetAverage | Error | 'pending'>();

  /** Builds the panel inside `root`, showing and changing `store`'s nudges settings. */
  constructor(
    private readonly root: HTMLElement,
    private readonly store: StateView<NudgesState>,
    private tr: Translator<ExplainKey>,
    private readonly averager: NudgesAverager,
  ) {
    const state = store.state;
    root.innerHTML = `
      <p class="intro" data-i18n="nudgesIntro"></p>
      <div class="controls">
        <label><span data-i18n="imageIndex"></span>
          <span class="inline"><button type="button" id="nudges-prev" aria-label="−1">◀</button><input id="nudges-image" type="number" min="0" max="59999" step="1" /><button type="button" id="nudges-next" aria-label="+1">▶</button></span>
        </label>
        <label><span data-i18n="outputNeuron"></span><select id="nudges-neuron"></select></label>
        <label><span data-i18n="model"></span>
          <select id="nudges-model"><option value="pretrained" data-i18n="modelPretrained"></option><option value="untrained" data-i18n="modelUntrained"></option></select>
        </label>
        <label><span data-i18n="batchSize"></span><input id="nudges-batch" type="number" min="1" max="100" step="1" /></label>
      </div>
      <p id="nudges-status" class="muted" role="status"></p>
      <div id="nudges-body" hidden>
        <div class="nudges-top">
          <canvas id="nudges-input" width="28" height="28" class="digit"></canvas>
          <p id="nudges-summary" class="readout"></p>
        </div>
        <div class="nudges-grid">
          <section><h3 data-i18n="outputWishes"></h3><div id="nudges-wishes"></div></section>
          <section><h3 id="nudges-ways-title"></h3><div id="nudges-ways" class="ways"></div>
            <p class="muted small" data-i18n="weightLever"></p><div id="nudges-weight-lever" class="compact"></div>
            <p class="muted small" data-i18n="activationLever"></p><div id="nudges-activation-lever" class="compact"></div></section>
        </div>
        <h3 data-i18n="backwardHeading"></h3>
        <div id="nudges-backward" class="nudges-grid"></div>
        <h3 data-i18n="firstLayerMaps"></h3>
        <canvas id="nudges-maps" width="640" height="200" class="maps"></canvas>
        <p id="nudges-shares" class="muted"></p>
        <h3 id="nudges-batch-title"></h3>
        <p class="muted small" data-i18n="batchColumns"></p>
        <div id="nudges-members" class="members"></div>
        <p id="nudges-coherence" class="readout"></p>
        <div class="nudges-grid">
          <section><h3 data-i18n="averageWishes"></h3><div id="nudges-average-wishes"></div></section>
          <section><h3 data-i18n="averageMaps"></h3><canvas id="nudges-average-maps" width="640" height="200" class="maps"></canvas></section>
        </div>
        <section id="nudges-average"></section>
      </div>`;
    const image = this.el<HTMLInputElement>('nudges-image');
    image.value = String(state.image);
    image.addEventListener('change', () => this.setImage(Number(image.value)));
    this.el('nudges-prev').addEventListener('click', () => this.setImage(store.state.image - 1));
    this.el('nudges-next').addEventListener('click', () => this.setImage(store.state.image + 1));
    const neuron = this.el<HTMLSelectElement>('nudges-neuron');
    neuron.addEventListener('change', () => {
      store.set({ neuron: Number(neuron.value) });
      this.update();
    });
    const model = this.el<HTMLSelectElement>('nudges-model');
    model.value = state.model;
    model.addEventListener('change', () => {
      store.set({ model: model.value as NudgesState['model'] });
      this.update();
    });
    const batch = this.el<HTMLInputElement>('nudges-batch');
    batch.value = String(state.batch);
    batch.addEventListener('change', () => {
      const b = Number(batch.value);
      if (Number.isInteger(b) && b >= 1 && b <= 100) {
        store.set({ batch: b });
        this.update();
      }
    });
  }

  /** Shows loading progress (fraction of bytes) or an error. */
  setStatus(text: string): void {
    this.el('nudges-status').textContent = text;
  }

  /** Gives the panel its data and computes. */
  setSources(sources: NudgesSources): void {
    this.sources = sources;
    this.setStatus('');
    this.update();
  }

  /** Re-renders the texts in the language of `tr`. */
  setLanguage(tr: Translator<ExplainKey>): void {
    this.tr = tr;
    applyMessages(this.root, tr.language, tr.t);
    this.render();
  }

  private el<T extends HTMLElement = HTMLElement>(id: string): T {
    return this.root.querySelector(`#${id}`) as T;
  }

  private setImage(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i > 59_999) return;
    this.store.set({ image: i });
    this.el<HTMLInputElement>('nudges-image').value = String(i);
    this.update();
  }

  private network(): { network: Network; cost: CostName } | null {
    if (!this.sources) return null;
    if (this.store.state.model === 'pretrained') return this.sources.pretrained;
    this.untrained ??= Network.random(SEED_ARCHITECTURE, 'normal', new Rng(1));
    return { network: this.untrained, cost: 'quadratic' };
  }

  private update(): void {
    const model = this.network();
    const sources = this.sources;
    if (!model || !sources) return;
    const which = this.store.state.model;
    const average = this.averages.get(which);
    if (average === undefined) {
      // Once per model: every training image's wishes averaged, in the Worker; then redrawn.
      this.averages.set(which, 'pending');
      this.averager(model.network, model.cost, sources.train).then(
        (a) => this.averages.set(which, a),
        (error: Error) => this.averages.set(which, error),
      ).finally(() => {
        if (this.store.state.model === which) this.update();
      });
    }
    const label = sources.train.labels[this.store.state.image];
    this.result = explainNudges(model.network, model.cost, sources.train, {
      index: this.store.state.image,
      neuron: this.store.state.neuron >= 0 ? this.store.state.neuron : label,
      batchSize: this.store.state.batch,
      ...(average !== undefined && average !== 'pending' && !(average instanceof Error) ? { trainingSet: average } : {}),
    });
    this.render();
  }

  private render(): void {
    const r = this.result;
    const sources = this.sources;
    if (!r || !sources) return;
    this.el('nudges-body').hidden = false;
    const t = this.tr.t;
    const g = nudgeNumber(this.tr);
    const num = this.tr.num;
    const img = r.image;
    // The neuron menu: "its label (d)" first, then 0–9.
    const neuron = this.el<HTMLSelectElement>('nudges-neuron');
    neuron.replaceChildren(
      new Option(`${t('itsLabel')} (${img.label})`, '-1'),
      ...Array.from({ length: 10 }, (_, j) => new Option(String(j), String(j))),
    );
    neuron.value = String(this.store.state.neuron);
    drawDigit(this.el<HTMLCanvasElement>('nudges-input'), imagePixels(sources.train, r.index));
    const summary = this.el('nudges-summary');
    summary.textContent = t('imageSummary', { index: r.index, label: img.label, answer: img.prediction, cost: num(img.cost, 5) });
    summary.dataset.cost = String(img.cost);
    summary.dataset.label = String(img.label);
    const out = img.layers[0];
    renderBars(this.el('nudges-wishes'), out.wishes.map((w, j) => ({ label: `${j}: a=${num(out.activations[j], 3)}`, value: w, highlight: j === img.label })), g);
    const ways = r.ways;
    this.el('nudges-ways-title').textContent = t('threeWays', { digit: ways.neuron });
    renderBars(
      this.el('nudges-ways'),
      [
        { label: t('wayBias'), value: ways.sizes.bias },
        { label: t('wayWeights'), value: ways.sizes.weights },
        { label: t('wayActivations'), value: ways.sizes.activations },
      ],
      g,
    );
    renderBars(this.el('nudges-weight-lever'), ways.weightSensitivities.map((v, k) => ({ label: `k=${k}`, value: v })), g);
    renderBars(this.el('nudges-activation-lever'), ways.activationSensitivities.map((v, k) => ({ label: `k=${k}`, value: v })), g);
    renderBackward(this.el('nudges-backward'), img, this.tr, g);
    const mapsScale = (largest: number): string => t('mapsScale', { value: g(largest) });
    drawMaps(this.el<HTMLCanvasElement>('nudges-maps'), img.weightNudges[0], mapsScale);
    this.el('nudges-shares').textContent = t('layerShares', { shares: r.layerSummary.map((s) => `${s.layer}: ${this.tr.pct(s.share, 1)}`).join(' · ') });
    const b = r.batch;
    this.el('nudges-batch-title').textContent = t('batchHeading', { from: r.index, to: r.index + b.members.length - 1 });
    this.el('nudges-members').replaceChildren(
      ...b.members.map((m) => {
        const row = document.createElement('div');
        row.className = 'member';
        row.textContent = `#${m.index} · ${m.label} · ${m.prediction} · ${num(m.cost, 4)} · ${g(m.length)} · ${num(m.agreement, 2)}`;
        return row;
      }),
    );
    this.el('nudges-coherence').textContent = t('coherence', { value: num(b.coherence, 3) });
    renderBars(this.el('nudges-average-wishes'), b.outputWishes.map((w, j) => ({ label: String(j), value: w })), g);
    drawMaps(this.el<HTMLCanvasElement>('nudges-average-maps'), b.weightNudges[0], mapsScale);
    const average = this.averages.get(this.store.state.model);
    const status = average instanceof Error ? t('averageFailed', { message: average.message }) : t('averaging', { count: this.tr.num(sources.train.count) });
    renderAverage(this.el('nudges-average'), r.trainingSet ?? null, status, this.tr, g);
  }
}

