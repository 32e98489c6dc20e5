import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { FASHION_CLASS_NAMES, FASHION_MNIST_DIRECTORY, loadMnist } from '../../src/data/idx-dir.js';
import { fastBackendFactory } from '../../src/fast/node.js';
import { loadModel } from '../../src/model/model-io.js';
import { evaluateNetwork } from '../../src/train/predict.js';
import { activationSettings, FAIR_ACTIVATION_SETTINGS } from '../../src/experiments/activations.js';
import { resolveSettings, SEED_SETTINGS } from '../../src/train/settings.js';
import type { TrainingSettings } from '../../src/model/training-settings.js';
import { Trainer } from '../../src/train/trainer.js';
import { dataSetSource, shownClassNames } from '../../src/lab/shared/data-sets.js';
import { openPage, RESULTS_DIR, ROOT, useSuite, pageHref } from './harness.js';
import { ellipse, ONE, type Point, stroke } from './pointer.js';

async function answer(page: Page): Promise<string> {
  return (await page.locator('#answer').textContent())?.trim() ?? '';
}

describe('the Lab in Chromium', { timeout: 240_000 }, () => {
  const suite = useSuite();
  let page: Page;

  before(async () => {
    page = await openPage(suite.browser, suite.base);
  });

  it('opens with the pretrained 784-16-16-10 network (13,002 parameters)', async () => {
    assert.match((await page.locator('#parameter-count').textContent()) ?? '', /784-16-16-10 · 13,002 parameters/);
    assert.equal(await page.locator('.weight-grid').count(), 16);
    assert.equal(await page.locator('.network-view .neuron').count(), 42);
    await page.locator('.thumb[data-index="0"]').click();
    // KaTeX is not part of the page's initial load: it comes with the first tooltip.
    const loaded = (): Promise<string[]> => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    assert.deepEqual((await loaded()).filter((name) => /katex/i.test(name)), [], 'no KaTeX before a tooltip');
    await page.locator('.network-view .neuron[data-layer="1"][data-neuron="3"]').hover();
    assert.match((await page.locator('.network-view .tooltip').textContent()) ?? '', /z = .*bias b = .*σ\(z\) = |\\sum/s);
    await page.waitForSelector('.network-view .tooltip .formula .katex .katex-html');
    assert.ok((await loaded()).some((name) => /katex/i.test(name)), 'KaTeX loaded on demand');
    const tex = await page.locator('.network-view .tooltip annotation[encoding="application/x-tex"]').allTextContents();
    assert.equal(tex.length, 2);
    assert.match(tex[0], /^z = \\sum_k w_k\\, a_k \+ b = -?\d+\.\d{3}$/);
    assert.match(tex[1], /^a = \\sigma\(z\) = \d\.\d{4}$/);
    assert.match((await page.locator('.network-view .tooltip').textContent()) ?? '', /bias b = -?\d/);
    await page.locator('.network-view .tooltip').screenshot({ path: join(RESULTS_DIR, 'lab-tooltip-katex.png') });
    // Keyboard: focus shows the same numbers; Enter on a first-layer neuron opens its weights.
    const neuron = page.locator('.network-view .neuron[data-layer="1"][data-neuron="5"]');
    await neuron.focus();
    assert.match((await neuron.getAttribute('aria-label')) ?? '', /^Layer 1, neuron 5: z = -?\d.*, b = -?\d.*, a = \d/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#weight-dialog[open]');
    assert.equal(await page.locator('#dialog-heading').textContent(), 'Neuron 5 of layer 1: weights');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#weight-dialog', { state: 'hidden' });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(RESULTS_DIR, 'lab-default.png'), fullPage: true });
  });

  it('answers mouse strokes of a 1, a 7 and a 0 with the pretrained model', async () => {
    const digits: [string, Point[][]][] = [
      ['1', [[...ONE]]],
      ['7', [[[70, 60], [140, 58], [205, 60], [175, 120], [145, 180], [125, 240]]]],
      ['0', [ellipse(140, 140, 62, 95)]],
    ];
    for (const [digit, strokes] of digits) {
      await page.locator('#clear').click();
      for (const s of strokes) await stroke(page, s);
      assert.equal(await answer(page), digit, `drawn ${digit}`);
      assert.match((await page.locator('#live').textContent()) ?? '', new RegExp(`says ${digit} `));
      await page.screenshot({ path: join(RESULTS_DIR, `lab-drawn-${digit}.png`), clip: { x: 0, y: 0, width: 1440, height: 640 } });
    }
    await page.locator('#undo').click();
    assert.equal(await answer(page), '–', 'undo of the only stroke empties the pad');
  });

  it('gives the same answers for real MNIST test images as the model does in Node', async () => {
    const model = await loadModel(join(ROOT, 'models/pretrained.json'));
    const { test } = await loadMnist();
    const { predictions } = evaluateNetwork(model.network, test);
    const wrong = [...predictions.keys()].filter((i) => predictions[i] !== test.labels[i]).slice(0, 5);
    const indices = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1234, 9999, ...wrong];
    for (const index of indices) {
      await page.locator('#test-index').fill(String(index));
      await page.locator('#test-index').press('Enter');
      await page.locator('#test-index').press('Tab');
      assert.equal(await answer(page), String(predictions[index]), `test image ${index} (label ${test.labels[index]})`);
    }
    // Keyboard: arrow keys move along the strip.
    await page.locator('.thumb[aria-pressed="true"]').focus();
    await page.keyboard.press('ArrowLeft');
    assert.equal(await answer(page), String(predictions[indices[indices.length - 1] - 1]));
  });

  it('switches between English and Russian, and starts in the browser language', async () => {
    await page.selectOption('#language', 'ru');
    assert.equal(await page.locator('#draw-heading').textContent(), 'Нарисуйте цифру');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
    assert.match((await page.locator('#parameter-count').textContent()) ?? '', /весов и смещений: 13\s002/);
    assert.match(await pageHref(page), /lang=ru/);
    await page.selectOption('#language', 'en');
    assert.equal(await page.locator('#draw-heading').textContent(), 'Draw a digit');
    const russian = await openPage(suite.browser, suite.base, { language: 'ru' });
    assert.equal(await russian.locator('[data-command="toggle"]').textContent(), 'Старт');
    await russian.locator('.thumb[data-index="1"]').click();
    await russian.screenshot({ path: join(RESULTS_DIR, 'lab-russian.png'), fullPage: true });
    await russian.context().close();
  });

  it('restores the settings from a copied URL', async () => {
    await page.locator('input[name="layers"]').fill('32,16');
    await page.locator('input[name="layers"]').press('Tab');
    await page.selectOption('select[name="activation"]', 'relu');
    await page.selectOption('select[name="optimizer"]', 'adam');
    await page.locator('input[name="lr"]').fill('0.003');
    await page.locator('input[name="lr"]').press('Tab');
    await page.locator('input[name="seed"]').fill('7');
    await page.locator('input[name="seed"]').press('Tab');
    await page.selectOption('#palette', 'blue-orange');
    const copied = await pageHref(page);
    const restored = await openPage(suite.browser, copied);
    const value = (name: string) => restored.locator(`[name="${name}"]`).inputValue();
    assert.equal(await value('layers'), '32,16');
    assert.equal(await value('activation'), 'relu');
    assert.equal(await value('optimizer'), 'adam');
    assert.equal(await value('lr'), '0.003');
    assert.equal(await value('seed'), '7');
    assert.equal(await restored.locator('#palette').inputValue(), 'blue-orange');
    assert.equal(await restored.locator('#test-index').inputValue(), await page.locator('#test-index').inputValue());
    await restored.context().close();
  });

  // How smoothly the page draws while it trains (frames per second) is measured by bench/lab-frames.ts.
  it('trains live in the Worker past 90 % test accuracy', async () => {
    const training = await openPage(suite.browser, `${suite.base}#layers=16,16&activation=relu&cost=cross-entropy&init=he&optimizer=adam&lr=0.005&test=0`);
    await training.locator('[data-command="toggle"]').click();
    await training.waitForSelector('body[data-running="true"]');
    await training.screenshot({ path: join(RESULTS_DIR, 'lab-training.png'), fullPage: true });
    await training.waitForFunction(() => Number(document.body.dataset.testAccuracy) > 0.9, undefined, { timeout: 60_000 });
    const curve = await training.evaluate<[number, number][]>('window.digitlab.testCurve()');
    const first = curve.find(([, accuracy]) => accuracy > 0.9);
    assert.ok(first, 'test accuracy passed 90 %');
    const crossed = { batches: first[0], accuracy: first[1] };
    // Past four of the Lab's diagnoses (every 300 mini-batches), the healthy run is not named.
    await training.waitForFunction(() => Number(document.body.dataset.batches) > 1200, undefined, { timeout: 60_000 });
    assert.equal(await training.locator('#diagnosis').textContent(), '', 'a healthy run is not named as stalled');
    await training.locator('[data-command="toggle"]').click();
    await training.waitForSelector('body[data-running="false"]');
    const speed = (await training.locator('#speed').textContent()) ?? '';
    console.log(`# live training: worker speed "${speed}"; test accuracy ${(crossed.accuracy * 100).toFixed(1)} % after ${crossed.batches} mini-batches`);
    assert.ok(crossed.batches <= 500, `90 % took ${crossed.batches} mini-batches`);
    await training.locator('.weight-grid[data-neuron="3"]').click();
    await training.waitForSelector('#weight-dialog[open]');
    await training.locator('#weight-dialog canvas').hover({ position: { x: 170, y: 170 } });
    assert.match((await training.locator('#weight-dialog .pixel-weight').textContent()) ?? '', /^pixel \(14, 14\): weight w = -?\d/);
    await training.screenshot({ path: join(RESULTS_DIR, 'lab-weight-grid.png') });
    await training.keyboard.press('Escape');
    await training.context().close();
  });

  it('trains sigmoid and ReLU side by side with one click, curves overlaid', async () => {
    const lab = await openPage(suite.browser, `${suite.base}#test=3`);
    await lab.locator('[data-command="compare"]').click();
    await lab.waitForSelector('body[data-running="true"]');
    await lab.waitForFunction(() => Number(document.body.dataset.batches) >= 300, undefined, { timeout: 60_000 });
    // The accuracy chart has drawn both runs' curves (it redraws a few times a second at full speed).
    await lab.waitForFunction(() => {
      const legends = [...document.querySelectorAll('#accuracy-chart .u-legend .u-series th')].map((th) => th.textContent?.trim());
      return legends.includes('sigmoid') && legends.includes('ReLU');
    }, undefined, { timeout: 60_000 });
    await lab.locator('[data-command="toggle"]').click();
    await lab.waitForSelector('body[data-running="false"]');
    const legends = await lab.locator('#accuracy-chart .u-legend .u-series th').allTextContents();
    assert.deepEqual(legends.map((l) => l.trim()).filter((l) => l === 'sigmoid' || l === 'ReLU'), ['sigmoid', 'ReLU']);
    // The fair comparison of the Experiments page and the CLI: each activation at its own measured rate and init.
    const runs = await lab.evaluate<{ id: string; settings: TrainingSettings }[]>('window.digitlab.runs()');
    assert.deepEqual(runs.map((r) => r.id), ['sigmoid', 'relu']);
    for (const run of runs) assert.deepEqual(run.settings, activationSettings(run.id as 'sigmoid' | 'relu', { sizes: [784, 16, 16, 10], seed: 1 }), run.id);
    assert.deepEqual(runs.map((r) => [r.settings.optimizer, r.settings.learningRate, r.settings.init]), [['sgd', FAIR_ACTIVATION_SETTINGS.sigmoid.learningRate, 'xavier'], ['sgd', FAIR_ACTIVATION_SETTINGS.relu.learningRate, 'he']]);
    assert.match((await lab.locator('#compare-note').textContent()) ?? '', /sigmoid: η = 3, Xavier weights; ReLU: η = 0\.3, He weights/);
    await lab.locator('.training').screenshot({ path: join(RESULTS_DIR, 'lab-sigmoid-vs-relu.png') });
    await lab.context().close();
  });

  it('trains a fresh network on Fashion-MNIST, chosen in the form, with its class names shown', { skip: existsSync(FASHION_MNIST_DIRECTORY) ? false : `${FASHION_MNIST_DIRECTORY} missing` }, async () => {
    const lab = await openPage(suite.browser, `${suite.base}#layers=32&activation=relu&cost=cross-entropy&init=he&optimizer=adam&lr=0.005&test=0`);
    await lab.selectOption('select[name="data"]', 'fashion');
    assert.match(await pageHref(lab), /data=fashion/);
    // The pretrained model knows only digits: a fresh network, for which the page fetches the training data at once.
    await lab.waitForSelector('body[data-ready="true"][data-data-set="fashion"][data-training-data="ready"]', { timeout: 60_000 });
    // The page says so and shows the fresh network.
    assert.match((await lab.locator('#status').textContent()) ?? '', /Fashion-MNIST: the pretrained model knows only digits/);
    assert.ok(await lab.locator('[data-command="pretrained"]').isDisabled());
    await lab.waitForFunction(() => document.querySelector('#picker .true-label')?.textContent === 'Label: Ankle boot', undefined, { timeout: 30_000 });
    const bars = (await lab.locator('#outputs').textContent()) ?? '';
    for (const name of ['T-shirt/top', 'Trouser', 'Ankle boot']) assert.ok(bars.includes(name), `${name} in the output bars`);
    assert.deepEqual(await lab.locator('.network-view .digit-label').allTextContents(), [...FASHION_CLASS_NAMES]);
    await lab.locator('[data-command="toggle"]').click();
    await lab.waitForSelector('body[data-running="true"]');
    await lab.waitForFunction(() => Number(document.body.dataset.testBatches) >= 100, undefined, { timeout: 60_000 });
    await lab.locator('[data-command="toggle"]').click();
    await lab.waitForSelector('body[data-running="false"]');
    const curve = await lab.evaluate<[number, number][]>('window.digitlab.testCurve()');
    const [batches, accuracy] = curve[curve.length - 1];
    console.log(`# Fashion-MNIST: test accuracy ${(accuracy * 100).toFixed(1)} % after ${batches} mini-batches (from ${(curve[0][1] * 100).toFixed(1)} %)`);
    assert.ok(accuracy > 0.5, `test accuracy ${accuracy} after ${batches} mini-batches, well above chance (10 %)`);
    assert.ok(accuracy > curve[0][1], 'accuracy rose');
    const shown = (await answer(lab)).trim();
    assert.ok(FASHION_CLASS_NAMES.includes(shown), `answer "${shown}" is a Fashion-MNIST class`);
    assert.doesNotMatch((await lab.locator('#live').textContent()) ?? '', /says \d/, 'no digit answer for clothes');
    await lab.screenshot({ path: join(RESULTS_DIR, 'lab-fashion.png'), fullPage: true });
    // A Russian page names the same classes in Russian: the picked image's label, the output bars, the network's outputs.
    const russian = shownClassNames(dataSetSource('fashion'), 'ru');
    await lab.selectOption('#language', 'ru');
    await lab.waitForFunction((label) => document.querySelector('#picker .true-label')?.textContent === `Метка: ${label}`, russian[9], { timeout: 10_000 });
    const barsRu = (await lab.locator('#outputs').textContent()) ?? '';
    for (const name of russian) assert.ok(barsRu.includes(name), `${name} in the Russian output bars`);
    assert.deepEqual(await lab.locator('.network-view .digit-label').allTextContents(), [...russian]);
    assert.ok(russian.includes((await answer(lab)).trim()), 'the answer in Russian');
    await lab.screenshot({ path: join(RESULTS_DIR, 'lab-fashion-ru.png'), fullPage: true });
    await lab.selectOption('#language', 'en');
    // Back to MNIST: the pretrained model answers digits again.
    await lab.selectOption('select[name="data"]', 'mnist');
    await lab.waitForSelector('body[data-ready="true"][data-data-set="mnist"]', { timeout: 60_000 });
    await lab.waitForFunction(() => document.querySelector('#picker .true-label')?.textContent === 'Label: 7', undefined, { timeout: 30_000 });
    assert.equal(await answer(lab), '7');
    assert.ok(!(await lab.locator('[data-command="pretrained"]').isDisabled()));
    assert.deepEqual(await lab.locator('.network-view .digit-label').allTextContents(), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    await lab.context().close();
  });

  it('names a network that stops learning (η = 50), with the cause and a fix, in English and Russian', async () => {
    const lab = await openPage(suite.browser, `${suite.base}#lr=50&test=0`);
    await lab.locator('[data-command="toggle"]').click();
    await lab.waitForSelector('body[data-diagnosed~="main"]', { timeout: 90_000 });
    await lab.locator('[data-command="toggle"]').click();
    const line = (await lab.locator('#diagnosis').textContent()) ?? '';
    assert.match(line, /^The network has stopped learning\. \d+ % of the hidden sigmoid neurons are saturated \(f′\(z\) ≈ 0\): .* The learning rate η = 50 is probably too large for 16-wide layers: try η = 4\.5\.$/);
    await lab.locator('.training').screenshot({ path: join(RESULTS_DIR, 'lab-stalled.png') });
    await lab.selectOption('#language', 'ru');
    assert.match((await lab.locator('#diagnosis').textContent()) ?? '', /^Сеть перестала учиться\. \d+ % скрытых нейронов \(sigmoid\) в насыщении .* попробуйте η = 4,5\.$/);
    await lab.context().close();
  });

  it('leaves η to the run layer: a wider network gets the CLI’s width-scaled rate, the source’s network keeps 4.5', async () => {
    const lab = await openPage(suite.browser, `${suite.base}#layers=100`);
    assert.equal(await lab.locator('input[name="lr"]').inputValue(), '', 'no rate chosen');
    assert.equal(await lab.locator('input[name="lr"]').getAttribute('placeholder'), 'auto: 1.3');
    await lab.locator('input[name="layers"]').fill('16,16');
    await lab.locator('input[name="layers"]').press('Tab');
    assert.equal(await lab.locator('input[name="lr"]').getAttribute('placeholder'), 'auto: 4.5');
    await lab.context().close();
  });

  it('gives the same weights as the Trainer in Node after the same mini-batches', async () => {
    const lab = await openPage(suite.browser, suite.base);
    // The Node side uses the WebAssembly kernels: so must the Worker (it falls back silently).
    assert.equal(await lab.evaluate(() => document.body.dataset.backend), 'WebAssembly SIMD');
    const steps = 5;
    for (let i = 1; i <= steps; i++) {
      await lab.locator('[data-command="step"]').click();
      // The weights arrive after the progress report: wait for the snapshot of step i itself.
      await lab.waitForFunction((n) => Number(document.body.dataset.batches) === n && Number(document.body.dataset.snapshotBatches) === n, i);
    }
    const net = await lab.evaluate(() => (window as unknown as { digitlab: { network(): { weights: number[][]; biases: number[][] } } }).digitlab.network());
    await lab.context().close();
    const data = await loadMnist();
    const trainer = new Trainer(resolveSettings({ ...SEED_SETTINGS }), data, { backend: await fastBackendFactory() });
    for (let i = 0; i < steps; i++) trainer.step();
    const expected = trainer.network();
    expected.weights.forEach((w, l) => assert.deepEqual(net.weights[l], Array.from(w), `weights of layer ${l + 1}`));
    expected.biases.forEach((b, l) => assert.deepEqual(net.biases[l], Array.from(b), `biases of layer ${l + 1}`));
  });
});

