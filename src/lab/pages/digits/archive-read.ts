import { unzipSync } from 'fflate';
import type { Dataset } from '../../../data/dataset.js';
import { digitFromRgba } from '../../../data/digit-image.js';
import { listingFromPaths, planImageFolder } from '../../../data/image-folder.js';
import { parseIdx } from '../../../data/idx.js';
import { makeDataset } from '../../../data/pair.js';
import { checkPngHeader } from '../../../data/png-header.js';
import { readPngLayout } from '../../../data/png-structure.js';
import { MNIST_SIDE } from '../../../data/preprocess.js';
import { folderProblem, ImportError } from './import-problem.js';

/*
 * Reading digits the learner brings: a zip of an image folder (class folders 0/ … 9/ of PNGs,
 * checked by the engine's planImageFolder on the zip's entry names, each PNG preprocessed as
 * `digitlab predict` does), or MNIST's IDX format (a zip holding an images and a labels file,
 * or the two files picked together). Everything is read and checked before anything is
 * returned, so a bad file never reaches the stored set. The PNG codec is the caller's (the
 * browser's own decoder on the page, pngjs in the Node tests).
 */

/** A file as picked: its name and bytes. */
export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** How pictures become pixels and back (the browser's decoder; pngjs in tests). */
export interface PngCodec {
  /** Decodes a PNG (already checked for its structure) to RGBA pixels; rejects when it cannot. */
  decode(bytes: Uint8Array): Promise<{ readonly rgba: Uint8Array | Uint8ClampedArray; readonly width: number; readonly height: number }>;
  /** A 28×28 input (255 = ink) as a PNG of light ink on black, for digits that came without a picture (IDX). */
  encodeInput(pixels: Uint8Array): Promise<Uint8Array>;
}

/** One digit read from an import: its 28×28 input, its label and its picture as a PNG. */
export interface ImportedDigit {
  readonly input: Uint8Array;
  readonly label: number;
  readonly png: Uint8Array;
  /** Whether the picture holds visible ink (a blank page still becomes an input). */
  readonly hasInk: boolean;
}

/** The largest file accepted: far above any hand-drawn set, far below what would stall a tab. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Images and labels files of the IDX format, by the names MNIST gave them (any prefix, optionally no dash). */
const IDX_IMAGES = /idx3-ubyte$/i;
const IDX_LABELS = /idx1-ubyte$/i;

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
const baseName = (path: string): string => path.split(/[/\\]/).filter(Boolean).pop() ?? path;

/**
 * The digits of the picked files: one zip (of an image folder or of IDX files) or an IDX
 * images file with its labels file. Throws an ImportError naming the problem.
 */
export async function readImport(files: readonly PickedFile[], codec: PngCodec): Promise<ImportedDigit[]> {
  if (files.length === 0) throw new ImportError({ kind: 'nothing' });
  for (const f of files) if (f.bytes.length > MAX_IMPORT_BYTES) throw new ImportError({ kind: 'too-big', file: f.name, megabytes: MAX_IMPORT_BYTES / 2 ** 20 });
  const images = files.find((f) => IDX_IMAGES.test(f.name));
  const labels = files.find((f) => IDX_LABELS.test(f.name));
  if (files.length === 2 && images && labels) return readIdx(images, labels, codec);
  if (files.length === 1 && images) throw new ImportError({ kind: 'idx-missing', which: 'labels' });
  if (files.length === 1 && labels) throw new ImportError({ kind: 'idx-missing', which: 'images' });
  if (files.length !== 1) throw new ImportError({ kind: 'one-file', count: files.length });
  return readZip(files[0], codec);
}

/** The entries of a zip, by path; macOS's `__MACOSX/` shadow copies left out (metadata, not pictures). */
function unzip(file: PickedFile): Map<string, Uint8Array> {
  if (!startsWith(file.bytes, ZIP_MAGIC)) throw new ImportError({ kind: 'not-zip', file: file.name });
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(file.bytes, {
      filter: (entry) => {
        if (entry.name.startsWith('__MACOSX/')) return false;
        total += entry.originalSize;
        if (total > MAX_IMPORT_BYTES) throw new ImportError({ kind: 'too-big', file: file.name, megabytes: MAX_IMPORT_BYTES / 2 ** 20 });
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError({ kind: 'not-zip', file: file.name });
  }
  return new Map(Object.entries(entries));
}

/** A zip: IDX files when it holds an images and a labels file and no PNG, else an image folder. */
async function readZip(file: PickedFile, codec: PngCodec): Promise<ImportedDigit[]> {
  const entries = unzip(file);
  const paths = [...entries.keys()];
  if (paths.filter((p) => !p.endsWith('/')).length === 0) throw new ImportError({ kind: 'empty', file: file.name });
  const images = paths.filter((p) => IDX_IMAGES.test(p));
  const labels = paths.filter((p) => IDX_LABELS.test(p));
  if (images.length === 1 && labels.length === 1 && !paths.some((p) => /\.png$/i.test(p))) {
    const entry = (path: string): PickedFile => ({ name: baseName(path), bytes: entries.get(path) as Uint8Array });
    return readIdx(entry(images[0]), entry(labels[0]), codec);
  }
  const listing = listingFromPaths(paths);
  let plan: ReturnType<typeof planImageFolder>;
  try {
    plan = planImageFolder(file.name, listing);
  } catch (error) {
    throw new ImportError(folderProblem(listing, error));
  }
  // The plan names files relative to the root; the zip may wrap them in one top folder.
  const prefix = commonTop(paths, plan.images[0]?.path ?? '');
  const digits: ImportedDigit[] = [];
  for (const image of plan.images) {
    const bytes = entries.get(`${prefix}${image.path}`);
    if (bytes === undefined) throw new ImportError({ kind: 'broken-png', path: image.path });
    digits.push(await readPng(bytes, image.path, image.label, codec));
  }
  return digits;
}

/** The top folder ("my-digits/") the zip wraps its class folders in, or "" when there is none. */
function commonTop(paths: readonly string[], first: string): string {
  const match = paths.find((p) => p === first || p.endsWith(`/${first}`));
  return match === undefined ? '' : match.slice(0, match.length - first.length);
}

/** One PNG of the folder, checked (structure, then the browser's decoder) and preprocessed. */
async function readPng(bytes: Uint8Array, path: string, label: number, codec: PngCodec): Promise<ImportedDigit> {
  if (!startsWith(bytes, PNG_MAGIC)) throw new ImportError({ kind: 'not-png', path });
  let decoded: Awaited<ReturnType<PngCodec['decode']>>;
  try {
    const layout = readPngLayout(bytes, path);
    checkPngHeader(bytes, path);
    decoded = await codec.decode(bytes.subarray(0, layout.end));
  } catch {
    throw new ImportError({ kind: 'broken-png', path });
  }
  const digit = digitFromRgba(decoded.rgba, decoded.width, decoded.height);
  return { input: digit.input, label, png: bytes.slice(), hasInk: digit.ink.hasInk };
}

/** An IDX pair: 28×28 images and labels 0–9, as many of each. */
async function readIdx(images: PickedFile, labels: PickedFile, codec: PngCodec): Promise<ImportedDigit[]> {
  let data: Dataset;
  const parse = (file: PickedFile) => {
    try {
      return parseIdx(file.bytes, file.name);
    } catch {
      throw new ImportError({ kind: 'idx-broken', path: file.name });
    }
  };
  const [imagesIdx, labelsIdx] = [parse(images), parse(labels)];
  if (imagesIdx.dims.length !== 3) throw new ImportError({ kind: 'idx-broken', path: images.name });
  if (labelsIdx.dims.length !== 1) throw new ImportError({ kind: 'idx-broken', path: labels.name });
  if (imagesIdx.dims[1] !== MNIST_SIDE || imagesIdx.dims[2] !== MNIST_SIDE) throw new ImportError({ kind: 'idx-shape', path: images.name, rows: imagesIdx.dims[1], cols: imagesIdx.dims[2] });
  if (imagesIdx.dims[0] !== labelsIdx.dims[0]) throw new ImportError({ kind: 'idx-counts', images: imagesIdx.dims[0], labels: labelsIdx.dims[0] });
  try {
    data = makeDataset(imagesIdx, labelsIdx, { images: images.name, labels: labels.name });
  } catch {
    throw new ImportError({ kind: 'idx-labels', path: labels.name });
  }
  if (data.count === 0) throw new ImportError({ kind: 'empty', file: images.name });
  const size = MNIST_SIDE * MNIST_SIDE;
  const digits: ImportedDigit[] = [];
  for (let i = 0; i < data.count; i++) {
    const input = data.images.slice(i * size, (i + 1) * size);
    digits.push({ input, label: data.labels[i], png: await codec.encodeInput(input), hasInk: input.some((v) => v > 0) });
  }
  return digits;
}
