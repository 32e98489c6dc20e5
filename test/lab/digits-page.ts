// The Your handwriting page as its tests drive it: opening it, its test hook, fine-tuning, and the
// checks every view of it gets (whole words, axe).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { datasetFromImages } from '../../src/data/image-set.js';
import { sidewaysOverflow } from './course-pages.js';

export type PageDigit = { id: number; label: number; input: number[] };
export type Hook = { digitlabDigits: { addDrawing(s: number[][][], l: number): Promise<void>; digits(): PageDigit[]; fineTunedModel(): string | null } };

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
const require = createRequire(import.meta.url);

export const pageDigits = (page: Page): Promise<PageDigit[]> => page.evaluate(() => (window as unknown as Hook).digitlabDigits.digits());
export const asDataset = (digits: readonly PageDigit[]) => datasetFromImages(digits.map((d) => ({ pixels: Uint8Array.from(d.input), label: d.label })));
export const countShown = async (page: Page): Promise<number> => Number(await page.locator('body').getAttribute('data-digits'));
export const attr = async (page: Page, selector: string, name: string): Promise<number> => Number(await page.locator(selector).getAttribute(name));

/** Opens the page in `context` and waits until it has read IndexedDB and the pretrained network. */
export async function open(context: BrowserContext, base: string, language: 'en' | 'ru', errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}digits/#lang=${language}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  return page;
}

/** Presses Fine-tune and waits for the kept run's before/after; returns the seconds the Worker reports. */
export async function fineTune(page: Page, previous: string | null): Promise<number> {
  await page.locator('#fine-tune').click();
  await page.waitForFunction((old) => {
    const text = (window as unknown as Hook).digitlabDigits.fineTunedModel();
    return text !== null && text !== old && document.querySelector('.fine-tune-time') !== null;
  }, previous, { timeout: 180_000 });
  return attr(page, '.fine-tune-time', 'data-seconds');
}

/** Everything a person reads or hears on the page: shown text, labels, titles, alt texts. */
export const readable = (page: Page): Promise<string> =>
  page.evaluate(() => [document.title, document.body.innerText, ...[...document.querySelectorAll('[aria-label], [title], [alt]')].flatMap((e) => ['aria-label', 'title', 'alt'].map((a) => e.getAttribute(a) ?? ''))].join('\n'));

/** No specification code, no unfilled placeholder, no missing number in what the page shows. */
export async function wordsAreWhole(page: Page): Promise<void> {
  const text = await readable(page);
  assert.doesNotMatch(text, /\b[SB][0-9]{1,2}\b/, 'a specification code');
  assert.doesNotMatch(text, /\{\w+\}|undefined|NaN/, 'an unfilled placeholder or a missing number');
}


/** What axe-core finds wrong on the page (its script injected: the context bypasses the page's CSP for it). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core') });
  const result = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run());
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * The checks that end a walk of the page: a screenshot for people to look at (`shot`), no
 * sideways scrolling, no accessibility violation, whole words, no page error; then its context closes.
 */
export async function endWalk(page: Page, context: BrowserContext, errors: readonly string[], shot: string): Promise<void> {
  await page.screenshot({ path: shot, fullPage: true });
  assert.ok((await sidewaysOverflow(page)) <= 0);
  assert.deepEqual(await axeViolations(page), []);
  await wordsAreWhole(page);
  assert.deepEqual(errors, []);
  await context.close();
}
