// What a course page shows, read the way its tests read it: a figure's data attributes, the
// question's judged result and its reveal; and a tolerance check for the numbers.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** The attribute `name` of the first element matching `selector` ('' when missing). */
export const attr = async (page: Page, selector: string, name = 'data-value'): Promise<string> => (await page.locator(selector).first().getAttribute(name)) ?? '';
/** That attribute as a number. */
export const numberAttr = async (page: Page, selector: string, name = 'data-value'): Promise<number> => Number(await attr(page, selector, name));
/** That attribute as a comma-separated list of numbers. */
export const numbers = async (page: Page, selector: string, name = 'data-value'): Promise<number[]> => (await attr(page, selector, name)).split(',').map(Number);
/** Asserts `actual` is within `tolerance` of `expected`, naming `what` when not. */
export const close = (actual: number, expected: number, tolerance: number, what: string): void => assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} vs ${expected}`);

/** The question's judged choice (its data-result). */
export const result = async (page: Page): Promise<number> => Number(await page.locator('#question').getAttribute('data-result'));

/** The text the question reveals once answered. */
export const reveal = async (page: Page): Promise<string> => (await page.locator('.question-reveal').textContent()) ?? '';

/** Answers the section's question with `choice`, waits for the judged result and returns it. */
export async function answer(page: Page, choice: number, timeout = 120_000): Promise<number> {
  await page.locator(`#question button[data-choice="${choice}"]`).click();
  await page.waitForSelector('#question[data-result]', { timeout });
  return result(page);
}

/** Waits until the question is judged and its reveal's text is no longer `before`. */
export async function revealChanges(page: Page, before: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction((text) => (document.querySelector('.question-reveal')?.textContent ?? '') !== text && document.querySelector('#question[data-result]') !== null, before, { timeout });
}
