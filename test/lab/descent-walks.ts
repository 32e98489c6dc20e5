// Chapter 2's two descent sections as the browser test walks them: a ball dropped on a curve,
// then on a surface with a step size to halve — the course's ball against the engine's descent
// of the same landscape from the same start.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { descend, findMinima } from '../../src/explain/descent.js';
import { CURVE, SURFACE } from '../../src/explain/landscapes.js';
import { answer, attr, numberAttr, result, reveal, revealChanges } from './page-values.js';

/** The walks of the sections 'descent-curve' and 'descent-surface' (they need no network). */
export const DESCENT_WALKS: Readonly<Record<string, (w: { readonly page: Page }) => Promise<void>>> = {
  async 'descent-curve'({ page }) {
    assert.equal(await page.locator('#descent-play').isHidden(), true, 'no rolling before the guess');
    assert.equal(await page.locator('#descent-outcome').isHidden(), true, 'no outcome before the guess');
    const canvas = page.locator('#descent-canvas');
    const box = await canvas.boundingBox();
    assert.ok(box);
    // Drop the ball at about w = 1.5 (the plot spans −10 … 10 between its margins).
    await page.mouse.click(box.x + box.width * 0.58, box.y + box.height * 0.3);
    const start = await numberAttr(page, '.descent-start', 'data-start');
    assert.notEqual(start, 7.5, 'the click moved the ball');
    const minima = findMinima(CURVE);
    const expect = (w: number) => descend(CURVE, [w], 0.3, { maxSteps: 200, minima });
    const path = expect(start);
    const end = path.points[path.points.length - 1].point[0];
    assert.equal(await answer(page, 1), end < start ? 0 : 1);
    assert.equal(await numberAttr(page, '.descent-start', 'data-end'), end);
    // It rolls to the end of the path (at once under reduced motion).
    await page.waitForFunction((steps) => document.querySelector('#descent-readout')?.getAttribute('data-step') === String(steps), path.points.length - 1, { timeout: 30_000 });
    // Dropped on the other side, it ends elsewhere: the result follows.
    const before = await reveal(page);
    // The revealed buttons and outcome moved the canvas: where it is now.
    const now = await canvas.boundingBox();
    assert.ok(now);
    await page.mouse.click(now.x + now.width * 0.3, now.y + now.height * 0.3);
    await revealChanges(page, before);
    const again = await numberAttr(page, '.descent-start', 'data-start');
    const other = expect(again);
    assert.equal(await result(page), other.points[other.points.length - 1].point[0] < again ? 0 : 1);
  },

  async 'descent-surface'({ page }) {
    const minima = findMinima(SURFACE);
    const steps = (eta: number): number | null => {
      const p = descend(SURFACE, [4.2, -4], eta, { maxSteps: 200, minima });
      return p.outcome === 'converged' ? p.points.length - 1 : null;
    };
    const judge = (s: number | null, h: number | null): number => {
      if (s === null && h === null) return -1;
      const [a, b] = [s ?? Infinity, h ?? Infinity];
      return a === b ? 2 : b < a ? 0 : 1;
    };
    assert.equal(await page.locator('.half-step').isHidden(), true);
    assert.equal(await answer(page, 0), judge(steps(0.5), steps(0.25)));
    assert.deepEqual(await attr(page, '.half-step table'), `${steps(0.5)},${steps(0.25)}`);
    // A step size that zig-zags: halving it gets there sooner, and the result says so.
    const before = await reveal(page);
    await page.locator('#descent-lr').fill('0.7');
    await page.locator('#descent-lr').dispatchEvent('change');
    await revealChanges(page, before);
    assert.deepEqual(await attr(page, '.half-step table'), `${steps(0.7)},${steps(0.35)}`);
    assert.equal(await result(page), judge(steps(0.7), steps(0.35)));
    assert.equal(await result(page), 0, 'at η = 0.7 half the step needs fewer steps');
    await page.locator('.half-step button').click();
    await page.waitForFunction(() => document.querySelector('.half-step table')?.getAttribute('data-eta') === '0.35');
  },
};
