import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { encodeStrokes } from '../../src/lab/shared/stroke-codec.js';
import { answerOf, type Engine, loadEngine, testImage } from './course-engine.js';
import { courseContext, openCourse } from './course-pages.js';
import { digitStrokes } from './digit-strokes.js';
import { oldDigitCode } from './old-digit-code.js';
import { openPage, pageHref, useSuite } from './harness.js';
import { ONE, stroke } from './pointer.js';

/** What a page shows for its input: the ten outputs (their `data-value`) and the answer. */
interface Shown {
  readonly outputs: number[];
  readonly answer: string;
}

const numbersOf = (text: string | null): number[] => (text ?? '').split(',').filter((v) => v !== '').map(Number);

/** The Lab at `hash`, once the model has answered the input the address carries. */
async function lab(browser: Browser, base: string, hash: string): Promise<{ page: Page; shown: Shown; input: number[] }> {
  const page = await openPage(browser, `${base}${hash}`);
  await page.waitForSelector('#outputs[data-value]:not([data-value=""])');
  const outputs = numbersOf(await page.locator('#outputs').getAttribute('data-value'));
  const answer = (await page.locator('#answer').textContent())?.trim() ?? '';
  // What the network sees, from its picture (grey: R = G = B).
  const input = await page.evaluate(() => {
    const canvas = document.querySelector('#seen') as HTMLCanvasElement;
    return Array.from(canvas.getContext('2d')?.getImageData(0, 0, 28, 28).data ?? []).filter((_, i) => i % 4 === 0);
  });
  return { page, shown: { outputs, answer }, input };
}

/** The course's "Ten outputs" section at `hash` (a route and settings), once it has answered. */
async function course(browser: Browser, base: string, hash: string): Promise<{ page: Page; shown: Shown; input: number[] }> {
  const page = await (await courseContext(browser, 'en')).newPage();
  await openCourse(page, base, hash);
  await page.waitForSelector('.answer-cell [data-value]:not([data-value=""])');
  return { page, ...(await courseShown(page)) };
}

async function courseShown(page: Page): Promise<{ shown: Shown; input: number[] }> {
  const outputs = numbersOf(await page.locator('.answer-cell [data-value]').getAttribute('data-value'));
  const answer = (await page.locator('#answer').textContent())?.trim() ?? '';
  const input = await page.evaluate(() => (window as unknown as { digitlabCourse: { input(): number[] | null } }).digitlabCourse.input());
  assert.ok(input, 'the course has an input');
  return { shown: { outputs, answer }, input };
}

describe('one drawing, one answer: the Lab and the course show the same outputs for the same drawing', { timeout: 300_000 }, () => {
  const suite = useSuite();
  let engine: Engine;

  before(async () => {
    engine = await loadEngine();
  });

  it('a drawing’s link (draw=) gives the same input, outputs and answer on both pages — the engine’s forward pass on that input', async () => {
    for (const [digit, slant] of [[3, 0], [7, 0.3], [8, -0.2], [4, 0.1]] as const) {
      const code = encodeStrokes(digitStrokes(digit, slant));
      const inLab = await lab(suite.browser, suite.base, `#draw=${code}`);
      const inCourse = await course(suite.browser, suite.base, `#network/outputs&draw=${code}`);
      assert.deepEqual(inCourse.input, inLab.input, `digit ${digit}: the same 784 input bytes`);
      assert.deepEqual(inCourse.shown, inLab.shown, `digit ${digit}: the same outputs and answer`);
      const engineAnswer = answerOf(engine.net, inLab.input);
      assert.deepEqual(inLab.shown, { outputs: engineAnswer.outputs, answer: String(engineAnswer.answer) }, `digit ${digit}: the engine's answer`);
      await inLab.page.context().close();
      await inCourse.page.context().close();
    }
  });

  it('a digit drawn in the course goes into its address in the Lab’s code, and the Lab answers that link alike', async () => {
    const page = await (await courseContext(suite.browser, 'en')).newPage();
    await openCourse(page, suite.base, '#network/outputs');
    await stroke(page, ONE, '.learner-pad .draw-pad-canvas');
    await page.waitForFunction(() => /[#&]draw=[A-Za-z0-9_-]+/.test(location.hash));
    await page.waitForSelector('.answer-cell [data-value]:not([data-value=""])');
    const drawn = await courseShown(page);
    const code = new URL(await pageHref(page)).hash.match(/draw=([A-Za-z0-9_-]+)/)?.[1] ?? '';
    assert.doesNotMatch(new URL(await pageHref(page)).hash, /digit=/);
    const inLab = await lab(suite.browser, suite.base, `#draw=${code}`);
    assert.deepEqual(inLab.input, drawn.input, 'the link gives the Lab the input the course drew');
    assert.deepEqual(inLab.shown, drawn.shown);
    // The course reopened from its own link: the same again.
    const again = await course(suite.browser, suite.base, `#network/outputs&draw=${code}`);
    assert.deepEqual(again.shown, drawn.shown);
    for (const p of [page, inLab.page, again.page]) await p.context().close();
  });

  it('an older course link (digit=, pixels at 16 levels) still opens with its digit, answered by the same pass', async () => {
    const image = testImage(engine, 0);
    const levels = Array.from(image, (v) => 17 * Math.round(v / 17));
    const old = await course(suite.browser, suite.base, `#network/outputs&digit=${oldDigitCode(image)}&label=${engine.test.labels[0]}`);
    assert.deepEqual(old.input, levels, 'the digit the link carries');
    const expected = answerOf(engine.net, levels);
    assert.deepEqual(old.shown, { outputs: expected.outputs, answer: String(expected.answer) });
    assert.match(new URL(await pageHref(old.page)).hash, /digit=/, 'the link keeps its digit until a new drawing');
    await old.page.context().close();
  });
});
