import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../src/core/rng.js';
import { digitFromRgba } from '../../src/data/digit-image.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { datasetFromImages, type LabelledImage } from '../../src/data/image-set.js';
import { createFastBackend } from '../../src/fast/factory.js';
import { loadKernelsModule } from '../../src/fast/node.js';
import { loadModel } from '../../src/model/model-io.js';
import { fineTune } from '../../src/train/finetune.js';
import { CANVAS_SIDE, loadFontWriter, renderDigit } from '../../scripts/handwriting-fonts.js';

test('writer adaptation on handwriting that is not MNIST: 10 digits per class of a font the network reads badly cut its held-out errors by ≥ 30 %, MNIST stays ≥ 94.5 %', async () => {
  // The writer "Gochi Hand" (npm @fontsource/gochi-hand), rendered with small random variations as
  // scripts/writer-adaptation.ts does: per class 20 held-out digits, then 10 to fine-tune on.
  const writer = loadFontWriter('gochi-hand');
  const rng = new Rng(11);
  const heldOut: LabelledImage[] = [];
  const train: LabelledImage[] = [];
  for (let digit = 0; digit < 10; digit++) {
    for (let k = 0; k < 30; k++) {
      const image = { pixels: digitFromRgba(renderDigit(writer, digit, rng), CANVAS_SIDE, CANVAS_SIDE).input, label: digit };
      (k < 20 ? heldOut : train).push(image);
    }
  }
  const base = await loadModel(new URL('../../models/pretrained.json', import.meta.url).pathname);
  const backend = createFastBackend(await loadKernelsModule());
  const result = await fineTune(base, datasetFromImages(train), datasetFromImages(heldOut), await loadMnist(), {}, { backend });
  const held = result.heldOut as NonNullable<typeof result.heldOut>;
  const errorsBefore = Math.round((1 - held.before) * held.count);
  const errorsAfter = Math.round((1 - held.after) * held.count);
  assert.ok(errorsBefore >= 30, `the pretrained network reads this writer badly (${errorsBefore} errors of 200)`);
  assert.ok(errorsAfter <= 0.7 * errorsBefore, `held-out errors ${errorsBefore} → ${errorsAfter}`);
  assert.ok(result.mnistTest.after >= 0.945, `MNIST test accuracy ${result.mnistTest.before} → ${result.mnistTest.after}`);
});
