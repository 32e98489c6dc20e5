import type { Translator } from '../../shared/i18n.js';
import type { Store } from '../../shared/store.js';
import { type ImportedDigit, readImport } from './archive-read.js';
import { EXPORT_NAME, idxZip, imageFolderZip } from './archive-write.js';
import { MAX_SET_DIGITS } from '../../shared/digit-db.js';
import { type DigitsState, setAsDataset } from './digits-state.js';
import { ImportError, type ImportProblem } from './import-problem.js';
import { counted, type DigitsKey } from './messages.js';
import { BROWSER_PNG_CODEC } from './png-codec.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** Offers `bytes` as a download named `name`. */
export function download(bytes: Uint8Array | string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A problem in the learner's language. */
export function problemText(problem: ImportProblem, tr: Translator<DigitsKey>): string {
  const list = (names: readonly string[]): string => names.join(', ');
  switch (problem.kind) {
    case 'nothing': return tr.t('problemNothing');
    case 'one-file': return tr.t('problemOneFile', { n: tr.num(problem.count) });
    case 'too-big': return tr.t('problemTooBig', { file: problem.file, megabytes: tr.num(problem.megabytes) });
    case 'not-zip': return tr.t('problemNotZip', { file: problem.file });
    case 'empty': return tr.t('problemEmpty', { file: problem.file });
    case 'no-class-folders': return problem.pngs > 0 ? tr.t('problemLoosePngsOnly', { n: tr.num(problem.pngs) }) : tr.t('problemNoImages');
    case 'not-digit-folder': return tr.t('problemNotDigitFolder', { names: list(problem.names.map((n) => `${n}/`)) });
    case 'loose-pngs': return tr.t('problemLoosePngs', { names: list(problem.names) });
    case 'empty-class': return tr.t('problemEmptyClass', { folder: problem.folder });
    case 'too-many': return tr.t('problemTooMany', { max: tr.num(problem.max) });
    case 'not-png': return tr.t('problemNotPng', { path: problem.path });
    case 'broken-png': return tr.t('problemBrokenPng', { path: problem.path });
    case 'idx-missing': return tr.t(problem.which === 'images' ? 'problemIdxImages' : 'problemIdxLabels');
    case 'idx-broken': return tr.t('problemIdxBroken', { path: problem.path });
    case 'idx-shape': return tr.t('problemIdxShape', { path: problem.path, rows: problem.rows, cols: problem.cols });
    case 'idx-counts': return tr.t('problemIdxCounts', { images: tr.num(problem.images), labels: tr.num(problem.labels) });
    case 'idx-labels': return tr.t('problemIdxLabelRange', { path: problem.path });
    case 'set-full': return tr.t('problemSetFull', { total: tr.num(problem.stored + problem.adding), max: tr.num(problem.max) });
    case 'layout': return tr.t('problemLayout', { message: problem.message });
  }
}

/** What the last import or deletion said, kept so that a language switch can word it again. */
type Said = { readonly kind: 'imported'; readonly count: number; readonly file: string; readonly blank: number } | { readonly kind: 'refused'; readonly problem: ImportProblem } | { readonly kind: 'reading'; readonly file: string } | { readonly kind: 'cleared' } | null;

/**
 * "Export and import": the set as a zip of PNGs in class folders or as IDX files, an import
 * of either (checked whole before anything is stored: a bad file leaves the set as it was),
 * and "Delete all".
 */
export class TransferPanel {
  private said: Said = null;
  private readonly status = $('transfer-status');
  private readonly picker = $<HTMLInputElement>('import-files');

  constructor(
    private readonly store: Store<DigitsState>,
    private tr: Translator<DigitsKey>,
    private readonly onImport: (digits: readonly ImportedDigit[]) => Promise<void>,
    private readonly onClear: () => Promise<void>,
  ) {
    $('export-zip').addEventListener('click', () => download(imageFolderZip(store.state.digits), `${EXPORT_NAME}.zip`, 'application/zip'));
    $('export-idx').addEventListener('click', () => download(idxZip(setAsDataset(store.state.digits)), `${EXPORT_NAME}-idx.zip`, 'application/zip'));
    $('import-button').addEventListener('click', () => this.picker.click());
    this.picker.addEventListener('change', () => {
      const files = [...(this.picker.files ?? [])];
      this.picker.value = '';
      void this.import(files);
    });
    $('delete-all').addEventListener('click', () => void this.clear());
    store.watch(['digits'], () => this.enable());
    this.enable();
  }

  /** Words the panel in the page's language. */
  setLanguage(tr: Translator<DigitsKey>): void {
    this.tr = tr;
    this.say(this.said);
  }

  /** Reads the picked files; stores their digits only when every one of them is good. */
  async import(files: readonly File[]): Promise<void> {
    const name = files.map((f) => f.name).join(', ');
    this.say({ kind: 'reading', file: name });
    try {
      const picked = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const digits = await readImport(picked, BROWSER_PNG_CODEC);
      const stored = this.store.state.digits.length;
      if (stored + digits.length > MAX_SET_DIGITS) throw new ImportError({ kind: 'set-full', max: MAX_SET_DIGITS, adding: digits.length, stored });
      await this.onImport(digits);
      this.say({ kind: 'imported', count: digits.length, file: name, blank: digits.filter((d) => !d.hasInk).length });
    } catch (error) {
      this.say({ kind: 'refused', problem: error instanceof ImportError ? error.problem : { kind: 'layout', message: error instanceof Error ? error.message : String(error) } });
    }
  }

  private async clear(): Promise<void> {
    const n = this.store.state.digits.length;
    if (n === 0 || !confirm(this.tr.t('confirmDeleteAll', { count: counted(this.tr.t, this.tr.language, 'digits', n, this.tr.num(n)) }))) return;
    await this.onClear();
    this.say({ kind: 'cleared' });
  }

  private enable(): void {
    const empty = this.store.state.digits.length === 0;
    for (const id of ['export-zip', 'export-idx', 'delete-all']) $<HTMLButtonElement>(id).disabled = empty;
  }

  private say(said: Said): void {
    this.said = said;
    const { tr } = this;
    this.status.className = said?.kind === 'refused' ? 'error' : '';
    this.status.dataset.result = said?.kind ?? '';
    if (said === null) this.status.textContent = '';
    else if (said.kind === 'reading') this.status.textContent = tr.t('importing', { file: said.file });
    else if (said.kind === 'cleared') this.status.textContent = tr.t('deletedAll');
    else if (said.kind === 'refused') {
      this.status.dataset.problem = said.problem.kind;
      this.status.textContent = `${problemText(said.problem, tr)} ${tr.t('nothingImported')}`;
    } else {
      const added = counted(tr.t, tr.language, 'imported', said.count, tr.num(said.count), { file: said.file });
      this.status.textContent = said.blank > 0 ? `${added} ${tr.t('importedBlank', { n: tr.num(said.blank) })}` : added;
    }
  }
}
