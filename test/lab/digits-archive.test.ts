import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { unzipSync, zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { encodeIdx } from '../../src/data/idx.js';
import { digitFromRgba } from '../../src/data/digit-image.js';
import { datasetFromImages } from '../../src/data/image-set.js';
import { loadImageFolder } from '../../src/data/image-folder-node.js';
import { type ImportedDigit, type PickedFile, type PngCodec, readImport } from '../../src/lab/pages/digits/archive-read.js';
import { EXPORT_NAME, idxZip, IDX_NAMES, imageFolderZip } from '../../src/lab/pages/digits/archive-write.js';
import { ImportError, type ImportProblem } from '../../src/lab/pages/digits/import-problem.js';

/** The Node stand-in for the browser's PNG decoder: pngjs, as the command line reads PNGs. */
const codec: PngCodec = {
  decode: async (bytes) => {
    const png = PNG.sync.read(Buffer.from(bytes));
    return { rgba: png.data, width: png.width, height: png.height };
  },
  encodeInput: async (pixels) => {
    const png = new PNG({ width: 28, height: 28 });
    pixels.forEach((v, i) => png.data.set([v, v, v, 255], 4 * i));
    return new Uint8Array(PNG.sync.write(png));
  },
};

/** A 140×140 drawing as the draw pad saves one: a light stroke on black, from (x0, y0) to (x1, y1), with a bend. */
function drawing(seed: number): Uint8Array {
  const side = 140;
  const png = new PNG({ width: side, height: side });
  for (let i = 0; i < side * side; i++) png.data.set([0, 0, 0, 255], 4 * i);
  for (let t = 0; t <= 1; t += 0.002) {
    const x = 30 + 80 * t + 20 * Math.sin(seed + 6 * t);
    const y = 20 + 100 * t + 10 * Math.cos(seed * 2 + 4 * t);
    for (let dy = -5; dy <= 5; dy++) for (let dx = -5; dx <= 5; dx++) if (dx * dx + dy * dy <= 25) {
      const px = Math.round(x + dx);
      const py = Math.round(y + dy);
      if (px >= 0 && py >= 0 && px < side && py < side) png.data.set([255, 255, 255, 255], 4 * (py * side + px));
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

const file = (name: string, bytes: Uint8Array): PickedFile => ({ name, bytes });
const zipOf = (entries: Record<string, Uint8Array>): Uint8Array => zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, v])));

/** The problem an import is refused with. */
async function refusal(files: PickedFile[]): Promise<ImportProblem> {
  try {
    await readImport(files, codec);
  } catch (error) {
    assert.ok(error instanceof ImportError, String(error));
    return error.problem;
  }
  assert.fail('the import was accepted');
}

describe('your digits as files: export and import (zip of class folders, IDX)', () => {
  const set = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, label: i % 4, png: drawing(i) }));

  it('an exported image folder imports back as the same digits, each preprocessed as predict does', async () => {
    const zip = imageFolderZip(set);
    const files = Object.keys(unzipSync(zip)).filter((p) => !p.endsWith('/'));
    assert.equal(files.length, set.length);
    assert.ok(files.every((p) => new RegExp(`^${EXPORT_NAME}/[0-3]/digit-\\d{4}\\.png$`).test(p)), files.join());
    const back = await readImport([file('mine.zip', zip)], codec);
    const expected = [...set].sort((a, b) => a.label - b.label || a.id - b.id);
    assert.deepEqual(back.map((d) => d.label), expected.map((d) => d.label));
    back.forEach((d, i) => {
      assert.deepEqual(d.png, expected[i].png);
      const png = PNG.sync.read(Buffer.from(expected[i].png));
      assert.deepEqual(d.input, digitFromRgba(png.data, png.width, png.height).input);
      assert.ok(d.hasInk);
    });
    // The same bytes twice: the zip has fixed dates.
    assert.deepEqual(imageFolderZip(set), zip);
  });

  it('reads the same inputs as the command line reads from the unzipped folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'digits-archive-'));
    try {
      for (const [path, bytes] of Object.entries(unzipSync(imageFolderZip(set))).filter(([p]) => !p.endsWith('/'))) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), bytes);
      }
      const cli = await loadImageFolder(join(dir, EXPORT_NAME));
      const page = await readImport([file('mine.zip', imageFolderZip(set))], codec);
      const fromPage = datasetFromImages(page.map((d: ImportedDigit) => ({ pixels: d.input, label: d.label })));
      assert.deepEqual(fromPage.images, cli.dataset.images);
      assert.deepEqual(fromPage.labels, cli.dataset.labels);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('IDX: the zip of the two files and the two files picked both import as the same inputs and labels', async () => {
    const digits = await readImport([file('mine.zip', imageFolderZip(set))], codec);
    const data = datasetFromImages(digits.map((d) => ({ pixels: d.input, label: d.label })));
    const zip = idxZip(data);
    assert.deepEqual(Object.keys(unzipSync(zip)).sort(), [IDX_NAMES.images, IDX_NAMES.labels].sort());
    for (const files of [[file('idx.zip', zip)], Object.entries(unzipSync(zip)).map(([n, b]) => file(n, b))]) {
      const back = await readImport(files, codec);
      assert.deepEqual(back.map((d) => d.label), [...data.labels]);
      back.forEach((d, i) => assert.deepEqual(d.input, digits[i].input));
      // Each gets a picture: its 28×28 input as a PNG, which reads back as itself.
      const png = PNG.sync.read(Buffer.from(back[0].png));
      assert.equal(png.width, 28);
      assert.deepEqual(Uint8Array.from({ length: 784 }, (_, i) => png.data[4 * i]), digits[0].input);
    }
  });

  it('a zip of a folder (one top folder), with macOS metadata and hidden files, reads as the folder', async () => {
    const zip = zipOf({ 'stuff/3/a.png': set[0].png, 'stuff/.DS_Store': new Uint8Array(3), '__MACOSX/stuff/3/._a.png': new Uint8Array(5), 'stuff/3/notes.txt': new Uint8Array(2) });
    const back = await readImport([file('stuff.zip', zip)], codec);
    assert.deepEqual(back.map((d) => d.label), [3]);
  });

  it('names each problem and refuses the whole import', async () => {
    const png = set[0].png;
    const cases: [string, PickedFile[], ImportProblem][] = [
      ['nothing picked', [], { kind: 'nothing' }],
      ['not a zip', [file('photo.jpg', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))], { kind: 'not-zip', file: 'photo.jpg' }],
      ['a damaged zip', [file('bad.zip', Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0]))], { kind: 'not-zip', file: 'bad.zip' }],
      ['an empty zip', [file('empty.zip', zipSync({}))], { kind: 'empty', file: 'empty.zip' }],
      ['PNGs but no class folders', [file('loose.zip', zipOf({ 'a.png': png, 'b.png': png }))], { kind: 'no-class-folders', pngs: 2 }],
      ['no PNG at all', [file('text.zip', zipOf({ 'readme.txt': new Uint8Array(4) }))], { kind: 'no-class-folders', pngs: 0 }],
      ['a folder not named for a digit', [file('x.zip', zipOf({ '3/a.png': png, 'seven/b.png': png, '10/c.png': png }))], { kind: 'not-digit-folder', names: ['10', 'seven'] }],
      ['PNGs beside the class folders', [file('x.zip', zipOf({ '3/a.png': png, 'b.png': png }))], { kind: 'loose-pngs', names: ['b.png'] }],
      ['an empty class folder', [file('x.zip', zipSync({ '3/a.png': png, '4/': new Uint8Array(0) }))], { kind: 'empty-class', folder: '4' }],
      ['a class folder of other files', [file('x.zip', zipOf({ '3/a.png': png, '5/a.jpg': new Uint8Array(9) }))], { kind: 'empty-class', folder: '5' }],
      ['a broken PNG (cut short)', [file('x.zip', zipOf({ '3/a.png': png, '3/b.png': png.subarray(0, 60) }))], { kind: 'broken-png', path: '3/b.png' }],
      ['a PNG whose checksum is wrong', [file('x.zip', zipOf({ '3/a.png': Uint8Array.from(png, (b, i) => (i === 40 ? b ^ 0xff : b)) }))], { kind: 'broken-png', path: '3/a.png' }],
      ['a JPEG named .png', [file('x.zip', zipOf({ '3/a.png': Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0]) }))], { kind: 'not-png', path: '3/a.png' }],
      ['an IDX images file alone', [file('t10k-images-idx3-ubyte', encodeIdx([1, 28, 28], new Uint8Array(784)))], { kind: 'idx-missing', which: 'labels' }],
      ['an IDX labels file alone', [file('t10k-labels-idx1-ubyte', encodeIdx([1], new Uint8Array(1)))], { kind: 'idx-missing', which: 'images' }],
      ['IDX images of another size', [file('a-images-idx3-ubyte', encodeIdx([1, 32, 32], new Uint8Array(1024))), file('a-labels-idx1-ubyte', encodeIdx([1], new Uint8Array(1)))], { kind: 'idx-shape', path: 'a-images-idx3-ubyte', rows: 32, cols: 32 }],
      ['IDX files that disagree on the count', [file('a-images-idx3-ubyte', encodeIdx([2, 28, 28], new Uint8Array(1568))), file('a-labels-idx1-ubyte', encodeIdx([1], new Uint8Array(1)))], { kind: 'idx-counts', images: 2, labels: 1 }],
      ['an IDX label that is no digit', [file('a-images-idx3-ubyte', encodeIdx([1, 28, 28], new Uint8Array(784))), file('a-labels-idx1-ubyte', encodeIdx([1], Uint8Array.of(12)))], { kind: 'idx-labels', path: 'a-labels-idx1-ubyte' }],
      ['a damaged IDX file', [file('a-images-idx3-ubyte', Uint8Array.of(0, 0, 8, 3, 0, 0)), file('a-labels-idx1-ubyte', encodeIdx([1], new Uint8Array(1)))], { kind: 'idx-broken', path: 'a-images-idx3-ubyte' }],
      ['two zips', [file('a.zip', zipSync({})), file('b.zip', zipSync({}))], { kind: 'one-file', count: 2 }],
    ];
    for (const [what, files, problem] of cases) assert.deepEqual(await refusal(files), problem, what);
  });
});
