import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { SECTIONS as FIGURES } from '../../src/lab/pages/learn/chapter3/sections.js';
import { CHAPTER_3_EN } from '../../src/lab/pages/learn/text/chapter3.en.js';
import { CHAPTER_3_RU } from '../../src/lab/pages/learn/text/chapter3.ru.js';
import type { ChapterText } from '../../src/lab/pages/learn/text/course-text.js';
import { courseContext, SPEC_CODE } from './course-pages.js';
import { type Engine3, loadEngine3 } from './course3-engine.js';
import { WALKS3 } from './course3-walk.js';
import { RESULTS_DIR, useSuite, pageHref } from './harness.js';

const SECTIONS = Object.keys(CHAPTER_3_EN.sections);
const LANGUAGES = ['en', 'ru'] as const;

/** Every string of a chapter's text with where it is, for comparing the two languages. */
function strings(text: ChapterText): Map<string, string> {
  const out = new Map<string, string>([['title', text.title], ['intro', text.intro]]);
  for (const [id, s] of Object.entries(text.sections)) {
    out.set(`${id}.title`, s.title);
    s.paragraphs.forEach((p, i) => out.set(`${id}.p${i}`, p));
    if (s.try) out.set(`${id}.try`, s.try);
    if (s.question) {
      out.set(`${id}.prompt`, s.question.prompt);
      s.question.choices.forEach((c, i) => out.set(`${id}.choice${i}`, c));
      out.set(`${id}.reveal`, s.question.reveal);
    }
    for (const [k, v] of Object.entries(s.figure ?? {})) out.set(`${id}.figure.${k}`, v);
  }
  // A counted word has one form per plural rule of its language (English one/other, Russian one/few/many/other): compared by its stem.
  for (const [k, v] of Object.entries(text.words ?? {})) out.set(`words.${k.replace(/_(zero|one|two|few|many|other)$/, '')}`, v);
  return out;
}

/** Waits for `route`'s figure to be live. */
const ready = (page: Page, route: string): Promise<unknown> => page.waitForSelector(`body[data-section="${route}"] #figure[data-figure-ready="true"]`, { timeout: 120_000 });

describe('chapter 3 of the course: the texts and the figures agree', () => {
  it('English and Russian have the same sections, figure words and placeholders; the module lists the sections in the text’s order', () => {
    const en = strings(CHAPTER_3_EN);
    const ru = strings(CHAPTER_3_RU);
    assert.deepEqual([...ru.keys()].sort(), [...en.keys()].sort());
    const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of en) {
      assert.ok((ru.get(key) ?? '').trim() !== '', `ru ${key} is empty`);
      assert.deepEqual(placeholders(ru.get(key) ?? ''), placeholders(value), key);
      assert.doesNotMatch(value, SPEC_CODE, `en ${key}`);
      assert.doesNotMatch(ru.get(key) ?? '', SPEC_CODE, `ru ${key}`);
    }
    assert.deepEqual(FIGURES.map((s) => s.id), SECTIONS);
    assert.deepEqual(Object.keys(CHAPTER_3_RU.sections), SECTIONS);
    for (const s of FIGURES) assert.equal(s.question !== undefined, CHAPTER_3_EN.sections[s.id].question !== undefined, `${s.id}: a question in the text exactly when the figure judges one`);
  });
});

describe('chapter 3 of the course (/learn/#backprop/…) in Chromium', { timeout: 2_400_000 }, () => {
  const suite = useSuite();
  let engine: Engine3;

  before(async () => {
    engine = await loadEngine3();
  });

  for (const language of LANGUAGES) {
    it(`${language}: walks every section — draws, labels, switches, pulls, steps, averages, answers — and every number is the engine's`, async () => {
      const ctx = await courseContext(suite.browser, language);
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // A cold load straight into the chapter: the time to its first live figure.
      await page.goto(`${suite.base}learn/#backprop/wishes&lang=${language}`);
      await ready(page, 'backprop/wishes');
      const ms = Number(await page.evaluate(() => document.body.dataset.firstFigureMs));
      writeFileSync(join(RESULTS_DIR, `course3-first-figure-${language}.json`), JSON.stringify({ firstInteractiveFigureMs: ms }));
      for (const [i, id] of SECTIONS.entries()) {
        if (i > 0) {
          await page.locator('.section-nav a[rel="next"]').click();
          await ready(page, `backprop/${id}`);
        }
        assert.match(await pageHref(page), new RegExp(`#backprop/${id}&lang=${language}`));
        assert.equal(await page.locator('.section-title').textContent(), (language === 'en' ? CHAPTER_3_EN : CHAPTER_3_RU).sections[id].title);
        await WALKS3[id]({ page, engine, full: language === 'en' });
        assert.doesNotMatch(await page.evaluate(() => document.body.innerText), SPEC_CODE, `${id}: a specification code in the visible text`);
        await page.waitForFunction(() => document.querySelectorAll('.tex-pending').length === 0, null, { timeout: 30_000 });
        await page.mouse.move(0, 0);
        await page.screenshot({ path: join(RESULTS_DIR, `course3-${language}-desktop-${id}.png`), fullPage: true });
      }
      assert.equal(await page.locator('.contents a.done[data-route^="backprop/"]').count(), SECTIONS.length, 'every section marked done');
      assert.deepEqual(errors, []);
      await ctx.close();
    });
  }
});
