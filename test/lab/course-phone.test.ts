import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { CHAPTERS } from '../../src/lab/pages/learn/chapters.js';
import { CHAPTER_1_EN } from '../../src/lab/pages/learn/text/chapter1.en.js';
import { CHAPTER_2_EN } from '../../src/lab/pages/learn/text/chapter2.en.js';
import { CHAPTER_3_EN } from '../../src/lab/pages/learn/text/chapter3.en.js';
import { courseContext, openCourse, phoneProblems, watchCanvasText } from './course-pages.js';
import { transitionsAfterStroke } from './course-walk.js';
import { pageHref, RESULTS_DIR, useSuite } from './harness.js';
import { ONE, stroke } from './pointer.js';

/** What the learner does first in a section whose figure shows more after it (its phone checks then see that too). */
const REVEAL: Readonly<Record<string, (page: Page) => Promise<void>>> = {
  'network/hope': async (page) => {
    await page.locator('.figure-body > button').click();
    await page.waitForSelector('.overlap[data-value]');
  },
  'learning/train': async (page) => {
    await page.waitForSelector('.figure-body[data-ready="true"]', { timeout: 120_000 });
    await page.locator('.train-buttons [data-action="step"]').click();
    await page.waitForFunction(() => document.querySelector('.train-progress')?.getAttribute('data-batches') === '1');
  },
  'backprop/three-ways': async (page) => {
    for (const button of await page.locator('.lever-pull').all()) await button.click();
  },
  'backprop/backwards': async (page) => {
    for (let i = 0; i < 3; i++) await page.locator('.backwards-cell button.primary').click();
  },
  'backprop/average': async (page) => {
    await page.waitForSelector('.average-summary[data-count="100"]', { timeout: 300_000 });
  },
};

/** Every section's route, in course order. */
const ROUTES = [CHAPTER_1_EN, CHAPTER_2_EN, CHAPTER_3_EN].flatMap((text, i) => Object.keys(text.sections).map((id) => `${CHAPTERS[i].id}/${id}`));
const LANGUAGES = ['en', 'ru'] as const;

/**
 * The course on a phone (390 × 844, touch, reduced motion), every page in both languages —
 * the start, the map and every section, with the learner's digit in the address as a shared
 * link carries it: nothing reaches past the screen's edges (no sideways scrolling, no element
 * wider than the window), no text drawn in a canvas under 11 CSS px (each figure reports its
 * smallest font in `data-font-px`, and what it draws is measured too), and no target too small
 * (axe-core's target-size rule: 0 violations). Reduced motion is honoured: no travelling light.
 * Where a figure shows more once used (steps back, levers pulled, a training step), the test
 * does that first.
 * A screenshot of every page goes to test-results/. The questions' revealed answers are checked
 * the same way by course-questions.test.ts.
 */
describe('the course on a phone', { timeout: 900_000 }, () => {
  const suite = useSuite();

  for (const language of LANGUAGES) {
    it(`${language}: every page fits the screen, canvas text is at least 11 px, every target passes axe's target-size rule`, async () => {
      const ctx = await courseContext(suite.browser, language, true, true);
      await watchCanvasText(ctx);
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await openCourse(page, suite.base, `#network/pixels&lang=${language}`);
      await stroke(page, ONE, '.learner-pad .draw-pad-canvas');
      await page.waitForFunction(() => /draw=/.test(location.hash));
      const hash = `${new URL(await pageHref(page)).hash.replace('#network/pixels', '')}&label=1`;
      const problems: string[] = [];
      for (const route of ['', 'map', ...ROUTES]) {
        await openCourse(page, suite.base, `#${route}${route ? '' : 'lang=' + language}${route ? hash : ''}`);
        await page.waitForFunction(() => document.querySelectorAll('.tex-pending').length === 0, undefined, { timeout: 30_000 });
        if (route === 'network/layers') assert.equal(await transitionsAfterStroke(page), 0, 'no travelling light under prefers-reduced-motion');
        await REVEAL[route]?.(page);
        const found = await phoneProblems(page);
        const name = route || 'start';
        for (const [kind, list] of Object.entries(found)) for (const item of list as string[]) problems.push(`${name} (${language}) ${kind}: ${item}`);
        await page.screenshot({ path: join(RESULTS_DIR, `course-${language}-phone-${name.replace('/', '-')}.png`), fullPage: true });
      }
      // Opening a section does not mark it done; doing what it asks does (drawing, the test images, all levers, every step back).
      const done = await page.locator('.contents a.done').evaluateAll((links) => links.map((a) => a.getAttribute('data-route')));
      assert.deepEqual(done.sort(), ['backprop/backwards', 'backprop/three-ways', 'network/hope', 'network/layers', 'network/pixels']);
      writeFileSync(join(RESULTS_DIR, `course-phone-problems-${language}.txt`), problems.join('\n'));
      assert.deepEqual(problems, [], problems.join('\n'));
      assert.deepEqual(errors, []);
      await ctx.close();
    });
  }
});
