import assert from 'node:assert/strict';
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { DigitlabError } from '../../src/errors.js';
import { resolveDataOption } from '../../src/data/idx-dir.js';
import { type FolderListing, listingFromPaths, MAX_FOLDER_IMAGES, planImageFolder } from '../../src/data/image-folder.js';
import { loadImageFolder, loadImageFolderPair } from '../../src/data/image-folder-node.js';
import { readPngDigit, writeGrayPng } from '../../src/data/png-node.js';
import { useMnistAndScratch } from './scratch.js';

/** The committed fixture: four 96×96 PNGs of each digit of a handwriting font (see its README). */
const FIXTURE = new URL('./handwriting/', import.meta.url).pathname.replace(/\/$/, '');

const data = useMnistAndScratch('digitlab-folder-');

/** Throws a DigitlabError whose message is exactly one line and holds every fragment. */
function assertOneLine(run: () => unknown, ...fragments: string[]): void {
  assert.throws(run, (error: unknown) => checkOneLine(error, fragments));
}
async function rejectsOneLine(promise: Promise<unknown>, ...fragments: string[]): Promise<void> {
  await assert.rejects(promise, (error: unknown) => checkOneLine(error, fragments));
}
function checkOneLine(error: unknown, fragments: readonly string[]): true {
  assert.ok(error instanceof DigitlabError, `expected a DigitlabError, got ${String(error)}`);
  assert.ok(!error.message.includes('\n'), `one line: ${error.message}`);
  for (const fragment of fragments) assert.ok(error.message.includes(fragment), `"${error.message}" lacks "${fragment}"`);
  return true;
}

const folder = (name: string, ...entries: string[]) => ({ name, entries });

test('a good listing: class folders in digit order, files by name, hidden names and non-PNG files passed over', () => {
  const listing: FolderListing = {
    folders: [folder('7', 'b.png', 'a.PNG', 'notes.txt', '.DS_Store'), folder('0', 'z.png'), folder('.git', 'HEAD')],
    files: ['README.md', '.hidden'],
  };
  const plan = planImageFolder('digits', listing);
  assert.deepEqual(plan.images.map((f) => [f.path, f.label]), [['0/z.png', 0], ['7/a.PNG', 7], ['7/b.png', 7]]);
  assert.deepEqual(plan.skipped, ['7/notes.txt']);
});

test('each kind of bad folder gets its own one-line message', () => {
  assertOneLine(() => planImageFolder('d', { folders: [], files: [] }), 'd: the folder is empty', 'class folders 0/ … 9/');
  assertOneLine(() => planImageFolder('d', { folders: [], files: ['.DS_Store'] }), 'd: the folder is empty');
  assertOneLine(() => planImageFolder('d', { folders: [folder('3', 'a.png'), folder('cats', 'x.png')], files: [] }), 'd: the folder cats/ is not named for a digit', 'named 0 to 9');
  assertOneLine(() => planImageFolder('d', { folders: [folder('10', 'a.png'), folder('x', 'a.png')], files: [] }), 'the folders 10/, x/ are not named for a digit');
  assertOneLine(() => planImageFolder('d', { folders: [], files: ['a.png', 'b.png'] }), 'd: 2 PNG images but no class folders', 'put each image in the folder of its digit');
  assertOneLine(() => planImageFolder('d', { folders: [], files: ['notes.txt', 'photo.jpg'] }), 'd: no class folders 0/ … 9/ and no PNG images (it holds notes.txt, photo.jpg)');
  assertOneLine(() => planImageFolder('d', { folders: [folder('1', 'a.png')], files: ['stray.png'] }), 'd: stray.png lies outside the class folders', 'its digit is unknown');
  assertOneLine(() => planImageFolder('d', { folders: [folder('1', 'a.png'), folder('4')], files: [] }), 'd/4: the class folder is empty', 'digit 4');
  assertOneLine(() => planImageFolder('d', { folders: [folder('2', 'a.jpg', '.DS_Store')], files: [] }), 'd/2: no PNG images in the class folder (it holds a.jpg; only PNG files are read)');
  const many = Array.from({ length: MAX_FOLDER_IMAGES + 1 }, (_, i) => `${i}.png`);
  assertOneLine(() => planImageFolder('d', { folders: [folder('5', ...many)], files: [] }), 'more than 100,000 PNG images');
});

test("a zip's paths become the same listing; one wrapping folder is the root", () => {
  const plain = listingFromPaths(['3/a.png', '3/b.png', '0/c.png', 'readme.txt']);
  assert.deepEqual(planImageFolder('z', plain).images.map((f) => f.path), ['0/c.png', '3/a.png', '3/b.png']);
  const wrapped = listingFromPaths(['my-digits/3/a.png', 'my-digits/0/c.png', 'my-digits/0/']);
  assert.deepEqual(planImageFolder('z', wrapped).images.map((f) => f.path), ['0/c.png', '3/a.png']);
  assert.deepEqual(planImageFolder('z', listingFromPaths(['3/a.png', '3/b.png'])).images.map((f) => f.path), ['3/a.png', '3/b.png']);
  assertOneLine(() => planImageFolder('z', listingFromPaths(['d/1/a.png', 'd/4/'])), 'z/4: the class folder is empty');
  // Deeper paths are not images of the class folder itself.
  assert.deepEqual(planImageFolder('z', listingFromPaths(['3/a.png', '3/more/b.png'])).skipped, ['3/more/']);
});

test('the fixture folder reads as 40 labelled 28×28 digits, each preprocessed exactly as predict preprocesses its PNG', async () => {
  const set = await loadImageFolder(FIXTURE);
  assert.equal(set.dataset.count, 40);
  assert.deepEqual([set.dataset.rows, set.dataset.cols], [28, 28]);
  assert.deepEqual(Array.from(set.dataset.labels), Array.from({ length: 40 }, (_, i) => Math.floor(i / 4)));
  assert.deepEqual(set.files.slice(0, 2), ['0/gochi-hand-0-00.png', '0/gochi-hand-0-01.png']);
  assert.deepEqual([set.skipped, set.blank], [[], []]);
  for (const [i, file] of set.files.entries()) {
    const digit = await readPngDigit(join(FIXTURE, file));
    assert.deepEqual(set.dataset.images.subarray(i * 784, (i + 1) * 784), digit.input, file);
  }
});

test('PNGs of any size: MNIST digits written 28×28 and 84×84, dark on light, read back as MNIST inputs', async () => {
  const dir = join(data.scratch, 'sizes');
  for (let k = 0; k < 6; k++) {
    const label = data.mnist.test.labels[k];
    await mkdir(join(dir, String(label)), { recursive: true });
    const inverted = Uint8Array.from(data.mnist.test.images.subarray(k * 784, (k + 1) * 784), (v) => 255 - v);
    await writeGrayPng(join(dir, String(label), `${k}.png`), inverted, 28, 28, k % 2 === 0 ? 1 : 3);
  }
  const set = await loadImageFolder(dir);
  assert.equal(set.dataset.count, 6);
  for (const [i, file] of set.files.entries()) {
    const k = Number(file.split('/')[1].replace('.png', ''));
    assert.equal(set.dataset.labels[i], data.mnist.test.labels[k]);
    // The same preprocessing as `predict`, which re-centres MNIST digits to within a pixel: most ink lands where it was.
    const original = data.mnist.test.images.subarray(k * 784, (k + 1) * 784);
    const read = set.dataset.images.subarray(i * 784, (i + 1) * 784);
    let overlap = 0;
    let ink = 0;
    for (let p = 0; p < 784; p++) {
      overlap += Math.min(original[p], read[p]);
      ink += original[p];
    }
    assert.ok(overlap / ink > 0.6, `${file}: ${(overlap / ink).toFixed(2)} of the ink overlaps`);
  }
});

test('a broken PNG, a missing folder and a file given as the folder: one line naming the file', async () => {
  const dir = join(data.scratch, 'broken');
  await cp(FIXTURE, dir, { recursive: true });
  await writeFile(join(dir, '3', 'bad.png'), 'GIF89a this is not a PNG');
  await rejectsOneLine(loadImageFolder(dir), `${dir}/3/bad.png: not a PNG`);
  await writeFile(join(dir, '3', 'bad.png'), (await import('node:fs')).readFileSync(join(FIXTURE, '3', 'gochi-hand-3-00.png')).subarray(0, 200));
  await rejectsOneLine(loadImageFolder(dir), `${dir}/3/bad.png:`);
  await rejectsOneLine(loadImageFolder(join(data.scratch, 'nowhere')), 'nowhere: no such folder');
  await rejectsOneLine(loadImageFolder(join(FIXTURE, '0', 'gochi-hand-0-00.png')), 'is a file, not a folder');
  const empty = join(data.scratch, 'empty-class');
  await mkdir(join(empty, '0'), { recursive: true });
  await mkdir(join(empty, '1'), { recursive: true });
  await cp(join(FIXTURE, '0', 'gochi-hand-0-00.png'), join(empty, '0', 'a.png'));
  await rejectsOneLine(loadImageFolder(empty), `${empty}/1: the class folder is empty`);
});

test('--data DIR: an image folder is both halves; train/ and test/ inside give each; an IDX folder stays IDX', async () => {
  const pair = await resolveDataOption(FIXTURE);
  assert.equal(pair.train.count, 40);
  assert.equal(pair.test, pair.train);
  assert.match(pair.source, /image folder, 40 images/);
  const split = join(data.scratch, 'split');
  await cp(FIXTURE, join(split, 'train'), { recursive: true });
  await mkdir(join(split, 'test', '7'), { recursive: true });
  await cp(join(FIXTURE, '7', 'gochi-hand-7-00.png'), join(split, 'test', '7', 'x.png'));
  const halves = await loadImageFolderPair(split);
  assert.deepEqual([halves.train.count, halves.test.count, halves.test.labels[0]], [40, 1, 7]);
  assert.equal((await resolveDataOption(split)).test.count, 1);
  const { defaultMnistDirectory } = await import('../../src/data/idx-dir.js');
  assert.equal((await resolveDataOption(defaultMnistDirectory())).train.count, 60_000);
  assert.deepEqual((await readdir(FIXTURE)).filter((n) => /^\d$/.test(n)).length, 10);
});
