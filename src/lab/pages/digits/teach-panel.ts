import { el, table } from '../../components/figure-parts.js';
import { serializeModel } from '../../../model/model-file.js';
import { FINE_TUNE_DEFAULTS } from '../../../train/finetune.js';
import { shownBackendName } from '../../shared/backend-label.js';
import type { Translator } from '../../shared/i18n.js';
import type { Store } from '../../shared/store.js';
import { type DigitsState, setAsDataset } from './digits-state.js';
import { FineTuneClient } from './finetune-client.js';
import type { FineTuneSummary } from '../../shared/digit-db.js';
import type { FromFineTuneWorker } from './finetune-protocol.js';
import type { DigitsKey } from './messages.js';
import { siteRoot } from '../../site/site-root.js';
import { download } from './transfer-panel.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** The name the pretrained model file goes by in a fine-tuned model's `data` field. */
export const BASE_NAME = 'pretrained.json';

/** Where a run stands, kept so that a language switch can word it again. */
type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'needs-digits' }
  | { readonly kind: 'loading'; readonly fraction: number }
  | { readonly kind: 'training'; readonly epoch: number; readonly epochs: number; readonly batch: number; readonly batches: number }
  | { readonly kind: 'done' }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * "Teach it your handwriting": fine-tunes the pretrained network on the learner's digits in
 * a Worker (the page stays live), with progress, and shows the held-out digits' accuracy and
 * MNIST's test accuracy before and after, from the summary kept with the fine-tuned network
 * (so they are still there after a reload). `onDone` stores the new network.
 */
export class TeachPanel {
  private phase: Phase = { kind: 'idle' };
  private readonly client = new FineTuneClient((m) => this.heard(m));
  private readonly button = $<HTMLButtonElement>('fine-tune');
  private readonly stop = $<HTMLButtonElement>('stop-fine-tune');
  private readonly progress = $<HTMLProgressElement>('fine-tune-progress');
  private readonly status = $('fine-tune-status');
  private readonly seed = $<HTMLInputElement>('fine-tune-seed');
  /** The ids of the digits sent, in order (the Worker's held-out positions refer to them). */
  private sentIds: number[] = [];

  constructor(
    private readonly store: Store<DigitsState>,
    private tr: Translator<DigitsKey>,
    private readonly onDone: (modelText: string, summary: FineTuneSummary, sentIds: readonly number[]) => Promise<void>,
  ) {
    this.seed.value = String(FINE_TUNE_DEFAULTS.seed);
    this.button.addEventListener('click', () => this.start());
    this.stop.addEventListener('click', () => this.client.send({ type: 'stop' }));
    $('download-model').addEventListener('click', () => {
      const kept = this.store.state.fineTuned;
      if (kept) download(kept.stored.modelText, 'my-digits-model.json', 'application/json');
    });
    store.watch(['fineTuned', 'digits', 'pretrained'], () => this.show());
  }

  /** Words the panel in the page's language. */
  setLanguage(tr: Translator<DigitsKey>): void {
    this.tr = tr;
    const d = FINE_TUNE_DEFAULTS;
    $('teach-text').textContent = tr.t('teachText', { epochs: d.epochs, mnist: tr.num(d.mnistImages), copies: d.copies, holdout: tr.pct(d.holdout, 0) });
    this.show();
  }

  /** Whether a run is under way. */
  get running(): boolean {
    return this.phase.kind === 'loading' || this.phase.kind === 'training';
  }

  private start(): void {
    const { digits, pretrained } = this.store.state;
    if (this.running || pretrained === null) return;
    if (digits.length === 0) {
      this.set({ kind: 'needs-digits' });
      return;
    }
    const seed = Number(this.seed.value);
    const valid = Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff;
    this.seed.setAttribute('aria-invalid', String(!valid));
    if (!valid) return;
    const data = setAsDataset(digits);
    this.sentIds = digits.map((d) => d.id);
    this.set({ kind: 'loading', fraction: 0 });
    this.client.send({ type: 'fine-tune', root: siteRoot(), baseText: serializeModel(pretrained), baseName: BASE_NAME, images: data.images, labels: data.labels, seed });
  }

  private heard(message: FromFineTuneWorker): void {
    if (message.type === 'loading') this.set({ kind: 'loading', fraction: message.fraction });
    else if (message.type === 'progress') this.set({ kind: 'training', epoch: message.epoch, epochs: message.epochs, batch: message.batch, batches: message.batches });
    else if (message.type === 'stopped') this.set({ kind: 'stopped' });
    else if (message.type === 'error') this.set({ kind: 'failed', message: message.message });
    else {
      this.onDone(message.modelText, message.summary, this.sentIds).then(
        () => this.set({ kind: 'done' }),
        (error: unknown) => this.set({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    }
  }

  private set(phase: Phase): void {
    this.phase = phase;
    this.show();
  }

  /** Draws the controls, the progress and the kept run's before and after. */
  private show(): void {
    const { tr, phase } = this;
    const { digits, pretrained, fineTuned } = this.store.state;
    this.button.disabled = this.running || pretrained === null || digits.length === 0;
    this.stop.hidden = !this.running;
    this.status.dataset.phase = phase.kind;
    this.progress.hidden = !this.running;
    if (phase.kind === 'loading') {
      this.progress.value = phase.fraction;
      this.status.textContent = tr.t('teachLoading', { percent: tr.pct(phase.fraction, 0) });
    } else if (phase.kind === 'training') {
      this.progress.value = ((phase.epoch - 1) * phase.batches + phase.batch) / (phase.epochs * phase.batches);
      this.status.textContent = tr.t('teachTraining', { epoch: phase.epoch, epochs: phase.epochs, batch: tr.num(phase.batch), batches: tr.num(phase.batches) });
    } else if (phase.kind === 'stopped') this.status.textContent = tr.t('teachStopped');
    else if (phase.kind === 'failed') this.status.textContent = tr.t('teachFailed', { message: phase.message });
    else if (digits.length === 0) this.status.textContent = tr.t('teachNeedsDigits');
    else this.status.textContent = '';
    this.status.className = phase.kind === 'failed' ? 'error' : '';
    this.showResult(fineTuned?.stored.summary ?? null);
    $('download-model').hidden = fineTuned === null;
  }

  private showResult(summary: FineTuneSummary | null): void {
    const host = $('fine-tune-result');
    if (summary === null) {
      host.replaceChildren();
      return;
    }
    const { tr } = this;
    const rows: string[][] = [];
    if (summary.heldOut) rows.push([tr.t('heldOutRow', { n: tr.num(summary.heldOut.count) }), tr.pct(summary.heldOut.before), tr.pct(summary.heldOut.after)]);
    rows.push([tr.t('mnistRow', { n: tr.num(summary.mnistTest.count) }), tr.pct(summary.mnistTest.before, 2), tr.pct(summary.mnistTest.after, 2)]);
    const result = table([tr.t('measuredOn'), tr.t('before'), tr.t('after')], rows, 'numbers before-after');
    result.createCaption().textContent = tr.t('resultCaption');
    const body = [...result.tBodies[0].rows];
    const mark = (row: HTMLTableRowElement | undefined, name: string, values: { before: number; after: number }): void => {
      if (row) Object.assign(row.dataset, { name, before: String(values.before), after: String(values.after) });
    };
    if (summary.heldOut) mark(body[0], 'held-out', summary.heldOut);
    mark(body[body.length - 1], 'mnist-test', summary.mnistTest);
    const parts: HTMLElement[] = [result];
    if (!summary.heldOut) parts.push(el('p', 'muted', tr.t('noHeldOut')));
    const took = el('p', 'muted fine-tune-time', `${tr.t('fineTunedOn', { trained: tr.num(summary.trained), seed: summary.seed })} ${tr.t('teachDone', { seconds: tr.num(summary.seconds, 1), backend: shownBackendName(summary.backend, tr.language) })}`);
    took.dataset.seconds = String(summary.seconds);
    parts.push(took);
    host.replaceChildren(...parts);
  }
}
