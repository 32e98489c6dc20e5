// What the course says when something it loads after the first figure does not arrive (the
// network gone before the site was saved, a host missing a file): KaTeX, and the 47 MB of
// training images behind chapter 2's data figure. Each failure is said in the page, naming the
// file, in the learner's language, and leaves no unhandled rejection behind.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { courseContext, openCourse } from './course-pages.js';
import { RESULTS_DIR, useSuite } from './harness.js';

describe('the course when a later load fails', { timeout: 300_000 }, () => {
  const suite = useSuite();

  it('KaTeX does not load: the page says the formulas stay TeX and why, in both languages', async () => {
    const context = await courseContext(suite.browser, 'en');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route(/\/assets\/katex-[^/]*\.js$/, (route) => route.abort('connectionrefused'));
    await openCourse(page, suite.base, '#network/detector');
    const line = page.locator('#typeset-failure');
    await line.waitFor({ timeout: 60_000 });
    assert.match((await line.textContent()) ?? '', /^The formulas could not be typeset \(.*katex.*\): they are shown as TeX\.$/);
    assert.ok((await page.locator('.tex-pending').count()) > 0, 'the formulas show their TeX source');
    await page.locator('#language').selectOption('ru');
    await page.waitForFunction(() => document.getElementById('typeset-failure')?.textContent?.startsWith('Не удалось набрать формулы'));
    assert.match((await line.textContent()) ?? '', /katex.*\): они показаны в записи TeX\.$/);
    await page.screenshot({ path: join(RESULTS_DIR, 'course-katex-failed-ru.png') });
    assert.deepEqual(errors, [], 'no unhandled rejection');
    await context.close();
  });

  it('the training images do not load: the data figure says so in place of "Loading…", naming the file; choosing the set again loads it', async () => {
    const context = await courseContext(suite.browser, 'en');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const missing = /\/data\/train-images-idx3-ubyte\.gz$/;
    await page.route(missing, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await openCourse(page, suite.base, '#learning/data');
    const status = page.locator('#figure .picker .status');
    await page.waitForFunction(() => document.querySelector('#figure .picker .status .error') !== null, undefined, { timeout: 60_000 });
    assert.match((await status.textContent()) ?? '', /^The figure could not be built: .*train-images-idx3-ubyte.*404/);
    assert.equal(await page.locator('#figure figcaption[data-label]').count(), 0, 'no training image is shown');
    await status.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS_DIR, 'course-data-failed-en.png') });
    await page.unroute(missing);
    await page.locator('#figure button.split-choice[data-split="train"]').click();
    await page.waitForSelector('#figure figcaption[data-label]', { timeout: 120_000 });
    assert.equal(await status.locator('.error').count(), 0, 'the message goes once the images are there');
    assert.deepEqual(errors, [], 'no unhandled rejection');
    await context.close();
  });
});
