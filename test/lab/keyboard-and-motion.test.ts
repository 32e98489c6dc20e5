import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { openPage, RESULTS_DIR, useSuite } from './harness.js';

const answer = async (page: Page): Promise<string> => (await page.locator('#answer').textContent())?.trim() ?? '';

async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** The RGBA of one pixel of the visible draw pad. */
function padPixel(page: Page, x: number, y: number): Promise<number[]> {
  return page.evaluate(([px, py]) => Array.from((document.querySelector('#pad') as HTMLCanvasElement).getContext('2d')?.getImageData(px, py, 1, 1).data ?? []), [x, y]);
}

describe('drawing with the keyboard, and motion under prefers-reduced-motion', { timeout: 240_000 }, () => {
  const suite = useSuite();

  const open = (path: string, context: BrowserContextOptions = {}): Promise<Page> => openPage(suite.browser, `${suite.base}${path}`, { context, ready: 'body[data-ready]' });

  it('the draw pad: Tab reaches it, arrows move a brush, Space paints, Enter toggles the brush, Backspace undoes, Delete clears', async () => {
    const page = await open('');
    await page.waitForSelector('body[data-model-ready="true"]', { timeout: 60_000 });
    // The keys are described to assistive technology, in the page's language.
    const described = await page.locator('#pad').getAttribute('aria-describedby');
    assert.ok(described);
    assert.match((await page.locator(`#${described}`).textContent()) ?? '', /arrow keys move the brush.*Space.*Backspace.*Delete/);
    // Reached by Tab from the control before it, with a visible focus ring (once the first
    // visit's invitation to the course, which sits between them, is dismissed).
    await page.locator('#course-invite button').click();
    await page.locator('#palette').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'pad');
    assert.ok(await page.evaluate(() => document.querySelector('#pad')?.matches(':focus-visible')));
    assert.notEqual(await page.locator('#pad').evaluate((el) => getComputedStyle(el).outlineStyle), 'none');
    // Moving the brush shows a cursor but draws nothing: the network still sees an empty pad.
    await press(page, 'ArrowUp', 8);
    assert.equal(await answer(page), '–');
    const ring = await padPixel(page, 140 + 10 + 2, 60);
    assert.ok(ring[2] > 200 && ring[0] < 160, `the brush cursor is drawn (${ring})`);
    // Space held while moving down: a 1.
    await page.keyboard.down(' ');
    await press(page, 'ArrowDown', 16);
    await page.keyboard.up(' ');
    assert.equal(await answer(page), '1', 'a vertical stroke drawn with the keyboard is a 1');
    assert.match((await page.locator('#live').textContent()) ?? '', /says 1 /);
    await page.locator('.stage').screenshot({ path: join(RESULTS_DIR, 'lab-keyboard-drawing.png') });
    await press(page, 'Backspace');
    assert.equal(await answer(page), '–', 'Backspace undoes the stroke');
    // Enter puts the brush down and lifts it: a 7 (a bar, then a slanted stem).
    await press(page, 'ArrowUp', 16);
    await press(page, 'ArrowLeft', 7);
    await press(page, 'Enter');
    await press(page, 'ArrowRight', 13);
    for (let i = 0; i < 6; i++) {
      await press(page, 'ArrowDown', 3);
      await press(page, 'ArrowLeft');
    }
    await press(page, 'Enter');
    await page.locator('.stage').screenshot({ path: join(RESULTS_DIR, 'lab-keyboard-drawing-7.png') });
    assert.equal(await answer(page), '7', 'a bar and a slanted stem drawn with Enter are a 7');
    await press(page, 'Delete');
    assert.equal(await answer(page), '–', 'Delete clears');
    // Space pressed alone paints a dot.
    await press(page, ' ');
    assert.match(await answer(page), /^\d$/, 'a dot is an input the network answers');
    await page.context().close();
  });

  it('under prefers-reduced-motion nothing moves: no staggered bulbs, the descent ball does not roll', async () => {
    const reduced = await open('', { reducedMotion: 'reduce' });
    await reduced.waitForSelector('body[data-model-ready="true"]', { timeout: 60_000 });
    const normal = await open('', { reducedMotion: 'no-preference' });
    await normal.waitForSelector('body[data-model-ready="true"]', { timeout: 60_000 });
    // A picked test image changes the input at once: the bulbs then light up layer by layer.
    const afterPick = async (page: Page, motion: boolean): Promise<{ animations: number; delay: string; propagate: boolean }> => {
      // Every CSS transition that starts, counted as it happens (they end within 300 ms).
      await page.evaluate('window.transitions = 0; document.addEventListener("transitionrun", () => window.transitions++)');
      await page.locator('.thumb[data-index="1"]').click();
      // Waited on what the page shows: the new answer and the bulbs' propagate class, then two
      // frames, by which the browser has restyled the bulbs and started any transition.
      await page.waitForFunction(() => document.querySelector('#answer')?.textContent?.trim() === '2' && document.querySelector('.network-view svg')?.classList.contains('propagate'));
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      if (motion) await page.waitForFunction(() => (window as unknown as { transitions: number }).transitions > 0);
      return page.evaluate(() => ({
        animations: (window as unknown as { transitions: number }).transitions,
        delay: getComputedStyle(document.querySelector('.network-view .neuron[data-layer="2"] circle') as Element).transitionDelay,
        propagate: document.querySelector('.network-view svg')?.classList.contains('propagate') ?? false,
      }));
    };
    const withMotion = await afterPick(normal, true);
    assert.ok(withMotion.propagate && withMotion.animations > 0 && withMotion.delay === '0.09s', `without the preference the bulbs light up layer by layer (${JSON.stringify(withMotion)})`);
    const without = await afterPick(reduced, false);
    assert.equal(await answer(reduced), '2', 'test image 1 is a 2');
    assert.deepEqual(without.animations, 0, 'no transition runs under reduced motion');
    // The descent ball: Play shows the whole path at once instead of rolling it.
    for (const [page, rolls] of [[normal, true], [reduced, false]] as const) {
      await page.goto(`${suite.base}explain/`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.locator('#descent-play').click();
      const step = Number(await page.locator('#descent-readout').getAttribute('data-step'));
      const outcome = (await page.locator('#descent-outcome').textContent()) ?? '';
      const total = Number(/After (\d+) steps/.exec(outcome)?.[1]);
      if (rolls) assert.ok(step < total, `with motion the ball rolls (step ${step} of ${total} right after Play)`);
      else assert.equal(step, total, 'under reduced motion Play shows the end at once');
      assert.equal(await page.evaluate(() => document.getAnimations().length), 0, 'the descent page runs no CSS animation');
    }
    await reduced.context().close();
    await normal.context().close();
  });
});
