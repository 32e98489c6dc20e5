import type { Network } from '../../core/network.js';
import { Network as NetworkClass, SEED_ARCHITECTURE } from '../../core/network.js';
import { Rng } from '../../core/rng.js';
import type { CostName } from '../../core/costs.js';
import type { Dataset } from '../../data/dataset.js';
import { explainNudges, imagePixels, type NudgesResult } from '../../explain/nudges.js';
import type { Language } from '../messages.js';
import { renderBars } from './bars.js';
import type { ExplainState } from './explain-state.js';
import { type ExplainKey, tx } from './explain-messages.js';

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

  /** Builds the panel inside `root`; `onChange` saves the state. */
  constructor(
    private readonly root: HTMLElement,
    private readonly state: ExplainState,
    private language: Language,
    private readonly onChange: () => void,
  ) {
    root.innerHTML = `
      <p class="intro" data-k="nudgesIntro"></p>
      <div class="controls">
        <label><span data-k="imageIndex"></span>
          <span class="inline"><button type="button" id="nudges-prev" aria-label="−1">◀</button><input id="nudges-image" type="number" min="0" max="59999" step="1" /><button type="button" id="nudges-next" aria-label="+1">▶</button></span>
        </label>
        <label><span data-k="outputNeuron"></span><select id="nudges-neuron"></select></label>
        <label><span data-k="model"></span>
          <select id="nudges-model"><option value="pretrained" data-k="modelPretrained"></option><option value="untrained" data-k="modelUntrained"></option></select>
        </label>
        <label><span data-k="batchSize"></span><input id="nudges-batch" type="number" min="1" max="100" step="1" /></label>
      </div>
      <p id="nudges-status" class="muted" role="status"></p>
      <div id="nudges-body" hidden>
        <div class="nudges-top">
          <canvas id="nudges-input" width="28" height="28" class="digit"></canvas>
          <p id="nudges-summary" class="readout"></p>
        </div>
        <div class="nudges-grid">
          <section><h3 data-k="outputWishes"></h3><div id="nudges-wishes"></div></section>
          <section><h3 id="nudges-ways-title"></h3><div id="nudges-ways" class="ways"></div>
            <p class="muted small" data-k="weightLever"></p><div id="nudges-weight-lever" class="compact"></div>
            <p class="muted small" data-k="activationLever"></p><div id="nudges-activation-lever" class="compact"></div></section>
          <section><h3 data-k="summedWishes"></h3><div id="nudges-summed" class="compact"></div></section>
        </div>
        <h3 data-k="firstLayerMaps"></h3>
        <canvas id="nudges-maps" width="640" height="200" class="maps"></canvas>
        <p id="nudges-shares" class="muted"></p>
        <h3 id="nudges-batch-title"></h3>
        <p class="muted small" data-k="batchColumns"></p>
        <div id="nudges-members" class="members"></div>
        <p id="nudges-coherence" class="readout"></p>
        <div class="nudges-grid">
          <section><h3 data-k="averageWishes"></h3><div id="nudges-average-wishes"></div></section>
          <section><h3 data-k="averageMaps"></h3><canvas id="nudges-average-maps" width="640" height="200" class="maps"></canvas></section>
        </div>
      </div>`;
    const image = this.el<HTMLInputElement>('nudges-image');
    image.value = String(state.image);
    image.addEventListener('change', () => this.setImage(Number(image.value)));
    this.el('nudges-prev').addEventListener('click', () => this.setImage(state.image - 1));
    this.el('nudges-next').addEventListener('click', () => this.setImage(state.image + 1));
    const neuron = this.el<HTMLSelectElement>('nudges-neuron');
    neuron.addEventListener('change', () => {
      state.neuron = Number(neuron.value);
      this.update();
    });
    const model = this.el<HTMLSelectElement>('nudges-model');
    model.value = state.model;
    model.addEventListener('change', () => {
      state.model = model.value as ExplainState['model'];
      this.update();
    });
    const batch = this.el<HTMLInputElement>('nudges-batch');
    batch.value = String(state.batch);
    batch.addEventListener('change', () => {
      const b = Number(batch.value);
      if (Number.isInteger(b) && b >= 1 && b <= 100) {
        state.batch = b;
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

  /** Re-renders the texts in `language`. */
  setLanguage(language: Language): void {
    this.language = language;
    for (const el of this.root.querySelectorAll<HTMLElement>('[data-k]')) el.textContent = tx(language, el.dataset.k as ExplainKey);
    this.render();
  }

  private el<T extends HTMLElement = HTMLElement>(id: string): T {
    return this.root.querySelector(`#${id}`) as T;
  }

  private setImage(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i > 59_999) return;
    this.state.image = i;
    this.el<HTMLInputElement>('nudges-image').value = String(i);
    this.update();
  }

  private network(): { network: Network; cost: CostName } | null {
    if (!this.sources) return null;
    if (this.state.model === 'pretrained') return this.sources.pretrained;
    this.untrained ??= NetworkClass.random(SEED_ARCHITECTURE, 'normal', new Rng(1));
    return { network: this.untrained, cost: 'quadratic' };
  }

  private update(): void {
    const model = this.network();
    if (!model || !this.sources) return;
    const label = this.sources.train.labels[this.state.image];
    this.result = explainNudges(model.network, model.cost, this.sources.train, {
      index: this.state.image,
      neuron: this.state.neuron >= 0 ? this.state.neuron : label,
      batchSize: this.state.batch,
    });
    this.render();
    this.onChange();
  }

  private render(): void {
    const r = this.result;
    const sources = this.sources;
    if (!r || !sources) return;
    this.el('nudges-body').hidden = false;
    const t = (key: ExplainKey, values?: Record<string, string | number>): string => tx(this.language, key, values);
    const g = (v: number): string => (Math.abs(v) < 1e-3 && v !== 0 ? v.toExponential(2) : v.toFixed(4));
    const img = r.image;
    // The neuron menu: "its label (d)" first, then 0–9.
    const neuron = this.el<HTMLSelectElement>('nudges-neuron');
    neuron.replaceChildren(
      new Option(`${t('itsLabel')} (${img.label})`, '-1'),
      ...Array.from({ length: 10 }, (_, j) => new Option(String(j), String(j))),
    );
    neuron.value = String(this.state.neuron);
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
