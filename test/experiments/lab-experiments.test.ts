import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { RESULTS_DIR, startSuite } from '../lab/harness.js';

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
  let browser: Browser;
  let close: () => Promise<void>;
  let url: string;
  let page: Page;

  before(async () => {
    ({ base: url, browser, close } = await startSuite());
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
    page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${url}experiments.html`);
    await page.waitForSelector('body[data-ready="true"]');
  });

  after(async () => {
    await close();
  });

  for (const [id, settings] of PANELS) {
    it(`${id}: runs on small settings and renders numbers and images`, { timeout: 120_000 }, async () => {
      const panel = page.locator(`section#${id}`);
      for (const [name, value] of Object.entries(settings)) await panel.locator(`input[name="${name}"]`).fill(String(value));
      await panel.locator('button.run').click();
      await page.waitForSelector(`section#${id}[data-state="done"], section#${id}[data-state="error"]`, { timeout: 110_000 });
      const status = await panel.locator('.status').textContent();
      assert.equal(await panel.getAttribute('data-state'), 'done', `status: ${status}`);
      assert.match(status ?? '', /Done in [\d.]+ s/);
      const text = (await panel.locator('.output').textContent()) ?? '';
      assert.match(text, /\d/, 'numbers shown');
      const images = await panel.locator('.output canvas, .output svg').count();
      assert.ok(images > 0, 'images or charts drawn');
      await panel.screenshot({ path: join(RESULTS_DIR, `experiment-${id}.png`) });
    });
  }

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
    const main = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await main.goto(url);
    await main.waitForSelector('body[data-model-ready="true"]', { timeout: 60_000 });
    await main.locator('#feed-noise').click();
    const answer = (await main.locator('#answer').textContent())?.trim() ?? '';
    assert.match(answer, /^\d$/, `an answer for noise: "${answer}"`);
    assert.equal(await main.locator('#experiments-link').count(), 1);
    await main.screenshot({ path: join(RESULTS_DIR, 'experiment-feed-noise.png') });
    await main.close();
  });
});
