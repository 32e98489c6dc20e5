import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { CHAPTERS } from '../../src/lab/pages/learn/chapters.js';
import { CHAPTER_1_EN } from '../../src/lab/pages/learn/text/chapter1.en.js';
import { CHAPTER_2_EN } from '../../src/lab/pages/learn/text/chapter2.en.js';
import { CHAPTER_3_EN } from '../../src/lab/pages/learn/text/chapter3.en.js';
import { COURSE_MESSAGES } from '../../src/lab/pages/learn/messages.js';
import { courseContext, openCourse, phoneProblems, watchCanvasText } from './course-pages.js';
import { RESULTS_DIR, useSuite } from './harness.js';
import { ONE, stroke } from './pointer.js';

/** Every section with a question, in course order. */
const QUESTIONS = [CHAPTER_1_EN, CHAPTER_2_EN, CHAPTER_3_EN].flatMap((text, i) =>
  Object.entries(text.sections)
    .filter(([, s]) => s.question !== undefined)
    .map(([id]) => `${CHAPTERS[i].id}/${id}`),
);
const LANGUAGES = ['en', 'ru'] as const;

/** The focused element, described. */
const focused = (page: Page): Promise<string> => page.evaluate(() => {
  const e = document.activeElement as HTMLElement | null;
  return e === null ? 'nothing' : `${e.tagName.toLowerCase()}${e.dataset.choice === undefined ? '' : `[data-choice="${e.dataset.choice}"]`}${e.closest('#question') ? ' in the question' : ''}`;
});

/**
 * Every question of the course as a learner meets it from a shared link on a phone, with no
 * drawing yet (a fresh browser: nothing kept), in both languages: the learner answers with the
 * keyboard (Enter on a focused choice); the focus stays on that choice; a question that needs
 * the learner's digit says so under the guess and waits — the learner draws a 1 (and says it
 * is a 1 where a label is asked) — and every question finishes with a verdict whose numbers
 * are filled in. The finished page is then checked as on a phone (course-phone.test.ts): it
 * fits the screen, its canvas text is at least 11 px, its targets pass axe's target-size rule.
 * Its section is then marked done in the contents. The phone asks for reduced motion: the
 * descent ball jumps to its end instead of rolling. Screenshots go to test-results/.
 */
describe('every question of the course finishes', { timeout: 1_800_000 }, () => {
  const suite = useSuite();

  for (const language of LANGUAGES) {
    it(`${language}: each of the ${QUESTIONS.length} questions, opened from a link with no drawing, answered by keyboard, ends with a verdict`, async () => {
      const problems: string[] = [];
      const waited: string[] = [];
      for (const route of QUESTIONS) {
        const ctx = await courseContext(suite.browser, language, true, true);
        await watchCanvasText(ctx);
        const page = await ctx.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await openCourse(page, suite.base, `#${route}&lang=${language}`);
        assert.equal(await page.locator(`.contents a.done[data-route="${route}"]`).count(), 0, `${route}: not done by opening it`);
        if (route === QUESTIONS[0]) {
          // The first Tab reaches the skip link, which takes the keyboard to the section itself.
          await page.keyboard.press('Tab');
          assert.equal(await page.evaluate(() => document.activeElement?.id), 'skip-link');
          await page.keyboard.press('Enter');
          assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('section-title')), true, 'the skip link moves to the section');
          assert.match(await page.evaluate(() => location.hash), new RegExp(`^#${route}`), 'and leaves the address alone');
        }
        if (route === 'learning/descent-curve') {
          // Every step the readout shows from here on.
          await page.evaluate(() => {
            const readout = document.querySelector('#descent-readout') as HTMLElement;
            const shown: string[] = [];
            (window as unknown as { shownSteps: string[] }).shownSteps = shown;
            new MutationObserver(() => shown.push(readout.dataset.step ?? '')).observe(readout, { attributes: true, attributeFilter: ['data-step'] });
          });
        }
        const choice = page.locator('#question button[data-choice="0"]');
        await choice.focus();
        await page.keyboard.press('Enter');
        await page.waitForSelector('#question[data-answered="true"]');
        assert.equal(await focused(page), `button[data-choice="0"] in the question`, `${route}: the focus stays on the chosen answer`);
        await page.waitForSelector('#question[data-result], #question[data-waiting]', { timeout: 180_000 });
        if ((await page.locator('#question[data-waiting]').count()) > 0) {
          waited.push(route);
          const asks = (await page.locator('.question-waiting').textContent()) ?? '';
          assert.ok([COURSE_MESSAGES[language].needDigit, COURSE_MESSAGES[language].needDigitAndLabel].includes(asks), `${route}: it asks for a digit (${asks})`);
          await stroke(page, ONE, '.learner-pad .draw-pad-canvas');
          if ((await page.locator('.learner-pad .label-picker').count()) > 0) {
            await page.waitForSelector('#question[data-waiting]');
            assert.equal(await page.locator('.question-waiting').textContent(), COURSE_MESSAGES[language].needLabel, `${route}: then for its label`);
            await page.locator('.label-picker button[data-label="1"]').click();
          }
          await page.waitForSelector('#question[data-result]', { timeout: 180_000 });
        } else assert.equal(await focused(page), `button[data-choice="0"] in the question`, `${route}: the focus is still on the chosen answer with the verdict`);
        if (route === 'learning/descent-curve') {
          // Reduced motion (the phone's): the ball does not roll, the whole path shows at once — from the start straight to its end.
          const last = Number(await page.locator('.descent-start').getAttribute('data-steps'));
          await page.waitForFunction((end) => document.querySelector<HTMLElement>('#descent-readout')?.dataset.step === String(end), last);
          const shown = await page.evaluate(() => (window as unknown as { shownSteps: string[] }).shownSteps);
          assert.ok(last > 1, `the path has ${last} steps`);
          assert.deepEqual([...new Set(shown)].filter((step) => step !== '0'), [String(last)], `steps shown: ${shown.join(', ')}`);
        }
        const verdict = (await page.locator('.question-verdict').textContent()) ?? '';
        const reveal = (await page.locator('.question-reveal').textContent()) ?? '';
        assert.ok(verdict.length > 0 && reveal.length > 0, `${route}: a verdict and its explanation`);
        assert.doesNotMatch(`${verdict} ${reveal}`, /\{\w+\}|undefined|NaN|null|…/, `${route}: every number filled in: ${reveal}`);
        assert.equal(await page.locator(`.contents a.done[data-route="${route}"]`).count(), 1, `${route}: done once answered`);
        await page.waitForFunction(() => document.querySelectorAll('.tex-pending').length === 0, undefined, { timeout: 30_000 });
        const found = await phoneProblems(page);
        for (const [kind, list] of Object.entries(found)) for (const item of list as string[]) problems.push(`${route} (${language}, answered) ${kind}: ${item}`);
        await page.screenshot({ path: join(RESULTS_DIR, `course-${language}-phone-answered-${route.replace('/', '-')}.png`), fullPage: true });
        assert.deepEqual(errors, [], route);
        await ctx.close();
      }
      assert.deepEqual(waited, ['learning/random', 'learning/nudges', 'backprop/wishes'], 'the questions that need the learner’s digit asked for it');
      writeFileSync(join(RESULTS_DIR, `course-questions-problems-${language}.txt`), problems.join('\n'));
      assert.deepEqual(problems, [], problems.join('\n'));
    });
  }
});
