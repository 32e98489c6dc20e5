import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { maxAbs } from '../../src/lab/shared/inference.js';
import { signedPixels } from '../../src/lab/shared/palette.js';
import { loadModel } from '../../src/model/model-io.js';
import { RESULTS_DIR, ROOT, screenContext, SCREENS, useSuite } from './harness.js';
import { ellipse, ONE, stroke } from './pointer.js';

/** The RGBA pixels of a 28×28 canvas on the page. */
function canvasPixels(page: Page, selector: string): Promise<number[]> {
  return page.evaluate((s) => {
    const canvas = document.querySelector(s) as HTMLCanvasElement;
    return Array.from(canvas.getContext('2d')?.getImageData(0, 0, 28, 28).data ?? []);
  }, selector);
}

describe('embeddable figures: examples/embed.html in Chromium', { timeout: 240_000 }, () => {
  const suite = useSuite();
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    const context = await screenContext(suite.browser, { viewport: { width: 1280, height: 1000 }, mobile: false });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${suite.base}examples/embed.html`);
    await page.waitForSelector('digitlab-weight-grid[neuron="3"][data-neurons="16"]', { timeout: 60_000 });
  });

  it('is the page a teacher writes: one script, the elements, the model file', async () => {
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.getAttribute('src')));
    assert.deepEqual(scripts, ['../embed.js']);
    for (const name of ['digitlab-draw-pad', 'digitlab-network', 'digitlab-answer', 'digitlab-weight-grid']) {
      assert.ok(await page.evaluate((n) => customElements.get(n) !== undefined, name), `${name} defined`);
    }
  });

  it('draw → answer: a drawn 1 and a drawn 0 are answered by the network named in for="…"', async () => {
    const answer = page.locator('digitlab-answer[for="net1"] .answer-digit');
    assert.equal((await answer.textContent())?.trim(), '–', 'no answer before a drawing');
    await stroke(page, ONE, 'digitlab-draw-pad[for="net1"] canvas');
    assert.equal((await answer.textContent())?.trim(), '1');
    assert.equal(await page.locator('#net1').getAttribute('data-answer'), '1');
    assert.match((await page.locator('digitlab-answer[for="net1"] [aria-live]').textContent()) ?? '', /^The network says 1 \(\d+\.\d %/);
    assert.equal(await page.locator('#net1 .neuron').count(), 42, '16 + 16 + 10 neurons');
    // The other network on the page did not hear this pad.
    assert.equal((await page.locator('digitlab-answer[for="net2"] .answer-digit').textContent())?.trim(), '–');
    await page.locator('digitlab-draw-pad[for="net1"] button').first().click();
    assert.equal((await answer.textContent())?.trim(), '–', 'Clear empties the answer');
    await stroke(page, ellipse(140, 140, 62, 95), 'digitlab-draw-pad[for="net1"] canvas');
    assert.equal((await answer.textContent())?.trim(), '0');
    // Numbers on demand: hovering a neuron shows its z, b and a.
    await page.locator('#net1 .neuron[data-layer="1"][data-neuron="2"]').hover();
    assert.match((await page.locator('#net1 .tooltip').textContent()) ?? '', /bias b = -?\d/);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(RESULTS_DIR, 'embed-desktop.png'), fullPage: true });
  });

  it('weight grid renders neuron 3’s real weights, with the weight under the pointer', async () => {
    const model = await loadModel(join(ROOT, 'models/pretrained.json'));
    const row = model.network.weights[0].subarray(3 * 784, 4 * 784);
    const expected = new Uint8ClampedArray(784 * 4);
    signedPixels(row, maxAbs(row), 'green-red', expected);
    const shown = await canvasPixels(page, 'digitlab-weight-grid[neuron="3"] canvas.neuron-weights-canvas');
    // The first weight grid of the page (its neuron attribute changes below).
    assert.deepEqual(shown, Array.from(expected), 'the canvas holds the model’s weights, green/red by sign, brightness by |w|');
    const grid = page.locator('digitlab-weight-grid').first();
    assert.equal((await grid.locator('.figure-title').textContent())?.trim(), 'Neuron 3 of layer 1: weights');
    await grid.locator('canvas.neuron-weights-canvas').hover({ position: { x: 170, y: 170 } });
    const box = await grid.locator('canvas.neuron-weights-canvas').boundingBox();
    assert.ok(box);
    const [x, y] = [Math.floor((170 / box.width) * 28), Math.floor((170 / box.height) * 28)];
    assert.equal(await grid.locator('.pixel-weight').textContent(), `pixel (${x}, ${y}): weight w = ${row[y * 28 + x].toFixed(3)}`);
    // Changing the attribute redraws another neuron.
    await grid.evaluate((el) => el.setAttribute('neuron', '5'));
    assert.equal((await grid.locator('.figure-title').textContent())?.trim(), 'Neuron 5 of layer 1: weights');
    const row5 = model.network.weights[0].subarray(5 * 784, 6 * 784);
    signedPixels(row5, maxAbs(row5), 'green-red', expected);
    assert.deepEqual(await canvasPixels(page, 'digitlab-weight-grid[neuron="5"] canvas.neuron-weights-canvas'), Array.from(expected));
    await grid.evaluate((el) => el.setAttribute('neuron', '99'));
    assert.match((await grid.locator('.figure-title').textContent()) ?? '', /no neuron 99 \(it has 0–15\)/);
    await grid.evaluate((el) => el.setAttribute('neuron', '3'));
  });

  it('follows lang="ru" of an ancestor and palette="blue-orange"; all sixteen grids without neuron="…"', async () => {
    const ru = page.locator('section[lang="ru"]');
    assert.deepEqual(await ru.locator('digitlab-draw-pad button').allTextContents(), ['Очистить', 'Отменить']);
    await stroke(page, ONE, 'digitlab-draw-pad[for="net2"] canvas');
    assert.equal((await ru.locator('digitlab-answer .answer-digit').textContent())?.trim(), '1');
    assert.match((await ru.locator('digitlab-answer [aria-live]').textContent()) ?? '', /^Сеть считает, что это 1/);
    assert.equal(await ru.locator('digitlab-weight-grid .weight-grid').count(), 16);
    assert.equal((await ru.locator('digitlab-weight-grid .figure-title').textContent())?.trim(), 'Веса первого скрытого слоя: по картинке 28×28 на нейрон');
    await ru.screenshot({ path: join(RESULTS_DIR, 'embed-russian.png') });
    assert.deepEqual(errors, []);
  });

  it('fits a phone-sized screen', async () => {
    const phone = await screenContext(suite.browser, SCREENS[1], 'en', { deviceScaleFactor: 2 });
    const small = await phone.newPage();
    await small.goto(`${suite.base}examples/embed.html`);
    await small.waitForSelector('digitlab-weight-grid[neuron="3"][data-neurons="16"]', { timeout: 60_000 });
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow} px too wide)`);
    await small.screenshot({ path: join(RESULTS_DIR, 'embed-phone.png'), fullPage: true });
    await phone.close();
  });
});
