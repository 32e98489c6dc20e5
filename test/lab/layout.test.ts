import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RESULTS_DIR, useSuite, screenContext, SCREENS } from './harness.js';
import { ONE, stroke } from './pointer.js';

/**
 * Elements that reach past the window's right edge without a sideways-scrolling box around
 * them: a panel that hides its overflow keeps the page from scrolling, but cuts them off.
 */
function clippedPastTheScreen(): string[] {
  // One function body, no inner named functions: the page runs its source as it is.
  const width = document.documentElement.clientWidth;
  const cut: string[] = [];
  for (const e of Array.from(document.body.querySelectorAll('*'))) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= width + 1) continue;
    if (e.tagName.toLowerCase() !== 'svg' && e.closest('svg') !== null) continue;
    if (getComputedStyle(e).visibility === 'hidden') continue;
    let scrolls = false;
    for (let a = e.parentElement; a !== null && a !== document.body && !scrolls; a = a.parentElement) {
      const x = getComputedStyle(a).overflowX;
      scrolls = x === 'auto' || x === 'scroll';
    }
    if (!scrolls) cut.push(`${e.tagName.toLowerCase()}.${String(e.getAttribute('class') ?? '').split(' ').join('.')} (right edge ${Math.round(r.right)} px)`);
  }
  return cut.slice(0, 10);
}

/** The pages, how to know each is ready, and a name for its screenshots. */
const PAGES = [
  { name: 'lab', path: '', ready: 'body[data-ready="true"][data-model-ready="true"]' },
  { name: 'experiments', path: 'experiments.html', ready: 'body[data-ready="true"]' },
  { name: 'explain', path: 'explain/', ready: 'body[data-ready="true"]' },
] as const;

describe('every page at desktop and phone width, in English and Russian', { timeout: 300_000 }, () => {
  const suite = useSuite();

  for (const screen of SCREENS) {
    for (const language of ['en', 'ru'] as const) {
      it(`${screen.name}, ${language}: no sideways scrolling, no page error; screenshots in test-results/`, async () => {
        const context = await screenContext(suite.browser, screen, language);
        for (const p of PAGES) {
          const page = await context.newPage();
          const errors: string[] = [];
          page.on('pageerror', (error) => errors.push(error.message));
          await page.goto(`${suite.base}${p.path}#lang=${language}`);
          await page.waitForSelector(p.ready, { timeout: 60_000 });
          // Experiments: once every panel's quick run on opening has drawn its tables and charts.
          if (p.name === 'experiments') await page.waitForFunction(() => Array.from(document.querySelectorAll('section[data-experiment]')).every((s) => (s as HTMLElement).dataset.state !== 'running'), null, { timeout: 120_000 });
          assert.equal(await page.evaluate(() => document.documentElement.lang), language);
          if (p.name === 'lab') {
            await stroke(page, ONE);
            assert.equal((await page.locator('#answer').textContent())?.trim(), '1');
            await page.evaluate(() => window.scrollTo(0, 0));
          }
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `${p.name}: ${overflow} px wider than the screen`);
          assert.deepEqual(await page.evaluate(clippedPastTheScreen), [], `${p.name}: content cut off at the screen's right edge`);
          await page.screenshot({ path: join(RESULTS_DIR, `layout-${p.name}-${screen.name}-${language}.png`), fullPage: true });
          assert.deepEqual(errors, [], p.name);
          await page.close();
        }
        await context.close();
      });
    }
  }
});
