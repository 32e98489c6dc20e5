import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { RESULTS_DIR, screenContext, useSuite } from './harness.js';
import { ONE, stroke } from './pointer.js';

/**
 * A browser's language list forced to tags Intl rejects (or does not know), before any page
 * script runs: as a headless Chromium shipped in an npm package reports `en-US@posix`.
 */
function forceLanguages(tags: readonly string[]): string {
  return `(() => {
    const tags = ${JSON.stringify(tags)};
    Object.defineProperty(Navigator.prototype, 'language', { configurable: true, get: () => tags[0] });
    Object.defineProperty(Navigator.prototype, 'languages', { configurable: true, get: () => Object.freeze([...tags]) });
  })()`;
}

describe('the Lab under odd locales and malformed addresses', { timeout: 240_000 }, () => {
  const suite = useSuite();

  /** Opens `path` with the browser languages `tags`; collects page errors into the returned list. */
  async function open(path: string, tags: readonly string[] | null, ready: string): Promise<{ page: Page; errors: string[] }> {
    const context = await screenContext(suite.browser);
    if (tags) await context.addInitScript(forceLanguages(tags));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${suite.base}${path}`);
    await page.waitForSelector(ready, { timeout: 60_000 });
    return { page, errors };
  }

  for (const tags of [['en-US@posix'], ['C'], ['x-unknown-tag', 'zz']]) {
    it(`navigator.languages = ${JSON.stringify(tags)}: the Lab draws a digit and answers it, in English`, async () => {
      const { page, errors } = await open('', tags, 'body[data-ready="true"][data-model-ready="true"]');
      assert.equal(await page.evaluate(() => navigator.languages[0]), tags[0], 'the override is in place');
      await stroke(page, ONE);
      assert.equal((await page.locator('#answer').textContent())?.trim(), '1');
      assert.match((await page.locator('#parameter-count').textContent()) ?? '', /13,002 parameters/);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      assert.deepEqual(errors, []);
      await page.context().close();
    });
  }

  it('navigator.languages = ["en-US@posix"]: Experiments and How it learns load and draw charts', async () => {
    const experiments = await open('experiments.html', ['en-US@posix'], 'body[data-ready="true"]');
    const panel = experiments.page.locator('section#activations');
    await panel.locator('input[name="epochs"]').fill('1');
    await panel.locator('input[name="trainCount"]').fill('500');
    await panel.locator('button.run').click();
    await experiments.page.waitForSelector('section#activations[data-state="done"]', { timeout: 120_000 });
    assert.ok((await panel.locator('.output canvas').count()) > 0, 'uPlot charts drawn');
    assert.deepEqual(experiments.errors, []);
    await experiments.page.context().close();
    const explain = await open('explain/', ['en-US@posix'], 'body[data-ready="true"]');
    await explain.page.locator('#descent-step').click();
    assert.equal(await explain.page.locator('#descent-readout').getAttribute('data-step'), '1');
    assert.deepEqual(explain.errors, []);
    await explain.page.context().close();
  });

  it('a malformed shared link: each bad key named in the notice (en and ru), the page still working', async () => {
    const hash = '#layers=0&batch=99999999&seed=NaN&data=../../etc&lr=%201%20&layers=0x10&dropout=0.999999&junk=1&test=3';
    const { page, errors } = await open(hash, null, 'body[data-ready="true"][data-model-ready="true"]');
    const notice = page.locator('#state-notice');
    assert.ok(await notice.isVisible());
    const lines = await notice.locator('li').allTextContents();
    assert.deepEqual(
      lines.map((l) => l.split('=')[0]),
      ['layers', 'batch', 'seed', 'data', 'lr', 'layers', 'dropout', 'junk'],
    );
    assert.equal(lines[0], 'layers=0 ignored: a layer needs 1–4,096 neurons');
    assert.match(lines[1], /^batch=99999999 ignored: must be from 1 to 60,000$/);
    assert.match(lines[4], /^lr=%201%20 ignored: not a decimal number$/);
    assert.match(lines[6], /^dropout=0\.999999 ignored: must be from 0 to 0\.99$/);
    assert.match(lines[7], /^junk=1 ignored: not a setting of this page$/);
    // The good key of the same link was taken, the bad ones kept their defaults.
    assert.equal(await page.locator('#test-index').inputValue(), '3');
    assert.equal(await page.locator('input[name="layers"]').inputValue(), '16,16');
    assert.equal(await page.locator('input[name="batch"]').inputValue(), '100');
    assert.equal(await page.locator('input[name="dropout"]').inputValue(), '0');
    await page.screenshot({ path: join(RESULTS_DIR, 'lab-address-notice.png'), clip: { x: 0, y: 0, width: 1440, height: 420 } });
    // Still working: it answers a drawing, and in Russian the notice is Russian.
    await stroke(page, ONE);
    assert.equal((await page.locator('#answer').textContent())?.trim(), '1');
    await page.selectOption('#language', 'ru');
    assert.match((await notice.locator('li').first().textContent()) ?? '', /^layers=0 пропущено: в слое должно быть от 1 до 4\s096 нейронов$/);
    // Training still starts from the form's (default) settings.
    await page.locator('[data-command="step"]').click();
    await page.waitForFunction(() => Number(document.body.dataset.batches) === 1);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('How it learns and Experiments name their bad keys too', async () => {
    const explain = await open('explain/#view=chain&w=1,2&lr=abc&land=curve&start=1,2', null, 'body[data-ready="true"]');
    const keys = (await explain.page.locator('#state-notice li').allTextContents()).map((l) => l.split('=')[0]);
    assert.deepEqual(keys, ['w', 'lr', 'start']);
    assert.match((await explain.page.locator('#state-notice li').last().textContent()) ?? '', /^start=1,2 corrected to 7\.5/);
    assert.equal(await explain.page.locator('#chain-steps li').count(), 1, 'the chain panel still works');
    await explain.page.context().close();
    const experiments = await open('experiments.html#lang=xx', null, 'body[data-ready="true"]');
    assert.match((await experiments.page.locator('.state-notice li').textContent()) ?? '', /^lang=xx ignored: must be one of en, ru$/);
    await experiments.page.context().close();
  });
});
