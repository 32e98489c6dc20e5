import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { loadMnist } from '../../src/data/idx-dir.js';
import { fastBackendFactory } from '../../src/fast/node.js';
import { RACE_DEFAULTS, type RaceResult, runRace } from '../../src/lab/pages/learn/chapter1/race.js';
import { CHAPTER_1_EN } from '../../src/lab/pages/learn/text/chapter1.en.js';
import { CHAPTER_1_RU } from '../../src/lab/pages/learn/text/chapter1.ru.js';
import type { ChapterText } from '../../src/lab/pages/learn/text/course-text.js';
import { SOURCE_MAP_EN } from '../../src/lab/pages/learn/text/source-map.js';
import { type Engine, loadEngine } from './course-engine.js';
import { courseContext, openCourse, SPEC_CODE } from './course-pages.js';
import { type Walk, WALKS } from './course-walk.js';
import { BUILD_DIR, RESULTS_DIR, useSuite, pageHref } from './harness.js';
import { ONE, stroke } from './pointer.js';

/**
 * The chapters the test walks, in order: each one's id, its words and what to do in each of
 * its sections (course-walk.ts for chapter 1; a chapter's own walk file adds its entry here,
 * so every chapter shares this suite's one build and one browser).
 */
const WALKED: readonly { readonly id: string; readonly text: Readonly<Record<'en' | 'ru', ChapterText>>; readonly walks: Readonly<Record<string, Walk>> }[] = [
  { id: 'network', text: { en: CHAPTER_1_EN, ru: CHAPTER_1_RU }, walks: WALKS },
];
const SECTIONS = Object.keys(CHAPTER_1_EN.sections);
const LANGUAGES = ['en', 'ru'] as const;

/** From a cold load to the first interactive figure: the time and the JavaScript it took (gzipped, from the build), into test-results/. */
async function recordFirstFigure(page: Page, language: string): Promise<void> {
  const timing = Number(await page.evaluate(() => document.body.dataset.firstFigureMs));
  const scripts = await page.evaluate(() => {
    const ready = performance.getEntriesByName('course-first-figure')[0]?.startTime ?? Infinity;
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.endsWith('.js') && e.responseEnd <= ready).map((e) => e.name);
  });
  const gzipped = scripts.reduce((sum, url) => sum + gzipSync(readFileSync(join(BUILD_DIR, new URL(url).pathname))).length, 0);
  writeFileSync(join(RESULTS_DIR, `course-first-figure-${language}.json`), JSON.stringify({ firstInteractiveFigureMs: timing, javaScriptGzippedBytes: gzipped, scripts: scripts.map((u) => new URL(u).pathname) }, null, 1));
  assert.ok(!scripts.some((u) => /katex|curve-chart/.test(u)), 'KaTeX and the chart library wait until the first figure is live');
}

/** The page's visible text. */
const visibleText = (page: Page): Promise<string> => page.evaluate(() => document.body.innerText);

describe('the course (/learn/) in Chromium', { timeout: 900_000 }, () => {
  const suite = useSuite();
  let engine: Engine;
  const races = new Map<number, RaceResult>();
  let race: (seed: number) => RaceResult;

  before(async () => {
    engine = await loadEngine();
    const data = await loadMnist();
    const backend = await fastBackendFactory();
    race = (seed) => {
      if (!races.has(seed)) races.set(seed, runRace(data, { ...RACE_DEFAULTS, seed }, undefined, backend));
      return races.get(seed) as RaceResult;
    };
  });

  for (const chapter of WALKED) {
    for (const language of LANGUAGES) {
      it(`${chapter.id}, ${language}: walks every section — draws, drags, paints, answers — and every number is the engine's`, async () => {
        const ctx = await courseContext(suite.browser, language);
        const page = await ctx.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        const sections = Object.keys(chapter.text.en.sections);
        await openCourse(page, suite.base, `#${chapter.id}/${sections[0]}&lang=${language}`);
        if (chapter === WALKED[0]) await recordFirstFigure(page, language);
        for (const [i, id] of sections.entries()) {
          if (i > 0) {
            // Next, by the keyboard: → when nothing that takes keys has focus.
            await page.locator('.section-title').focus();
            await page.keyboard.press('ArrowRight');
            await page.waitForSelector(`body[data-section="${chapter.id}/${id}"] #figure[data-figure-ready="true"]`, { timeout: 60_000 });
          }
          assert.match(await pageHref(page), new RegExp(`#${chapter.id}/${id}&lang=${language}`));
          assert.equal(await page.locator('.section-title').textContent(), chapter.text[language].sections[id].title);
          await chapter.walks[id]({ page, engine, race, language });
          assert.doesNotMatch(await visibleText(page), SPEC_CODE, `${id}: a specification code in the visible text`);
          assert.equal(await page.locator('.tex-pending').count(), 0, `${id}: every formula typeset`);
          await page.mouse.move(0, 0);
          await page.screenshot({ path: join(RESULTS_DIR, `course-${language}-desktop-${id}.png`), fullPage: true });
        }
        // Every section is marked done in the contents.
        assert.equal(await page.locator(`.contents a.done[data-route^="${chapter.id}/"]`).count(), sections.length);
        assert.deepEqual(errors, []);
        await ctx.close();
      });
    }
  }

  it('a shared link carries the learner’s digit and label; reload keeps the section; the start offers to continue', async () => {
    const first = await courseContext(suite.browser, 'en');
    const page = await first.newPage();
    await openCourse(page, suite.base, '#network/outputs');
    await stroke(page, ONE, '.learner-pad .draw-pad-canvas');
    await page.waitForFunction(() => /draw=/.test(location.hash));
    const drawn = await page.evaluate(() => (window as unknown as { digitlabCourse: { input(): number[] } }).digitlabCourse.input());
    const link = await pageHref(page);
    await page.reload();
    await page.waitForSelector('#figure[data-figure-ready="true"]');
    assert.equal(await page.locator('.section-title').textContent(), CHAPTER_1_EN.sections.outputs.title);
    assert.equal((await page.locator('#answer').textContent())?.trim(), '1');
    // Another browser, the same link: the same 784 pixels.
    const second = await courseContext(suite.browser, 'ru');
    const other = await second.newPage();
    await other.goto(link);
    await other.waitForSelector('#figure[data-figure-ready="true"]');
    assert.deepEqual(await other.evaluate(() => (window as unknown as { digitlabCourse: { input(): number[] } }).digitlabCourse.input()), drawn);
    assert.equal(await other.evaluate(() => document.documentElement.lang), 'ru', 'no lang in the link: the browser’s');
    // The start page of the first browser offers to continue where it stopped.
    await page.goto(`${suite.base}learn/`);
    await page.waitForSelector('#continue-offer');
    assert.match((await page.locator('#continue-offer').textContent()) ?? '', new RegExp(CHAPTER_1_EN.sections.outputs.title));
    await page.screenshot({ path: join(RESULTS_DIR, 'course-en-desktop-start.png'), fullPage: true });
    await page.locator('#continue-offer a.primary').click();
    await page.waitForSelector('body[data-section="network/outputs"] #figure[data-figure-ready="true"]');
    // A first-time visitor gets no offer, but a start button.
    const fresh = await (await courseContext(suite.browser, 'en')).newPage();
    await openCourse(fresh, suite.base, '');
    assert.equal(await fresh.locator('#continue-offer').count(), 0);
    assert.equal(await fresh.locator('a.start').count(), 1);
    // The language switch re-draws the section in Russian and writes it into the address.
    await page.selectOption('#language', 'ru');
    await page.waitForFunction(() => document.documentElement.lang === 'ru' && /lang=ru/.test(location.hash));
    assert.equal(await page.locator('.section-title').textContent(), CHAPTER_1_RU.sections.outputs.title);
    await Promise.all([first.close(), second.close(), fresh.context().close()]);
  });

  it('the map of the source lists every idea in order, each linked to a section of the course and a tool', async () => {
    for (const language of LANGUAGES) {
      const ctx = await courseContext(suite.browser, language);
      const page = await ctx.newPage();
      await openCourse(page, suite.base, `#map&lang=${language}`);
      const sections = await page.locator('.ideas li').evaluateAll((items) => items.map((li) => li.getAttribute('data-section')));
      assert.deepEqual(sections, SOURCE_MAP_EN.map((i) => i.section));
      const tools = await page.locator('.idea-tool').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
      assert.ok(tools.every((href) => /^\.\.\/(experiments\.html|explain\/)?(#lang=(en|ru))?$/.test(href)), tools.join(' '));
      assert.doesNotMatch(await visibleText(page), SPEC_CODE);
      await page.screenshot({ path: join(RESULTS_DIR, `course-${language}-desktop-map.png`), fullPage: true });
      // Its links lead to real sections.
      await page.locator('.ideas li a[data-route="network/matrix"]').click();
      await page.waitForSelector('body[data-section="network/matrix"] #figure[data-figure-ready="true"]');
      await ctx.close();
    }
  });

  it('every course page in both languages has no specification code in its visible text', async () => {
    for (const language of LANGUAGES) {
      const ctx = await courseContext(suite.browser, language);
      const page = await ctx.newPage();
      await openCourse(page, suite.base, `#lang=${language}`);
      const routes = await page.locator('.contents a[data-route*="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('data-route') ?? ''));
      assert.ok(routes.length >= SECTIONS.length);
      for (const route of ['', 'map', ...routes]) {
        await openCourse(page, suite.base, `#${route}${route ? '&' : ''}lang=${language}`);
        assert.doesNotMatch(await visibleText(page), SPEC_CODE, `${route || 'start'} (${language})`);
      }
      await ctx.close();
    }
  });

  it('the Lab invites a first-time visitor to the course (once, dismissible); every page links to it', async () => {
    const ctx = await courseContext(suite.browser, 'ru');
    const page = await ctx.newPage();
    await page.goto(`${suite.base}#lang=ru`);
    await page.waitForSelector('#course-invite');
    assert.equal(await page.locator('#course-invite a').getAttribute('href'), './learn/#lang=ru');
    await page.screenshot({ path: join(RESULTS_DIR, 'course-lab-invite-ru.png'), clip: { x: 0, y: 0, width: 1280, height: 400 } });
    // Switching the page's language says the invitation again, in the new language, with its link.
    const russian = (await page.locator('#course-invite').innerText()).trim();
    await page.selectOption('#language', 'en');
    await page.waitForFunction(() => /New here\?/.test(document.querySelector('#course-invite')?.textContent ?? ''));
    assert.equal(await page.locator('#course-invite a').getAttribute('href'), './learn/#lang=en');
    assert.equal((await page.locator('#course-invite button').textContent())?.trim(), 'Not now');
    await page.selectOption('#language', 'ru');
    assert.equal((await page.locator('#course-invite').innerText()).trim(), russian);
    await page.locator('#course-invite button').click();
    assert.equal(await page.locator('#course-invite').count(), 0);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.locator('#course-invite').count(), 0, 'shown on the first visit only');
    for (const [path, href] of [['', './learn/#lang=ru'], ['experiments.html', './learn/#lang=ru'], ['explain/', '../learn/#lang=ru']] as const) {
      await page.goto(`${suite.base}${path}#lang=ru`);
      await page.waitForSelector('body[data-ready="true"]');
      assert.equal(await page.locator('#course-link').getAttribute('href'), href, path || 'the Lab');
      assert.equal((await page.locator('#course-link').textContent())?.trim(), 'Курс');
    }
    await page.goto(`${suite.base}examples/embed.html`);
    assert.equal(await page.locator('a[href="../learn/"]').count(), 1);
    await ctx.close();
  });
});
