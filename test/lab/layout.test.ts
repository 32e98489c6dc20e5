import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { RESULTS_DIR, startSuite, SCREENS } from './harness.js';
import { ONE, stroke } from './pointer.js';

/** The pages, how to know each is ready, and a name for its screenshots. */
const PAGES = [
  { name: 'lab', path: '', ready: 'body[data-ready="true"][data-model-ready="true"]' },
  { name: 'experiments', path: 'experiments.html', ready: 'body[data-ready="true"]' },
  { name: 'explain', path: 'explain/', ready: 'body[data-ready="true"]' },
] as const;

describe('every page at desktop and phone width, in English and Russian', { timeout: 300_000 }, () => {
  let base = '';
  let browser: Browser;
  let close: () => Promise<void>;

  before(async () => {
    ({ base, browser, close } = await startSuite());
  });
  after(async () => {
    await close?.();
  });

  for (const screen of SCREENS) {
    for (const language of ['en', 'ru'] as const) {
      it(`${screen.name}, ${language}: no sideways scrolling, no page error; screenshots in test-results/`, async () => {
        const context = await browser.newContext({ viewport: screen.viewport, isMobile: screen.mobile, hasTouch: screen.mobile, deviceScaleFactor: 1, locale: language === 'ru' ? 'ru-RU' : 'en-US' });
        for (const p of PAGES) {
          const page = await context.newPage();
          const errors: string[] = [];
          page.on('pageerror', (error) => errors.push(error.message));
          await page.goto(`${base}${p.path}#lang=${language}`);
          await page.waitForSelector(p.ready, { timeout: 60_000 });
          assert.equal(await page.evaluate(() => document.documentElement.lang), language);
          if (p.name === 'lab') {
            await stroke(page, ONE);
            assert.equal((await page.locator('#answer').textContent())?.trim(), '1');
            await page.evaluate(() => window.scrollTo(0, 0));
          }
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `${p.name}: ${overflow} px wider than the screen`);
          await page.screenshot({ path: join(RESULTS_DIR, `layout-${p.name}-${screen.name}-${language}.png`), fullPage: true });
          assert.deepEqual(errors, [], p.name);
          await page.close();
        }
        await context.close();
      });
    }
  }
});
