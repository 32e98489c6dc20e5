import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { CHAPTER_2_EN } from '../../src/lab/pages/learn/text/chapter2.en.js';
import { CHAPTER_2_RU } from '../../src/lab/pages/learn/text/chapter2.ru.js';
import { type Chapter2Engine, loadChapter2Engine } from './chapter2-engine.js';
import { WALKS } from './chapter2-walk.js';
import { courseContext, openCourse, sidewaysOverflow, SPEC_CODE } from './course-pages.js';
import { RESULTS_DIR, useSuite, pageHref } from './harness.js';

const SECTIONS = Object.keys(CHAPTER_2_EN.sections);
const LANGUAGES = ['en', 'ru'] as const;
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** A words key without its plural form (`steps_few` → `steps`): the languages have different forms. */
const stem = (key: string): string => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('the course, chapter 2 (learning) in Chromium', { timeout: 1_800_000 }, () => {
  const suite = useSuite();
  let engine: Chapter2Engine;

  before(async () => {
    engine = await loadChapter2Engine();
  });

  it('the English and Russian texts have the same sections, questions, figure words and placeholders', () => {
    assert.deepEqual(Object.keys(CHAPTER_2_RU.sections), SECTIONS);
    for (const id of SECTIONS) {
      const [en, ru] = [CHAPTER_2_EN.sections[id], CHAPTER_2_RU.sections[id]];
      assert.equal(en.paragraphs.length, ru.paragraphs.length, id);
      en.paragraphs.forEach((p, i) => assert.deepEqual(placeholders(ru.paragraphs[i]), placeholders(p), `${id} ¶${i}`));
      assert.equal(Boolean(ru.question), Boolean(en.question), id);
      if (en.question && ru.question) {
        assert.equal(ru.question.choices.length, en.question.choices.length, id);
        assert.deepEqual(placeholders(ru.question.reveal), placeholders(en.question.reveal), `${id}: reveal`);
      }
      assert.deepEqual(Object.keys(ru.figure ?? {}).sort(), Object.keys(en.figure ?? {}).sort(), `${id}: figure words`);
      for (const [key, text] of Object.entries(en.figure ?? {})) assert.deepEqual(placeholders(ru.figure?.[key] ?? ''), placeholders(text), `${id}: ${key}`);
    }
    const words = (w: Readonly<Record<string, string>> | undefined): string[] => [...new Set(Object.keys(w ?? {}).map(stem))].sort();
    assert.deepEqual(words(CHAPTER_2_RU.words), words(CHAPTER_2_EN.words));
    for (const [key, text] of Object.entries(CHAPTER_2_EN.words ?? {})) {
      const ru = Object.entries(CHAPTER_2_RU.words ?? {}).filter(([k]) => stem(k) === stem(key));
      for (const [k, t] of ru) assert.deepEqual(placeholders(t), placeholders(text), `words: ${k}`);
    }
    // Russian plurals: every form Intl names for Russian is there for each counted word.
    for (const key of Object.keys(CHAPTER_2_RU.words ?? {}).filter((k) => k.endsWith('_one'))) for (const form of ['few', 'many', 'other']) assert.ok(CHAPTER_2_RU.words?.[`${stem(key)}_${form}`], `${stem(key)}_${form}`);
  });

  for (const language of LANGUAGES) {
    it(`${language}: walks every section of chapter 2 — browses, draws, labels, drops, steps, trains, answers — and every number is the engine's`, async () => {
      const ctx = await courseContext(suite.browser, language);
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const ready: Record<string, number> = {};
      // Cold: the chapter's first section straight from its address.
      ready.data = await openCourse(page, suite.base, `#learning/data&lang=${language}`);
      const firstFigureMs = Number(await page.evaluate(() => document.body.dataset.firstFigureMs));
      for (const [i, id] of SECTIONS.entries()) {
        if (i > 0) {
          const t0 = Date.now();
          await page.locator('.section-nav a[rel="next"]').click();
          await page.waitForSelector(`body[data-section="learning/${id}"] #figure[data-figure-ready="true"]`, { timeout: 60_000 });
          ready[id] = Date.now() - t0;
        }
        assert.match(await pageHref(page), new RegExp(`#learning/${id}&`));
        const text = (language === 'en' ? CHAPTER_2_EN : CHAPTER_2_RU).sections[id];
        assert.equal(await page.locator('.section-title').textContent(), text.title);
        assert.equal(await page.locator('#figure .figure-body').count(), 1, `${id}: a live figure, not the text alone`);
        await WALKS[id]({ page, engine, reseed: language === 'en' });
        await page.waitForFunction(() => document.querySelectorAll('.tex-pending').length === 0, undefined, { timeout: 30_000 });
        const visible = await page.evaluate(() => document.body.innerText);
        assert.doesNotMatch(visible, SPEC_CODE, `${id}: a specification code in the visible text`);
        assert.doesNotMatch(visible, /\{\w+\}|undefined|NaN/, `${id}: an unfilled placeholder or a missing number`);
        await page.mouse.move(0, 0);
        await page.screenshot({ path: join(RESULTS_DIR, `course-${language}-desktop-learning-${id}.png`), fullPage: true });
        assert.ok((await sidewaysOverflow(page)) <= 0, `${id}: wider than the window`);
      }
      // Every section is marked done in the contents.
      const done = await page.locator('.contents a.done[data-route^="learning/"]').count();
      assert.equal(done, SECTIONS.length);
      assert.deepEqual(errors, []);
      writeFileSync(join(RESULTS_DIR, `course-chapter2-timing-${language}.json`), JSON.stringify({ firstInteractiveFigureMs: firstFigureMs, sectionReadyMs: ready }, null, 2));
      await ctx.close();
    });
  }
});
