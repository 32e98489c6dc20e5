import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { loadMnist } from '../../src/data/idx-dir.js';
import { imageNudges, imagePixels, trainingSetAverage } from '../../src/explain/nudges.js';
import { loadModel } from '../../src/model/model-io.js';
import { openPage, RESULTS_DIR, ROOT, type Screen, useSuite, pageHref } from '../lab/harness.js';

/** The screen these pages are looked at on. */
const WIDE: Screen = { viewport: { width: 1400, height: 1000 }, mobile: false };

/** A data attribute of an element as a number. */
async function numberAt(page: Page, selector: string, attribute: string): Promise<number> {
  const v = await page.locator(selector).getAttribute(attribute);
  assert.ok(v !== null, `${selector} has ${attribute}`);
  return Number(v);
}

/** Sets an input's value as a user would (type, then leave the field). */
async function setInput(page: Page, selector: string, value: string): Promise<void> {
  const input = page.locator(selector);
  await input.fill(value);
  await input.dispatchEvent('change');
}

/** Runs the SGD panel and waits until it is done with a final SGD cost other than `old`. */
async function runSgdPast(page: Page, old: number): Promise<void> {
  await page.locator('#sgd-run').click();
  await page.waitForFunction((last) => {
    const el = document.querySelector('#sgd-mini-summary') as HTMLElement | null;
    return document.querySelector('#panel-sgd')?.getAttribute('data-state') === 'done' && el?.dataset.finalCost !== last;
  }, String(old), { timeout: 120_000 });
}

describe('"How it learns" in Chromium', { timeout: 300_000 }, () => {
  const suite = useSuite();

  // 30 s: Playwright's own default for a wait.
  const open = (hash: string): Promise<Page> => openPage(suite.browser, `${suite.base}explain/${hash}`, { screen: WIDE, ready: 'body[data-ready="true"]', timeout: 30_000 });

  it('descent: steps go downhill by −η·∇C; the learning rate decides crawl, settle or diverge', async () => {
    const page = await open('');
    const c0 = await numberAt(page, '#descent-readout', 'data-cost');
    for (let i = 0; i < 3; i++) await page.locator('#descent-step').click();
    assert.equal(await numberAt(page, '#descent-readout', 'data-step'), 3);
    assert.ok((await numberAt(page, '#descent-readout', 'data-cost')) < c0, 'the cost fell');
    assert.equal(await page.locator('#descent-outcome').getAttribute('data-outcome'), 'converged');
    await page.screenshot({ path: join(RESULTS_DIR, 'explain-descent-surface.png'), fullPage: true });
    await setInput(page, '#descent-lr', '9');
    assert.equal(await page.locator('#descent-outcome').getAttribute('data-outcome'), 'diverged');
    await setInput(page, '#descent-lr', '0.01');
    assert.equal(await page.locator('#descent-outcome').getAttribute('data-outcome'), 'crawling');
    assert.match(await pageHref(page), /lr=0\.01/);
    // Drop the ball elsewhere: the start (and the URL) change.
    const box = await page.locator('#descent-canvas').boundingBox();
    assert.ok(box);
    await page.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.2);
    await page.waitForFunction(() => location.hash.includes('start=-'), undefined, { timeout: 5000 });
    await page.selectOption('#descent-landscape', 'curve');
    await setInput(page, '#descent-lr', '0.95');
    for (let i = 0; i < 12; i++) await page.locator('#descent-step').click();
    await page.screenshot({ path: join(RESULTS_DIR, 'explain-descent-curve.png'), fullPage: true });
    await page.context().close();
  });

  it('chain: editing w(3) changes ∂C0/∂w(3); every derivative matches its finite difference', async () => {
    const page = await open('#view=chain');
    await page.locator('#chain-all').click();
    const before = await numberAt(page, '#chain-steps', 'data-dw3');
    assert.equal(await page.locator('#chain-steps li').count(), 10);
    await page.waitForSelector('#chain-steps .katex');
    await page.locator('#chain-w3').fill('0.5');
    const after = await numberAt(page, '#chain-steps', 'data-dw3');
    assert.notEqual(after, before);
    assert.ok((await numberAt(page, '#chain-steps', 'data-max-difference')) <= 1e-6);
    assert.match((await page.locator('#chain-steps li[data-id="backward-w3"] .check').textContent()) ?? '', /difference/);
    assert.match(await pageHref(page), /w=1\.5%2C-2%2C0\.5|w=1\.5,-2,0\.5/);
    await page.screenshot({ path: join(RESULTS_DIR, 'explain-chain.png'), fullPage: true });
    // In Russian, the source document's language: the same numbers, Russian words.
    await page.selectOption('#language', 'ru');
    assert.equal((await page.locator('h1').textContent())?.trim(), 'Как сеть учится');
    assert.match((await page.locator('#chain-steps li[data-id="backward-w3"] .check').textContent()) ?? '', /Численная проверка/);
    assert.match(await pageHref(page), /lang=ru/);
    await page.screenshot({ path: join(RESULTS_DIR, 'explain-chain-ru.png') });
    await page.context().close();
  });

  it('nudges: another image or model changes the wishes; the 16 maps are drawn', async () => {
    const page = await open('#view=nudges');
    await page.waitForSelector('body[data-data-ready="true"]', { timeout: 120_000 });
    const cost0 = await numberAt(page, '#nudges-summary', 'data-cost');
    assert.equal(await numberAt(page, '#nudges-summary', 'data-label'), 5, 'training image 0 is a 5');
    assert.equal(await page.locator('#nudges-wishes .bar-row').count(), 10);
    await setInput(page, '#nudges-image', '7');
    assert.equal(await numberAt(page, '#nudges-summary', 'data-label'), 3, 'training image 7 is a 3');
    assert.notEqual(await numberAt(page, '#nudges-summary', 'data-cost'), cost0);
    await page.selectOption('#nudges-model', 'untrained');
    const untrainedCost = await numberAt(page, '#nudges-summary', 'data-cost');
    assert.ok(untrainedCost > 0.5, `an untrained network is far off (${untrainedCost})`);
    assert.match(await pageHref(page), /img=7/);
    await page.screenshot({ path: join(RESULTS_DIR, 'explain-nudges.png'), fullPage: true });
    await page.context().close();
  });

  it('nudges: the wishes go back a layer at a time to the pixels, and the training-set average is −∇C as the engine computes it', async () => {
    const page = await open('#view=nudges&img=7');
    await page.waitForSelector('body[data-data-ready="true"]', { timeout: 120_000 });
    const model = await loadModel(join(ROOT, 'models/pretrained.json'));
    const { train } = await loadMnist();
    // Section 3: layers 2 and 1, then the 784 pixels, whose wishes are the engine's −∂C/∂a⁰.
    assert.deepEqual(await page.locator('#nudges-backward section').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.layer)), ['2', '1', '0']);
    const image = imageNudges(model.network, model.cost, imagePixels(train, 7), train.labels[7]);
    await page.locator('#nudges-backward section[data-layer="0"] canvas').focus();
    const text = (await page.locator('#nudges-backward section[data-layer="0"] .pixel-wish').textContent()) ?? '';
    const m = /^pixel \(14, 14\): wished change (\S+)$/.exec(text);
    assert.ok(m, text);
    const expected = image.inputWishes[14 * 28 + 14];
    assert.ok(Math.abs(Number(m[1]) - expected) <= Math.max(5e-5, Math.abs(expected) * 1e-2), `pixel wish ${m[1]} vs the engine's ${expected}`);
    // Section 6: computed once in a Worker over all 60,000 images.
    await page.waitForSelector('#nudges-average[data-state="done"]', { timeout: 180_000 });
    const average = trainingSetAverage(model.network, model.cost, train);
    const shown = page.locator('#nudges-average .readout');
    assert.equal(Number(await shown.getAttribute('data-count')), 60_000);
    assert.ok(Math.abs(Number(await shown.getAttribute('data-cost')) - average.cost) <= 1e-12 * average.cost, 'the average cost is the engine’s');
    assert.match((await shown.textContent()) ?? '', /accuracy \d+\.\d\d %.*coherence .*cos\(this image’s −∇C_x, −∇C\) = -?\d\.\d{3}/);
    assert.equal(await page.locator('#nudges-average .bar-row').count(), 10 + 16 + 16, 'average wishes of the outputs and both hidden layers');
    await page.locator('#panel-nudges').screenshot({ path: join(RESULTS_DIR, 'explain-nudges-backward-average.png') });
    // Another image: the average stays (it does not depend on the image), the agreement changes.
    const agreement = (await shown.textContent())?.match(/cos\(this image’s −∇C_x, −∇C\) = (-?[\d.]+)/)?.[1];
    await setInput(page, '#nudges-image', '8');
    await page.waitForFunction((old) => !document.querySelector('#nudges-average .readout')?.textContent?.includes(`= ${old};`), agreement);
    assert.equal(await page.locator('#nudges-average').getAttribute('data-state'), 'done');
    await page.context().close();
  });

  it('sgd-path: both paths over the cost plane; a different η gives a different end', async () => {
    // The page's defaults for the screenshot: 2,000 images, 100 full-batch steps (200,000 examples), 20 SGD epochs (40,000).
    const page = await open('#view=sgd');
    await page.waitForSelector('body[data-data-ready="true"]', { timeout: 120_000 });
    // Opened with the data there, the panel shows a quick run without a click, and says so.
    await page.waitForSelector('#panel-sgd[data-run="quick"][data-state="done"]', { timeout: 180_000 });
    assert.match((await page.locator('#sgd-status').textContent()) ?? '', /^Quick run on opening \(500 training images, 20 full-batch steps, 3 SGD epochs\), done in [\d.]+ s .*Press Run/);
    assert.ok(Number(await page.locator('#sgd-mini-summary').getAttribute('data-final-cost')) > 0, 'its result is drawn');
    await page.screenshot({ path: join(RESULTS_DIR, 'explain-sgd-path-quick.png'), fullPage: true });
    await page.locator('#sgd-run').click();
    await page.waitForSelector('#panel-sgd[data-run="full"][data-state="done"]', { timeout: 180_000 });
    assert.match((await page.locator('#sgd-status').textContent()) ?? '', /^Done in [\d.]+ s/);
    const full = await numberAt(page, '#sgd-full-summary', 'data-final-cost');
    const defaultMini = await numberAt(page, '#sgd-mini-summary', 'data-final-cost');
    assert.ok(defaultMini < full, `SGD (${defaultMini}) ends lower than full-batch GD (${full}) with 5× less compute`);
    assert.match((await page.locator('#sgd-plane').textContent()) ?? '', /principal directions/);
    await page.screenshot({ path: join(RESULTS_DIR, 'explain-sgd-path.png'), fullPage: true });
    // A smaller run, then the same with another η: the end point moves.
    await setInput(page, '#sgd-subset', '500');
    await setInput(page, '#sgd-full', '20');
    await setInput(page, '#sgd-epochs', '3');
    await runSgdPast(page, defaultMini);
    const mini = await numberAt(page, '#sgd-mini-summary', 'data-final-cost');
    await setInput(page, '#sgd-lr', '1');
    await runSgdPast(page, mini);
    assert.notEqual(await numberAt(page, '#sgd-mini-summary', 'data-final-cost'), mini);
    await page.context().close();
  });
});
