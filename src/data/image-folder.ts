import { DigitlabError, formatCount } from '../errors.js';
import { DIGIT_CLASS_NAMES } from './dataset.js';

/*
 * The image-folder layout of torchvision's ImageFolder and Keras's image_dataset_from_directory:
 * a folder of class folders named for their digit, `0/ … 9/`, each holding that digit's
 * pictures as PNG files of any size. This file checks a listing of such a folder and says
 * which file is which digit; reading the files is the caller's (image-folder-node.ts in Node,
 * a zip or IndexedDB in the browser). Pure: runs in Node, the browser and Web Workers.
 */

/** The most images one folder may hold: far above any hand-drawn set, far below what would exhaust memory. */
export const MAX_FOLDER_IMAGES = 100_000;

/** How many names a message lists before it says "and N more". */
const LISTED_NAMES = 6;

/** What a folder holds, as listed: its sub-folders (with their entries) and its loose files. */
export interface FolderListing {
  /** Each sub-folder's name and the names of what it holds (files and folders alike). */
  readonly folders: readonly { readonly name: string; readonly entries: readonly string[] }[];
  /** Files directly in the folder. */
  readonly files: readonly string[];
}

/** One picture of the set: where it is and which digit it shows. */
export interface ImageFile {
  /** Path inside the folder, `digit/name.png`. */
  readonly path: string;
  /** The class folder's name ("3"). */
  readonly folder: string;
  /** The file's name inside it. */
  readonly name: string;
  readonly label: number;
}

/** The pictures of a checked image folder, in order, and what was passed over. */
export interface ImageFolderPlan {
  /** Class folders in digit order, files in each by name (code-point order: the same everywhere). */
  readonly images: readonly ImageFile[];
  /** Files in class folders that are not PNG images, passed over (`digit/name`). */
  readonly skipped: readonly string[];
}

/** A name that hides itself (`.DS_Store`, `.git`): passed over everywhere, as file managers do. */
function hidden(name: string): boolean {
  return name.startsWith('.');
}

/** Whether a file name is a PNG image's (by its suffix, any case). */
export function isPngName(name: string): boolean {
  return /\.png$/i.test(name) && !hidden(name);
}

/** The label of a class folder's name ("0".."9"), or null when it is not one. */
export function classFolderLabel(name: string): number | null {
  const label = DIGIT_CLASS_NAMES.indexOf(name);
  return label < 0 ? null : label;
}

/**
 * Checks an image folder's listing and returns its pictures, or throws a one-line
 * DigitlabError naming the problem (`root` starts each message): an empty folder, a folder
 * without class folders (loose PNGs or nothing usable), a sub-folder whose name is not a
 * digit, a PNG outside the class folders, a class folder without PNGs, more than
 * MAX_FOLDER_IMAGES images. Hidden names are passed over; so are non-PNG files in class
 * folders (listed in `skipped`).
 */
export function planImageFolder(root: string, listing: FolderListing): ImageFolderPlan {
  const folders = listing.folders.filter((f) => !hidden(f.name));
  const files = listing.files.filter((name) => !hidden(name));
  if (folders.length === 0 && files.length === 0) throw new DigitlabError(`${root}: the folder is empty (expected class folders 0/ … 9/ holding PNG images)`);
  const strange = folders.filter((f) => classFolderLabel(f.name) === null).map((f) => f.name);
  if (strange.length > 0) {
    throw new DigitlabError(
      `${root}: ${strange.length === 1 ? 'the folder' : 'the folders'} ${listNames(strange.map((n) => `${n}/`))} ${strange.length === 1 ? 'is' : 'are'} not named for a digit; ` +
        'class folders are named 0 to 9 (the digit their images show)',
    );
  }
  const loosePngs = files.filter(isPngName);
  if (folders.length === 0) {
    throw new DigitlabError(
      loosePngs.length > 0
        ? `${root}: ${formatCount(loosePngs.length)} PNG ${loosePngs.length === 1 ? 'image' : 'images'} but no class folders; put each image in the folder of its digit (0/ … 9/)`
        : `${root}: no class folders 0/ … 9/ and no PNG images (it holds ${listNames(files)})`,
    );
  }
  if (loosePngs.length > 0) {
    throw new DigitlabError(`${root}: ${listNames(loosePngs)} ${loosePngs.length === 1 ? 'lies' : 'lie'} outside the class folders, so ${loosePngs.length === 1 ? 'its digit is' : 'their digits are'} unknown; move each into the folder of its digit (0/ … 9/)`);
  }
  const images: ImageFile[] = [];
  const skipped: string[] = [];
  const byLabel = [...folders].sort((a, b) => (classFolderLabel(a.name) ?? 0) - (classFolderLabel(b.name) ?? 0));
  for (const folder of byLabel) {
    const label = classFolderLabel(folder.name) ?? 0;
    const visible = folder.entries.filter((name) => !hidden(name));
    const pngs = visible.filter(isPngName).sort(codePointOrder);
    if (pngs.length === 0) {
      throw new DigitlabError(
        visible.length === 0
          ? `${root}/${folder.name}: the class folder is empty (no PNG images of the digit ${folder.name})`
          : `${root}/${folder.name}: no PNG images in the class folder (it holds ${listNames(visible)}; only PNG files are read)`,
      );
    }
    for (const name of pngs) images.push({ path: `${folder.name}/${name}`, folder: folder.name, name, label });
    for (const name of visible.filter((n) => !isPngName(n)).sort(codePointOrder)) skipped.push(`${folder.name}/${name}`);
    if (images.length > MAX_FOLDER_IMAGES) throw new DigitlabError(`${root}: more than ${formatCount(MAX_FOLDER_IMAGES)} PNG images; an image folder here holds at most that many`);
  }
  return { images, skipped };
}

/**
 * The listing of a set of paths inside an archive (a zip's entries: "3/a.png", and folders as
 * "3/"), for `planImageFolder`. When everything sits in one top folder that is not a class
 * folder ("my-digits/3/a.png", as zipping a folder makes), that folder is the root. Deeper
 * paths than class/file count as entries of their class folder (and are passed over, not being
 * PNGs directly in it); empty segments are ignored.
 */
export function listingFromPaths(paths: readonly string[]): FolderListing {
  let entries = paths
    .map((p) => ({ parts: p.split(/[/\\]/).filter((s) => s !== ''), folder: /[/\\]$/.test(p) }))
    .filter((e) => e.parts.length > 0);
  const tops = new Set(entries.map((e) => e.parts[0]));
  const [top] = tops;
  const wrapped = tops.size === 1 && classFolderLabel(top) === null && entries.every((e) => e.parts.length > 1 || e.folder);
  if (wrapped) entries = entries.map((e) => ({ ...e, parts: e.parts.slice(1) })).filter((e) => e.parts.length > 0);
  const folders = new Map<string, Set<string>>();
  const files: string[] = [];
  for (const { parts, folder } of entries) {
    if (parts.length === 1 && !folder) {
      files.push(parts[0]);
      continue;
    }
    const held = folders.get(parts[0]) ?? new Set<string>();
    if (parts.length === 2) held.add(folder ? `${parts[1]}/` : parts[1]);
    else if (parts.length > 2) held.add(`${parts[1]}/`);
    folders.set(parts[0], held);
  }
  return { folders: [...folders].map(([name, held]) => ({ name, entries: [...held] })), files };
}

/** "a, b, c and 4 more". */
function listNames(names: readonly string[]): string {
  const sorted = [...names].sort(codePointOrder);
  const shown = sorted.slice(0, LISTED_NAMES).join(', ');
  const rest = sorted.length - LISTED_NAMES;
  return rest > 0 ? `${shown} and ${formatCount(rest)} more` : shown;
}

/** Plain code-point order: the same in every JavaScript engine and locale. */
function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
