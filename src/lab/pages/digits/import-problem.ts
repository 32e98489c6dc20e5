import { classFolderLabel, type FolderListing, isPngName, MAX_FOLDER_IMAGES } from '../../../data/image-folder.js';

/**
 * What can be wrong with files brought to "Your digits", as data: the page words each kind in
 * the learner's language (messages.ts), naming the file or folder. The image-folder rules are
 * the engine's (planImageFolder, whose messages are the command line's English); this file
 * only says which of its rules a refused listing broke.
 */
export type ImportProblem =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'one-file'; readonly count: number }
  | { readonly kind: 'too-big'; readonly file: string; readonly megabytes: number }
  | { readonly kind: 'not-zip'; readonly file: string }
  | { readonly kind: 'empty'; readonly file: string }
  | { readonly kind: 'no-class-folders'; readonly pngs: number }
  | { readonly kind: 'not-digit-folder'; readonly names: readonly string[] }
  | { readonly kind: 'loose-pngs'; readonly names: readonly string[] }
  | { readonly kind: 'empty-class'; readonly folder: string }
  | { readonly kind: 'too-many'; readonly max: number }
  | { readonly kind: 'not-png'; readonly path: string }
  | { readonly kind: 'broken-png'; readonly path: string }
  | { readonly kind: 'idx-missing'; readonly which: 'images' | 'labels' }
  | { readonly kind: 'idx-broken'; readonly path: string }
  | { readonly kind: 'idx-shape'; readonly path: string; readonly rows: number; readonly cols: number }
  | { readonly kind: 'idx-counts'; readonly images: number; readonly labels: number }
  | { readonly kind: 'idx-labels'; readonly path: string }
  | { readonly kind: 'set-full'; readonly max: number; readonly adding: number; readonly stored: number }
  /** A rule of the engine's this page does not word: its own (English) message. */
  | { readonly kind: 'layout'; readonly message: string };

/** An import refused, with its problem (the message is the English wording, for logs). */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(readonly problem: ImportProblem) {
    super(`import refused: ${problem.kind}`);
  }
}

const hidden = (name: string): boolean => name.startsWith('.');

/**
 * Which image-folder rule a listing broke, once `planImageFolder` has refused it (`error`):
 * its checks in its order — an empty folder, a folder not named for a digit, PNGs without
 * class folders, PNGs beside the class folders, a class folder without PNGs, too many images.
 */
export function folderProblem(listing: FolderListing, error: unknown): ImportProblem {
  const folders = listing.folders.filter((f) => !hidden(f.name));
  const files = listing.files.filter((n) => !hidden(n));
  if (folders.length === 0 && files.length === 0) return { kind: 'no-class-folders', pngs: 0 };
  const strange = folders.filter((f) => classFolderLabel(f.name) === null).map((f) => f.name);
  if (strange.length > 0) return { kind: 'not-digit-folder', names: strange.sort() };
  const loose = files.filter(isPngName);
  if (folders.length === 0) return { kind: 'no-class-folders', pngs: loose.length };
  if (loose.length > 0) return { kind: 'loose-pngs', names: loose.sort() };
  const byLabel = [...folders].sort((a, b) => (classFolderLabel(a.name) ?? 0) - (classFolderLabel(b.name) ?? 0));
  const empty = byLabel.find((f) => !f.entries.some(isPngName));
  if (empty) return { kind: 'empty-class', folder: empty.name };
  if (folders.reduce((n, f) => n + f.entries.filter(isPngName).length, 0) > MAX_FOLDER_IMAGES) return { kind: 'too-many', max: MAX_FOLDER_IMAGES };
  return { kind: 'layout', message: error instanceof Error ? error.message : String(error) };
}
