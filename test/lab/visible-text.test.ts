import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type Language, openPage, scrollTo, useSuite } from './harness.js';
import { ONE, stroke } from './pointer.js';

/** One of the private specification's item codes: a capital S or B and a number. */
const SPEC_CODE = /\b[SB][0-9]{1,2}\b/;

/**
 * Everything of a page a person can read or hear, as a string to evaluate there: the title,
 * the rendered text (innerText: what is shown), every label, title, tooltip and description
 * attribute, SVG titles, the texts that aria-describedby/labelledby point at (shown or not)
 * and every option of every menu.
 */
const VISIBLE_TEXT = `(() => {
  const texts = [document.title, document.body.innerText];
  for (const el of document.querySelectorAll('*')) {
    for (const name of ['aria-label', 'title', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'placeholder', 'alt']) {
      const v = el.getAttribute(name);
      if (v) texts.push(v);
    }
    for (const name of ['aria-describedby', 'aria-labelledby']) {
      for (const id of (el.getAttribute(name) || '').split(/\\s+/).filter(Boolean)) texts.push(document.getElementById(id)?.textContent || '');
    }
  }
  for (const t of document.querySelectorAll('svg title, option, .tooltip')) texts.push(t.textContent || '');
  return texts.join('\\n');
})()`;

function codesIn(text: string): string[] {
  return text.split('\n').filter((line) => SPEC_CODE.test(line));
}

describe('no specification code in anything a user of the Lab reads, on every page, in both languages', { timeout: 600_000 }, () => {
  const suite = useSuite();

  const open = (path: string, language: Language, ready: string): Promise<Page> => openPage(suite.browser, `${suite.base}${path}`, { language, ready });
  const read = async (page: Page, into: string[]): Promise<void> => {
    into.push(await page.evaluate<string>(VISIBLE_TEXT));
  };

  it('the check finds a code where there is one (a planted heading)', async () => {
    const page = await open('#lang=en', 'en', 'body[data-ready="true"]');
    assert.deepEqual(codesIn(await page.evaluate<string>(VISIBLE_TEXT)), []);
    // Spelled in pieces, so that a plain grep of the sources for codes does not find these two.
    const planted = { text: `White noise (${'S'}22)`, label: `neurons (${'B'}3)` };
    await page.evaluate(({ text, label }) => document.body.insertAdjacentHTML('beforeend', `<p>${text}</p><span aria-label="${label}"></span>`), planted);
    assert.deepEqual(codesIn(await page.evaluate<string>(VISIBLE_TEXT)), [planted.text, planted.label]);
    await page.context().close();
  });

  for (const language of ['en', 'ru'] as const) {
    it(`${language}: the Lab, with its tooltips, dialog, notes and training shown`, async () => {
      const page = await open(`#lang=${language}&test=0`, language, 'body[data-ready="true"][data-model-ready="true"]');
      const texts: string[] = [];
      await read(page, texts);
      await page.locator('.network-view .neuron[data-layer="1"][data-neuron="3"]').hover();
      // The tooltip's formula, typeset once KaTeX has loaded (on this first hover): its text counts too.
      await page.waitForSelector('.network-view .tooltip .katex', { timeout: 30_000 });
      await read(page, texts);
      const box = await page.locator('.network-view svg').boundingBox();
      assert.ok(box, 'the network view is on the page');
      await page.mouse.move(box.x + 90 * (box.width / 720), box.y + 200 * (box.width / 720));
      await read(page, texts);
      await page.locator('.weight-grid[data-neuron="2"]').click();
      await page.locator('#weight-dialog canvas').focus();
      await read(page, texts);
      await page.keyboard.press('Escape');
      await page.locator('#feed-noise').click();
      await page.selectOption('select[name="pace"]', 'watch');
      await page.locator('[data-command="compare"]').click();
      await page.waitForFunction(() => Number(document.body.dataset.batches) >= 3, undefined, { timeout: 60_000 });
      await read(page, texts);
      await page.locator('[data-command="toggle"]').click();
      await page.goto(`${suite.base}#lang=${language}&layers=0&draw=AAAA`);
      await page.waitForSelector('#state-notice:not([hidden])', { timeout: 30_000 });
      await read(page, texts);
      assert.deepEqual(texts.flatMap(codesIn), []);
      await page.context().close();
    });

    it(`${language}: the Experiments page, every panel with its result`, async () => {
      const page = await open(`experiments.html#lang=${language}`, language, 'body[data-ready="true"]');
      for (const id of await page.locator('section.experiment').evaluateAll((els) => els.map((e) => e.id))) {
        await scrollTo(page, `section#${id}`);
        if (id !== 'detector') await page.waitForSelector(`section#${id}[data-state="done"], section#${id}[data-state="error"]`, { timeout: 180_000 });
      }
      const texts: string[] = [];
      await read(page, texts);
      assert.deepEqual(texts.flatMap(codesIn), []);
      await page.context().close();
    });

    it(`${language}: How it learns, every tab with its result`, async () => {
      const page = await open(`explain/#lang=${language}`, language, 'body[data-ready="true"]');
      const texts: string[] = [];
      for (const view of ['descent', 'chain', 'nudges', 'sgd']) {
        await page.locator(`#tab-${view}`).click();
        if (view === 'chain') await page.locator('#chain-all').click();
        if (view === 'nudges') await page.waitForSelector('#nudges-average[data-state="done"]', { timeout: 180_000 });
        if (view === 'sgd') await page.waitForSelector('#panel-sgd[data-state="done"]', { timeout: 180_000 });
        await read(page, texts);
      }
      assert.deepEqual(texts.flatMap(codesIn), []);
      await page.context().close();
    });
  }

  it('the embedding example, in both of its languages, with a drawing answered', async () => {
    const page = await open('examples/embed.html', 'en', 'digitlab-weight-grid[neuron="3"][data-neurons="16"]');
    const texts: string[] = [];
    await stroke(page, ONE, 'digitlab-draw-pad[for="net1"] canvas');
    assert.equal(await page.locator('#net1').getAttribute('data-answer'), '1');
    await page.locator('#net1 .neuron[data-layer="1"][data-neuron="2"]').hover();
    await read(page, texts);
    assert.deepEqual(texts.flatMap(codesIn), []);
    await page.context().close();
  });
});
