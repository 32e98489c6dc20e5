import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DigitlabError, formatCount } from '../errors.js';
import { DIGIT_CLASS_NAMES, type Dataset, type DatasetPair } from './dataset.js';
import { type FolderListing, planImageFolder } from './image-folder.js';
import { datasetFromImages, type LabelledImage } from './image-set.js';
import { readPngDigit } from './png-node.js';

/** A folder of class folders read as a data set (see image-folder.ts for the layout). */
export interface ImageFolderSet {
  /** The images, 28×28 each, preprocessed as `digitlab predict` preprocesses a PNG; in folder order. */
  readonly dataset: Dataset;
  /** Each image's path inside the folder (`3/a.png`), index = example. */
  readonly files: readonly string[];
  /** Files in class folders that are not PNG images, passed over. */
  readonly skipped: readonly string[];
  /** Images with no ink (a blank page still becomes an input; the caller may warn). */
  readonly blank: readonly string[];
  /** The folder, as given. */
  readonly source: string;
}

/** PNG files read at once: enough to overlap the disk, few enough to keep memory flat. */
const READ_AHEAD = 16;

/**
 * Reads an image folder: class folders `0/ … 9/` of PNG images of any size (the layout of
 * torchvision's ImageFolder and Keras), each PNG preprocessed exactly as `digitlab predict`
 * preprocesses one (readPngDigit). Every problem is one DigitlabError naming the folder or
 * the file: no such folder, no class folders, a folder not named for a digit, an empty class
 * folder, no PNG at all, a broken PNG (`DIR/3/a.png: …`).
 */
export async function loadImageFolder(dir: string): Promise<ImageFolderSet> {
  const plan = planImageFolder(dir, await listImageFolder(dir));
  const images: LabelledImage[] = new Array(plan.images.length);
  const blank: string[] = [];
  for (let start = 0; start < plan.images.length; start += READ_AHEAD) {
    const chunk = plan.images.slice(start, start + READ_AHEAD);
    const digits = await Promise.all(chunk.map((file) => readPngDigit(join(dir, file.folder, file.name), `${dir.replace(/\/+$/, '')}/${file.path}`)));
    digits.forEach((digit, k) => {
      images[start + k] = { pixels: digit.input, label: chunk[k].label };
      if (!digit.ink.hasInk) blank.push(chunk[k].path);
    });
  }
  return { dataset: datasetFromImages(images, DIGIT_CLASS_NAMES), files: plan.images.map((f) => f.path), skipped: plan.skipped, blank, source: dir };
}

/**
 * An image folder as a training and a test set: with sub-folders `train/` and `test/`, each
 * an image folder, those; otherwise the one set is both (a data set to measure on, or to
 * train and measure on the same images). The source says which.
 */
export async function loadImageFolderPair(dir: string): Promise<DatasetPair> {
  const listing = await listImageFolder(dir);
  const names = new Set(listing.folders.map((f) => f.name));
  if (names.has('train') && names.has('test')) {
    const [train, test] = await Promise.all([loadImageFolder(join(dir, 'train')), loadImageFolder(join(dir, 'test'))]);
    return { train: train.dataset, test: test.dataset, source: `${dir} (image folder: ${formatCount(train.dataset.count)} training and ${formatCount(test.dataset.count)} test images)` };
  }
  const set = await loadImageFolder(dir);
  return { train: set.dataset, test: set.dataset, source: `${dir} (image folder, ${formatCount(set.dataset.count)} images)` };
}

/**
 * Whether `dir` should be read as an image folder rather than a folder of IDX files: it has
 * a visible sub-folder and none of the IDX files' names (MNIST's four, plain or .gz).
 */
export async function isImageFolder(dir: string, idxNames: readonly string[]): Promise<boolean> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  if (entries.some((e) => idxNames.includes(e.name) || idxNames.includes(e.name.replace(/\.gz$/, '')))) return false;
  return entries.some((e) => e.isDirectory() && !e.name.startsWith('.'));
}

/** The folder's sub-folders (with what each holds) and loose files, for `planImageFolder`. */
export async function listImageFolder(dir: string): Promise<FolderListing> {
  const top = await listEntries(dir, dir);
  const folders: { name: string; entries: string[] }[] = [];
  const files: string[] = [];
  for (const entry of top) {
    // A linked class folder counts as the folder it points to.
    const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(join(dir, entry.name)).then((s) => s.isDirectory(), () => false)));
    if (isFolder) folders.push({ name: entry.name, entries: entry.name.startsWith('.') ? [] : (await listEntries(join(dir, entry.name), `${dir}/${entry.name}`)).map((e) => e.name) });
    else files.push(entry.name);
  }
  return { folders, files };
}

async function listEntries(path: string, shown: string): Promise<import('node:fs').Dirent[]> {
  try {
    return await readdir(path, { withFileTypes: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw new DigitlabError(`${shown}: no such folder`);
    if (code === 'ENOTDIR') {
      const isFile = await stat(path).then((s) => s.isFile(), () => false);
      throw new DigitlabError(`${shown}: ${isFile ? 'is a file, not a folder' : 'not a folder'} (expected class folders 0/ … 9/ holding PNG images)`);
    }
    throw new DigitlabError(`${shown}: cannot list the folder (${(error as Error).message})`);
  }
}
