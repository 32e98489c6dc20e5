import { type ZipOptions, type ZippableFile, zipSync, type Zippable } from 'fflate';
import { datasetToIdx } from '../../../data/image-set.js';
import type { Dataset } from '../../../data/dataset.js';

/*
 * The learner's set as files to keep or to give the command line: a zip of an image folder
 * (`my-digits/3/digit-0007.png`: class folders 0/ … 9/, the layout of torchvision's
 * ImageFolder and Keras, which `digitlab eval --images` and `digitlab finetune` read), or a
 * zip of the set in MNIST's IDX format (datasetToIdx). Pure: no DOM.
 */

/** The top folder of an exported image folder, and the stem of the IDX files' names. */
export const EXPORT_NAME = 'my-digits';

/** One picture of the set: its label, the PNG of the drawing and its number in the set. */
export interface ExportedDigit {
  readonly id: number;
  readonly label: number;
  readonly png: Uint8Array;
}

/** A fixed date for every entry, so the same set always gives the same bytes. */
const ENTRY_DATE = new Date(Date.UTC(2000, 0, 1));

/**
 * The set as a zip of PNGs in class folders, each named by its number in the set
 * (`digit-0007.png`). PNGs are stored, not deflated again (they are compressed already).
 */
export function imageFolderZip(digits: readonly ExportedDigit[]): Uint8Array {
  const tree: Record<string, Zippable> = {};
  const classes: Record<string, Record<string, Zippable>> = {};
  for (const d of [...digits].sort((a, b) => a.label - b.label || a.id - b.id)) {
    const folder: Record<string, ZippableFile> = (classes[String(d.label)] ??= {});
    folder[`digit-${String(d.id).padStart(4, '0')}.png`] = [d.png, { level: 0, mtime: ENTRY_DATE } satisfies ZipOptions];
  }
  tree[EXPORT_NAME] = classes;
  return zipSync(tree, { mtime: ENTRY_DATE });
}

/** The two IDX files' names inside the IDX zip, in MNIST's manner. */
export const IDX_NAMES = { images: `${EXPORT_NAME}-images-idx3-ubyte`, labels: `${EXPORT_NAME}-labels-idx1-ubyte` } as const;

/** The set in MNIST's IDX format: a zip of an images file and a labels file. */
export function idxZip(data: Dataset): Uint8Array {
  const { images, labels } = datasetToIdx(data);
  return zipSync({ [IDX_NAMES.images]: [images, { mtime: ENTRY_DATE }], [IDX_NAMES.labels]: [labels, { mtime: ENTRY_DATE }] });
}
