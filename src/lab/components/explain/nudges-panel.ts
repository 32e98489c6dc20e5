import type { CostName } from '../../../core/costs.js';
import { Network, SEED_ARCHITECTURE } from '../../../core/network.js';
import { Rng } from '../../../core/rng.js';
import type { Dataset } from '../../../data/dataset.js';
import { explainNudges, imagePixels, type NudgesResult } from '../../../explain/nudges.js';
import { applyMessages } from '../../shared/i18n-dom.js';
import type { Translator } from '../../shared/i18n.js';
import type { StateView } from '../../shared/store.js';
import { renderBars } from '../signed-bars.js';
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

/**
 * The nudges panel (S20, S24–S26): for one training image and the model, the wished change
 * of each output, the three ways to raise a chosen output, the wishes summed into the last
 * hidden layer, −∇C of the first layer as 16 weight maps, and the average over a mini-batch.
 * All numbers come from `explainNudges` in src/explain (the CLI's `explain nudges`).
 */
export class NudgesPanel {
  private sources: NudgesSources | null = null;
  private untrained: Network | null = null;
  private result: NudgesResult | null = null;

  /** Builds the panel inside `root`, showing and changing `store`'s nudges settings. */
  constructor(
    private readonly root: HTMLElement,
    private readonly store: StateView<NudgesState>,
    private tr: Translator<ExplainKey>,
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
          <section><h3 data-i18n="summedWishes"></h3><div id="nudges-summed" class="compact"></div></section>
        </div>
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
    if (!model || !this.sources) return;
    const label = this.sources.train.labels[this.store.state.image];
    this.result = explainNudges(model.network, model.cost, this.sources.train, {
      index: this.store.state.image,
      neuron: this.store.state.neuron >= 0 ? this.store.state.neuron : label,
      batchSize: this.store.state.batch,
    });
    this.render();
  }

  private render(): void {
    const r = this.result;
    const sources = this.sources;
    if (!r || !sources) return;
    this.el('nudges-body').hidden = false;
    const t = this.tr.t;
    const g = (v: number): string => (Math.abs(v) < 1e-3 && v !== 0 ? v.toExponential(2) : v.toFixed(4));
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
    summary.textContent = t('imageSummary', { index: r.index, label: img.label, answer: img.prediction, cost: img.cost.toFixed(5) });
    summary.dataset.cost = String(img.cost);
    summary.dataset.label = String(img.label);
    const out = img.layers[0];
    renderBars(this.el('nudges-wishes'), out.wishes.map((w, j) => ({ label: `${j}: a=${out.activations[j].toFixed(3)}`, value: w, highlight: j === img.label })), g);
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
    if (img.layers.length > 1) {
      const prev = img.layers[1];
      renderBars(this.el('nudges-summed'), prev.wishes.map((v, k) => ({ label: `${k}: a=${prev.activations[k].toFixed(2)}`, value: v })), g);
    }
    drawMaps(this.el<HTMLCanvasElement>('nudges-maps'), img.weightNudges[0]);
    this.el('nudges-shares').textContent = t('layerShares', { shares: r.layerSummary.map((s) => `${s.layer}: ${(s.share * 100).toFixed(1)} %`).join(' · ') });
    const b = r.batch;
    this.el('nudges-batch-title').textContent = t('batchHeading', { from: r.index, to: r.index + b.members.length - 1 });
    this.el('nudges-members').replaceChildren(
      ...b.members.map((m) => {
        const row = document.createElement('div');
        row.className = 'member';
        row.textContent = `#${m.index} · ${m.label} · ${m.prediction} · ${m.cost.toFixed(4)} · ${g(m.length)} · ${m.agreement.toFixed(2)}`;
        return row;
      }),
    );
    this.el('nudges-coherence').textContent = t('coherence', { value: b.coherence.toFixed(3) });
    renderBars(this.el('nudges-average-wishes'), b.outputWishes.map((w, j) => ({ label: String(j), value: w })), g);
    drawMaps(this.el<HTMLCanvasElement>('nudges-average-maps'), b.weightNudges[0]);
  }
}

/** A 28×28 image in [0, 1] as white ink on black. */
function drawDigit(canvas: HTMLCanvasElement, pixels: ArrayLike<number>): void {
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  const image = ctx.createImageData(28, 28);
  for (let p = 0; p < 784; p++) {
    const v = Math.round(255 * pixels[p]);
    image.data.set([v, v, v, 255], p * 4);
  }
  ctx.putImageData(image, 0, 0);
}

/** 16 maps of 28×28 (one per first-layer neuron), green = positive nudge, red = negative, one shared scale. */
function drawMaps(canvas: HTMLCanvasElement, nudges: Float64Array): void {
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  const neurons = nudges.length / 784;
  const cols = 8;
  const zoom = 2.5;
  const cell = 28 * zoom + 10;
  let max = 0;
  for (const v of nudges) max = Math.max(max, Math.abs(v));
  ctx.fillStyle = '#0b0d12';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const tile = ctx.createImageData(28, 28);
  const scratch = document.createElement('canvas');
  scratch.width = 28;
  scratch.height = 28;
  const sctx = scratch.getContext('2d') as CanvasRenderingContext2D;
  ctx.imageSmoothingEnabled = false;
  ctx.font = '11px ui-monospace, monospace';
  for (let j = 0; j < neurons; j++) {
    for (let p = 0; p < 784; p++) {
      const v = nudges[j * 784 + p] / (max || 1);
      const s = Math.round(255 * Math.min(1, Math.abs(v)));
      tile.data.set(v >= 0 ? [Math.round(s * 0.25), s, Math.round(s * 0.35), 255] : [s, Math.round(s * 0.25), Math.round(s * 0.25), 255], p * 4);
    }
    sctx.putImageData(tile, 0, 0);
    const x = (j % cols) * cell;
    const y = Math.floor(j / cols) * (cell + 12);
    ctx.drawImage(scratch, x, y, 28 * zoom, 28 * zoom);
    ctx.strokeStyle = '#2a2f3a';
    ctx.strokeRect(x + 0.5, y + 0.5, 28 * zoom, 28 * zoom);
    ctx.fillStyle = '#aeb4c0';
    ctx.fillText(String(j), x, y + 28 * zoom + 12);
  }
  ctx.fillText(`max |nudge| ${max.toExponential(2)}`, 0, canvas.height - 4);
}
