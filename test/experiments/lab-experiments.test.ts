import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage, RESULTS_DIR, scrollTo, useSuite } from '../lab/harness.js';

/** Small settings per panel (input name → value), so each runs in seconds. */
const PANELS: [string, Record<string, number>][] = [
  ['noise', { count: 200 }],
  ['shuffled-labels', { trainCount: 300, width: 64, epochs: 8 }],
  ['neuron-inputs', { steps: 40 }],
  ['fool', {}],
  ['mistakes', { show: 16 }],
  ['activations', { epochs: 2, trainCount: 3000 }],
];

describe('Lab: Experiments view', () => {
  const suite = useSuite();
  let page: Page;

  before(async () => {
    // 30 s: Playwright's own default for a wait.
    page = await openPage(suite.browser, `${suite.base}experiments.html`, { screen: { viewport: { width: 1400, height: 1000 }, mobile: false }, ready: 'body[data-ready="true"]', timeout: 30_000 });
  });

  for (const [id, settings] of PANELS) {
    it(`${id}: shows a quick run without a click, then runs on small settings and renders numbers and images`, { timeout: 180_000 }, async () => {
      const panel = page.locator(`section#${id}`);
      // Scrolled into view, the panel runs the same code on quick settings by itself, and says so.
      await scrollTo(page, `section#${id}`);
      await page.waitForSelector(`section#${id}[data-run="quick"][data-state="done"], section#${id}[data-state="error"]`, { timeout: 170_000 });
      const quickStatus = (await panel.locator('.status').textContent()) ?? '';
      assert.equal(await panel.getAttribute('data-state'), 'done', `quick run: ${quickStatus}`);
      assert.match(quickStatus, /^(Quick run on opening \(.+\), done in [\d.]+ s .*Press Run for the full one|Computed on opening with the settings above, in [\d.]+ s)/);
      assert.match((await panel.locator('.output').textContent()) ?? '', /\d/, 'the quick run shows numbers');
      assert.ok((await panel.locator('.output canvas, .output svg').count()) > 0, 'and draws');
      await panel.screenshot({ path: join(RESULTS_DIR, `experiment-${id}-quick.png`) });
      for (const [name, value] of Object.entries(settings)) {
        await panel.locator(`input[name="${name}"]`).fill(String(value));
        await panel.locator(`input[name="${name}"]`).dispatchEvent('change');
      }
      await panel.locator('button.run').click();
      await page.waitForSelector(`section#${id}[data-run="full"][data-state="done"], section#${id}[data-state="error"]`, { timeout: 170_000 });
      const status = await panel.locator('.status').textContent();
      assert.equal(await panel.getAttribute('data-state'), 'done', `status: ${status}`);
      assert.match(status ?? '', /^Done in [\d.]+ s/);
      const text = (await panel.locator('.output').textContent()) ?? '';
      assert.match(text, /\d/, 'numbers shown');
      const images = await panel.locator('.output canvas, .output svg').count();
      assert.ok(images > 0, 'images or charts drawn');
      // The settings (and the panel run) are in the address.
      for (const [name, value] of Object.entries(settings)) assert.ok(new URL(page.url()).hash.includes(`${id}.${name}=${value}`), `${id}.${name} in ${page.url()}`);
      assert.match(page.url(), new RegExp(`at=${id}`));
      await panel.screenshot({ path: join(RESULTS_DIR, `experiment-${id}.png`) });
    });
  }

  it('a shared link reopens the same settings, at the same panel, in the same language', async () => {
    const copied = page.url();
    const other = await suite.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await other.goto(copied);
    await other.waitForSelector('body[data-ready="true"]');
    for (const [id, settings] of PANELS) {
      for (const [name, value] of Object.entries(settings)) assert.equal(await other.locator(`section#${id} input[name="${name}"]`).inputValue(), String(value), `${id}.${name}`);
    }
    // The last panel run is scrolled to (the page scrolls once its panels are laid out: on a
    // loaded machine that can come a moment after the page says it is ready).
    const inView = await other
      .waitForFunction(() => {
        const r = document.querySelector('section#activations')?.getBoundingClientRect();
        return r !== undefined && r.top < innerHeight && r.bottom > 0;
      }, null, { timeout: 10_000 })
      .then(() => true, () => false);
    const box = await other.locator('section#activations').boundingBox();
    assert.ok(inView && box && box.y < 1000 && box.y + box.height > 0, `the panel of the link is in view (its box: ${JSON.stringify(box)})`);
    // The language switch keeps the settings.
    const href = (await other.locator('a.language-switch').getAttribute('href')) ?? '';
    assert.match(href, /lang=ru/);
    assert.match(href, /noise\.count=200/);
    await other.close();
  });

  it('detector: painting weights and drawing an input changes the weighted sum live', async () => {
    const panel = page.locator('section#detector');
    await panel.scrollIntoViewIfNeeded();
    await panel.locator('button.preset').click();
    const z0 = Number(await panel.getAttribute('data-z'));
    assert.equal(z0, 0, 'no drawing: z = bias = 0');
    const box = await panel.locator('canvas.detector-pad').boundingBox();
    assert.ok(box);
    // A horizontal stroke through the middle: on the + band of the edge detector.
    await page.mouse.move(box.x + 60, box.y + 140);
    await page.mouse.down();
    await page.mouse.move(box.x + 220, box.y + 140, { steps: 12 });
    await page.mouse.up();
    await page.waitForFunction(() => Number(document.querySelector('#detector')?.getAttribute('data-z')) !== 0);
    const z1 = Number(await panel.getAttribute('data-z'));
    assert.ok(z1 > 0, `a stroke on the + band excites it (z = ${z1})`);
    await panel.locator('input[name="bias"]').fill('-40');
    const z2 = Number(await panel.getAttribute('data-z'));
    assert.ok(Math.abs(z2 - (z1 - 40)) < 1e-3, 'the bias shifts z');
    assert.match((await panel.locator('.detector-a').textContent()) ?? '', /σ\(z\) = [\d.]+/);
    await panel.screenshot({ path: join(RESULTS_DIR, 'experiment-detector.png') });
  });

  it('main view: "Feed noise" gives a definite answer', async () => {
    const main = await suite.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await main.goto(suite.base);
    await main.waitForSelector('body[data-model-ready="true"]', { timeout: 60_000 });
    await main.locator('#feed-noise').click();
    const answer = (await main.locator('#answer').textContent())?.trim() ?? '';
    assert.match(answer, /^\d$/, `an answer for noise: "${answer}"`);
    assert.equal(await main.locator('#experiments-link').count(), 1);
    await main.screenshot({ path: join(RESULTS_DIR, 'experiment-feed-noise.png') });
    await main.close();
  });
});
