import { parseModelText } from '../../../model/model-file.js';
import { showCourseLink } from '../../components/course-link.js';
import { lazyNotice } from '../../components/lazy-notice.js';
import { applyMessages } from '../../shared/i18n-dom.js';
import { type Language, pageLanguage, Translator } from '../../shared/i18n.js';
import { loadPretrained } from '../../shared/model-loader.js';
import { siteRoot } from '../../site/site-root.js';
import { Store, syncHash } from '../../shared/store.js';
import { CollectPanel } from './collect-panel.js';
import { DigitDb, type NewDigit, type StoredDigit, type StoredNetwork } from '../../shared/digit-db.js';
import { currentNetwork, DEFAULT_DIGITS_STATE, DIGITS_CODEC, type DigitsState, readingOf } from './digits-state.js';
import { DIGITS_MESSAGES, type DigitsKey } from './messages.js';
import { ReadingPanel } from './reading-panel.js';
import { SetGrid } from './set-grid.js';
import { TeachPanel } from './teach-panel.js';
import { installTestHook } from './test-hook.js';
import { TransferPanel } from './transfer-panel.js';

/**
 * The "Your handwriting" page: the learner's own digits (drawn here or imported, kept in
 * IndexedDB), how well the current network reads them, and fine-tuning it on them in a
 * Worker. One store; the panels draw it; this file only composes and keeps IndexedDB in step.
 */
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const { state: fromHash, issues } = DIGITS_CODEC.decode(location.hash);
const store = new Store<DigitsState>({ ...DEFAULT_DIGITS_STATE, ...fromHash });
syncHash(store, DIGITS_CODEC);
const tr = (): Translator<DigitsKey> => new Translator(DIGITS_MESSAGES, pageLanguage(store.state.language));
const notice = lazyNotice($('state-notice'), issues);

/** IndexedDB, or null when this browser refuses it (the set then lives for this visit only). */
let db: DigitDb | null = null;
/** Ids for digits kept in memory only (when IndexedDB is refused). */
let memoryIds = 0;

async function addDigits(digits: readonly NewDigit[]): Promise<void> {
  const stored: StoredDigit[] = db ? await db.add(digits) : digits.map((d) => ({ ...d, id: ++memoryIds }));
  store.set({ digits: [...store.state.digits, ...stored] });
}

const grid = new SetGrid($('set-grid'), $('set-count'), (digit) => {
  void db?.delete(digit.id);
  store.set({ digits: store.state.digits.filter((d) => d.id !== digit.id) });
});
const collect = new CollectPanel(store, tr(), (drawing) => addDigits([{ ...drawing, added: Date.now() }]));
const transfer = new TransferPanel(
  store,
  tr(),
  (digits) => addDigits(digits.map((d) => ({ label: d.label, input: d.input, png: d.png, added: Date.now() }))),
  async () => {
    await db?.clear();
    store.set({ digits: [], fineTuned: null });
  },
);
const reading = new ReadingPanel(
  (digit) => grid.url(digit),
  (kind) => {
    const kept = store.state.fineTuned;
    if (kept === null) return;
    const stored = { ...kept.stored, active: kind === 'fine-tuned' };
    void db?.saveNetwork(stored);
    store.set({ fineTuned: { ...kept, stored } });
  },
);
const teach = new TeachPanel(store, tr(), async (modelText, summary, sentIds) => {
  const stored = { modelText, summary, heldOutIds: summary.heldOutIndices.map((i) => sentIds[i]), active: true, saved: Date.now() };
  await db?.saveNetwork(stored);
  store.set({ fineTuned: { model: parseModelText(modelText, 'the fine-tuned network'), stored } });
});

/** The set, the reading and the marks, drawn again after any change of what they show. */
function showSet(): void {
  const t = tr();
  const s = store.state;
  const report = readingOf(s);
  const kind = currentNetwork(s)?.kind ?? null;
  const heldOut = new Set(kind === 'fine-tuned' ? (s.fineTuned?.stored.heldOutIds ?? []) : []);
  grid.show(s.digits, report, heldOut, t);
  reading.show({ digits: s.digits, reading: report, kind, canFineTune: s.fineTuned !== null, heldOut, modelError: s.modelError }, t);
  document.body.dataset.digits = String(s.digits.length);
}

function applyLanguage(): void {
  const t = tr();
  applyMessages(document, t.language, t.t);
  document.title = t.t('title');
  $<HTMLSelectElement>('language').value = t.language;
  const lang = store.state.language ? `#lang=${store.state.language}` : '';
  $<HTMLAnchorElement>('back-to-lab').href = `../${lang}`;
  showCourseLink($<HTMLAnchorElement>('course-link'), '../', store.state.language, t.language);
  notice.show(t.language);
  $('storage-error').textContent = store.state.storageError ? t.t('storageFailed', { message: store.state.storageError }) : '';
  collect.setLanguage(t);
  transfer.setLanguage(t);
  teach.setLanguage(t);
  showSet();
}

store.watch(['language', 'storageError'], applyLanguage);
store.watch(['digits', 'pretrained', 'fineTuned', 'modelError'], showSet);
$<HTMLSelectElement>('language').addEventListener('change', (e) => store.set({ language: (e.target as HTMLSelectElement).value as Language }));
applyLanguage();
installTestHook(store, collect);

/** A kept fine-tuned network, or null when its model file no longer reads (the page then offers the pretrained one). */
function keptNetwork(stored: StoredNetwork): DigitsState['fineTuned'] {
  try {
    return { model: parseModelText(stored.modelText, 'the fine-tuned network'), stored };
  } catch {
    return null;
  }
}

/** Opens IndexedDB and the pretrained network; the page is ready when both have answered. */
async function start(): Promise<void> {
  const [opened, model] = await Promise.allSettled([DigitDb.open(), loadPretrained(siteRoot())]);
  if (model.status === 'fulfilled') store.set({ pretrained: model.value });
  else store.set({ modelError: String(model.reason instanceof Error ? model.reason.message : model.reason) });
  if (opened.status === 'fulfilled') {
    db = opened.value;
    const [digits, network] = await Promise.all([db.all(), db.network()]);
    store.set({ digits, fineTuned: network ? keptNetwork(network) : null });
  } else store.set({ storageError: opened.reason instanceof Error ? opened.reason.message : String(opened.reason) });
  document.body.dataset.ready = 'true';
}

void start();
