import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import type { DatasetPair } from '../../src/data/dataset.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { loadImageFolder } from '../../src/data/image-folder-node.js';
import { parseIdx } from '../../src/data/idx.js';
import { fastBackendFactory } from '../../src/fast/node.js';
import { type Model, serializeModel } from '../../src/model/model-file.js';
import { loadModel } from '../../src/model/model-io.js';
import { fineTuneDigits, fineTunedModel } from '../../src/train/finetune.js';
import { readDigits } from '../../src/train/digits-report.js';
import type { BackendFactory } from '../../src/train/trainer.js';
import { fineTunedSource } from '../../src/lab/pages/digits/finetune-protocol.js';
import { BASE_NAME } from '../../src/lab/pages/digits/teach-panel.js';
import { courseContext, openCourse, sidewaysOverflow } from './course-pages.js';
import { digitStrokes } from './digit-strokes.js';
import { handwritingWalk } from './handwriting-walk.js';
import { RESULTS_DIR, ROOT, screenContext, useSuite } from './harness.js';
import { ellipse, ONE, stroke } from './pointer.js';

import { asDataset, attr, countShown, DESKTOP, endWalk, fineTune, type Hook, open, type PageDigit, pageDigits, PHONE, wordsAreWhole } from './digits-page.js';

describe('Your handwriting (/digits/) in Chromium', { timeout: 900_000 }, () => {
  const suite = useSuite();
  let pretrained: Model;
  let mnist: DatasetPair;
  let backend: BackendFactory;
  const work = mkdtempSync(join(tmpdir(), 'digits-test-'));
  const files = { zip: join(work, 'my-digits.zip'), idx: join(work, 'my-digits-idx.zip') };
  /** The set as drawn in the first test: what the exports must hold. */
  let drawn: PageDigit[] = [];

  /** The page's fine-tuned model file must be the one Node's fineTuneDigits makes from the same digits and seed, byte for byte. */
  async function sameAsNode(page: Page, seed: number): Promise<void> {
    const digits = await pageDigits(page);
    const result = await fineTuneDigits(pretrained, asDataset(digits), mnist, { seed }, { backend });
    const expected = serializeModel(fineTunedModel(pretrained, result, fineTunedSource(BASE_NAME, result.split.train.count, mnist.source)));
    const shown = await page.evaluate(() => (window as unknown as Hook).digitlabDigits.fineTunedModel());
    assert.equal(shown, expected, 'the browser fine-tuned to the same model file as Node');
    const mnistRow = page.locator('tr[data-name="mnist-test"]');
    assert.equal(Number(await mnistRow.getAttribute('data-before')), result.mnistTest.before);
    assert.equal(Number(await mnistRow.getAttribute('data-after')), result.mnistTest.after);
    assert.ok(result.heldOut, 'some digits were held out');
    const heldRow = page.locator('tr[data-name="held-out"]');
    assert.equal(Number(await heldRow.getAttribute('data-before')), result.heldOut.before);
    assert.equal(Number(await heldRow.getAttribute('data-after')), result.heldOut.after);
    // The reading now uses the fine-tuned network, and marks the digits it never trained on.
    assert.equal(await page.locator('#reading-summary').getAttribute('data-network'), 'fine-tuned');
    assert.equal(await page.locator('.digit-thumb.held-out').count(), result.heldOut.count);
  }

  before(async () => {
    [pretrained, mnist, backend] = await Promise.all([loadModel(join(ROOT, 'models/pretrained.json')), loadMnist(), fastBackendFactory()]);
  });
  after(async () => {
    rmSync(work, { recursive: true, force: true });
  });

  it('English, desktop: draws and labels digits, keeps them over a reload, reads them as the engine does, exports files the command line reads, fine-tunes in the Worker to the model Node makes', async () => {
    const context = await screenContext(suite.browser, { viewport: DESKTOP, mobile: false }, 'en', { bypassCSP: true });
    const errors: string[] = [];
    let page = await open(context, suite.base, 'en', errors);
    assert.equal(await countShown(page), 0);
    assert.match(await page.locator('#privacy').textContent() ?? '', /stay in this browser/);
    // Three drawn with the pointer, as a learner draws: the network's reading shows while drawing.
    for (const [points, label] of [[ONE, 1], [ellipse(140, 140, 60, 95), 0], [[[60, 45], [215, 45], [120, 245]], 7]] as const) {
      await stroke(page, points, '#pad');
      await page.waitForSelector('#live-guess[data-answer]');
      const count = await countShown(page);
      await page.locator(`#label-buttons button[data-digit="${label}"]`).click();
      await page.waitForFunction((n) => document.body.dataset.digits === String(n), count + 1);
    }
    assert.match(await page.locator('#collect-status').textContent() ?? '', /Added your 7/);
    // A press with nothing drawn adds nothing.
    await page.locator('#label-buttons button[data-digit="4"]').click();
    assert.match(await page.locator('#collect-status').textContent() ?? '', /Draw a digit first/);
    // Twenty more through the same pad and preprocessing (prepared strokes, slanted two ways; the
    // strongly slanted 1 reads as a 7, so there is a mistake to show).
    for (const slant of [-0.3, 0.1]) for (let digit = 0; digit <= 9; digit++) {
      await page.evaluate(([s, l]) => (window as unknown as Hook).digitlabDigits.addDrawing(s, l), [digitStrokes(digit, slant), digit] as const);
    }
    assert.equal(await countShown(page), 23);
    // One deleted with its button.
    await page.locator('.digit-row[data-digit="7"] .digit-thumb').first().locator('button.delete-digit').click();
    await page.waitForFunction(() => document.body.dataset.digits === '22');
    drawn = await pageDigits(page);
    const counts = Array.from({ length: 10 }, (_, d) => drawn.filter((x) => x.label === d).length);
    for (let d = 0; d <= 9; d++) assert.equal(await attr(page, `.digit-row[data-digit="${d}"]`, 'data-count'), counts[d]);

    // How well it reads: the same numbers as the engine's readDigits on the same inputs.
    const reading = readDigits(pretrained.network, asDataset(drawn));
    assert.equal(await attr(page, '#reading-summary', 'data-accuracy'), reading.accuracy);
    for (const c of reading.perClass.map((c, d) => ({ ...c, d }))) assert.equal(await attr(page, `.per-digit-table tr[data-digit="${c.d}"]`, 'data-correct'), c.correct);
    assert.ok(reading.mistakes.length > 0, 'a mistake to show');
    assert.equal(await page.locator('.mistake').count(), reading.mistakes.length);
    const first = reading.mistakes[0];
    const tile = page.locator('.mistake').first();
    assert.deepEqual([await tile.getAttribute('data-label'), await tile.getAttribute('data-prediction'), Number(await tile.getAttribute('data-confidence'))], [String(first.label), String(first.prediction), first.confidence]);
    assert.match(await tile.textContent() ?? '', new RegExp(`Your ${first.label}, read as ${first.prediction}\\d+ % sure`));
    assert.equal(await page.locator('.digit-thumb.misread').count(), reading.mistakes.length);

    // A reload keeps the set (IndexedDB).
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.deepEqual(await pageDigits(page), drawn);

    // Export: a zip of class folders the command line reads as the same inputs, and IDX files.
    const [zip] = await Promise.all([page.waitForEvent('download'), page.locator('#export-zip').click()]);
    await zip.saveAs(files.zip);
    const [idx] = await Promise.all([page.waitForEvent('download'), page.locator('#export-idx').click()]);
    await idx.saveAs(files.idx);
    const folder = join(work, 'unzipped');
    for (const [path, bytes] of Object.entries(unzipSync(readFileSync(files.zip))).filter(([p]) => !p.endsWith('/'))) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), bytes);
    }
    const byClass = [...drawn].sort((a, b) => a.label - b.label || a.id - b.id);
    const cli = await loadImageFolder(join(folder, 'my-digits'));
    assert.deepEqual(cli.dataset.images, asDataset(byClass).images, 'the exported PNGs read back as the inputs the page stored');
    assert.deepEqual([...cli.dataset.labels], byClass.map((d) => d.label));
    const idxFiles = unzipSync(readFileSync(files.idx));
    assert.deepEqual(parseIdx(idxFiles['my-digits-images-idx3-ubyte'], 'images').data, asDataset(drawn).images);
    assert.deepEqual([...parseIdx(idxFiles['my-digits-labels-idx1-ubyte'], 'labels').data], drawn.map((d) => d.label));

    // Teach it: the Worker's run, before and after, the same model file as Node's.
    const seconds = await fineTune(page, null);
    assert.ok(seconds > 0);
    await sameAsNode(page, 1);
    // Back to the pretrained network and forth: the reading follows.
    await page.locator('#network-choice button[data-network="pretrained"]').click();
    await page.waitForFunction(() => document.querySelector('#reading-summary')?.getAttribute('data-network') === 'pretrained');
    assert.equal(await attr(page, '#reading-summary', 'data-accuracy'), reading.accuracy);
    await page.locator('#network-choice button[data-network="fine-tuned"]').click();
    await page.waitForFunction(() => document.querySelector('#reading-summary')?.getAttribute('data-network') === 'fine-tuned');
    // The fine-tuned network is kept too.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.locator('#reading-summary').getAttribute('data-network'), 'fine-tuned');
    assert.equal(await page.locator('tr[data-name="mnist-test"]').count(), 1);
    await endWalk(page, context, errors, join(RESULTS_DIR, 'digits-desktop-en.png'));
  });

  it('Russian, phone, a fresh profile: imports the exported zip as the same digits, refuses bad files without touching the set, fine-tunes with another seed', async () => {
    assert.ok(drawn.length > 0, 'the first test exported a set');
    const context = await screenContext(suite.browser, { viewport: PHONE, mobile: true }, 'ru');
    const errors: string[] = [];
    const page = await open(context, suite.base, 'ru', errors);
    assert.equal(await countShown(page), 0, 'a fresh profile starts empty');
    await page.locator('#import-files').setInputFiles(files.zip);
    await page.waitForFunction(() => document.querySelector('#transfer-status')?.getAttribute('data-result') === 'imported');
    const byClass = [...drawn].sort((a, b) => a.label - b.label || a.id - b.id);
    const imported = await pageDigits(page);
    assert.deepEqual(imported.map((d) => [d.label, d.input]), byClass.map((d) => [d.label, d.input]));
    assert.match(await page.locator('#transfer-status').textContent() ?? '', /^Добавлены 22 цифры из my-digits\.zip\.$/);

    const bad = (name: string, bytes: Uint8Array): string => {
      const path = join(work, name);
      writeFileSync(path, bytes);
      return path;
    };
    const png = unzipSync(readFileSync(files.zip))[`my-digits/0/digit-${String(byClass[0].id).padStart(4, '0')}.png`];
    const cases: [string, string][] = [
      [bad('notes.txt', new TextEncoder().encode('not a zip')), 'not-zip'],
      [bad('empty.zip', zipSync({})), 'empty'],
      [bad('seven.zip', zipSync({ '3/a.png': png, 'seven/b.png': png })), 'not-digit-folder'],
      [bad('loose.zip', zipSync({ 'a.png': png })), 'no-class-folders'],
      [bad('broken.zip', zipSync({ '3/a.png': png.subarray(0, 50) })), 'broken-png'],
    ];
    for (const [path, problem] of cases) {
      await page.locator('#import-files').setInputFiles(path);
      await page.waitForFunction((p) => document.querySelector('#transfer-status')?.getAttribute('data-problem') === p && document.querySelector('#transfer-status')?.getAttribute('data-result') === 'refused', problem);
      assert.match(await page.locator('#transfer-status').textContent() ?? '', /Ничего не импортировано/);
      assert.equal(await countShown(page), imported.length, `${problem}: the set is as it was`);
    }
    assert.match(await page.locator('#transfer-status').textContent() ?? '', /3\/a\.png — повреждённая PNG-картинка/);

    await page.locator('#fine-tune-seed').fill('2');
    await fineTune(page, null);
    await sameAsNode(page, 2);
    // The Russian page writes decimals with a comma.
    assert.match(await page.locator('tr[data-name="mnist-test"] td').first().textContent() ?? '', /^\d\d,\d\d\u00a0%$/);
    await page.screenshot({ path: join(RESULTS_DIR, 'digits-phone-ru.png'), fullPage: true });
    assert.ok((await sidewaysOverflow(page)) <= 0, 'no sideways scrolling on a phone');
    await wordsAreWhole(page);

    // Delete all asks first; declining keeps the set.
    page.once('dialog', (d) => void d.dismiss());
    await page.locator('#delete-all').click();
    assert.equal(await countShown(page), imported.length);
    page.once('dialog', (d) => void d.accept());
    await page.locator('#delete-all').click();
    await page.waitForFunction(() => document.body.dataset.digits === '0');
    assert.equal(await page.locator('#network-choice button[data-network="fine-tuned"]').isDisabled(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const [language, screen, name] of [['en', PHONE, 'phone'], ['ru', DESKTOP, 'desktop']] as const) {
    it(`${language === 'en' ? 'English' : 'Russian'}, ${name}: imports the IDX export (both files chosen together), fine-tunes (${name === 'phone' ? 'after a stopped run, ' : ''}before and after shown); no sideways scrolling, no accessibility violation`, async () => {
      const context = await screenContext(suite.browser, { viewport: screen, mobile: name === 'phone' }, language, { bypassCSP: true });
      const errors: string[] = [];
      const page = await open(context, suite.base, language, errors);
      const idxFiles = unzipSync(readFileSync(files.idx));
      const paths = Object.entries(idxFiles).map(([n, bytes]) => {
        const path = join(work, `${name}-${n}`);
        writeFileSync(path, bytes);
        return path;
      });
      await page.locator('#import-files').setInputFiles(paths);
      await page.waitForFunction(() => document.querySelector('#transfer-status')?.getAttribute('data-result') === 'imported');
      assert.deepEqual((await pageDigits(page)).map((d) => [d.label, d.input]), drawn.map((d) => [d.label, d.input]));
      if (name === 'phone') {
        // Stop, pressed while the Worker still loads MNIST, ends the run before it changes anything.
        await page.locator('#fine-tune').click();
        await page.locator('#stop-fine-tune').click();
        await page.waitForSelector('#fine-tune-status[data-phase="stopped"]', { timeout: 120_000 });
        assert.equal(await page.evaluate(() => (window as unknown as Hook).digitlabDigits.fineTunedModel()), null);
        assert.equal(await page.locator('#reading-summary').getAttribute('data-network'), 'pretrained');
      }
      await fineTune(page, null);
      await sameAsNode(page, 1);
      await endWalk(page, context, errors, join(RESULTS_DIR, `digits-${name}-${language}.png`));
    });
  }

  it('a browser that refuses storage: the page says the digits will not be kept, and works for the visit', async () => {
    const context = await screenContext(suite.browser, { viewport: DESKTOP, mobile: false });
    // As text: a function would reach the page with the test runner's name helpers in it.
    await context.addInitScript(`Object.defineProperty(window, 'indexedDB', { configurable: true, get() { return { open() { throw new DOMException('storage is switched off', 'SecurityError'); } }; } });`);
    const errors: string[] = [];
    const page = await open(context, suite.base, 'en', errors);
    assert.match(await page.locator('#storage-error').textContent() ?? '', /does not let the page keep your digits \(storage is switched off\)/);
    for (let digit = 0; digit < 3; digit++) await page.evaluate(([s, l]) => (window as unknown as Hook).digitlabDigits.addDrawing(s, l), [digitStrokes(digit, 0), digit] as const);
    assert.equal(await countShown(page), 3);
    assert.equal(await attr(page, '#reading-summary', 'data-count'), 3);
    await page.locator('.digit-row[data-digit="1"] button.delete-digit').click();
    await page.waitForFunction(() => document.body.dataset.digits === '2');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the course closes with the network meeting your handwriting (the last section of chapter 3) — its MNIST bar, then the digits drawn on the linked page, read as the engine reads them', async () => {
    for (const language of ['en', 'ru'] as const) {
      const context = await courseContext(suite.browser, language, language === 'ru');
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await openCourse(page, suite.base, `#backprop/handwriting&lang=${language}`);
      await handwritingWalk({ page, net: pretrained.network });
      assert.match(await page.locator('.hand-bar[data-name="mnist"] .hand-value').textContent() ?? '', language === 'ru' ? /^\d\d,\d\u00a0%$/ : /^\d\d\.\d %$/);
      await page.screenshot({ path: join(RESULTS_DIR, `digits-course-${language}-${language === 'ru' ? 'phone' : 'desktop'}.png`), fullPage: true });
      assert.ok((await sidewaysOverflow(page)) <= 0);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
});
