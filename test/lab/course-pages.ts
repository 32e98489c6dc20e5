import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * What the course's browser suites share: a fresh context at desktop or phone size in a
 * language, opening a course address until its figure is ready, the sideways-scrolling
 * measure and the pattern of a specification code (which no user may read).
 */

/** A specification code, which no user may read. */
export const SPEC_CODE = /\b[SB][0-9]{1,2}\b/;

/** A fresh browser context (its own localStorage) at desktop (1280×800) or phone (390×844) size; the phone asks for less motion. */
export function courseContext(browser: Browser, language: 'en' | 'ru', phone = false): Promise<BrowserContext> {
  return browser.newContext({
    reducedMotion: phone ? 'reduce' : 'no-preference',
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
    isMobile: phone,
    hasTouch: phone,
    deviceScaleFactor: 1,
    locale: language === 'ru' ? 'ru-RU' : 'en-US',
  });
}

/** Opens `hash` of the course and waits for the page and, for a section, its figure; returns the milliseconds it took. */
export async function openCourse(page: Page, base: string, hash: string): Promise<number> {
  const t0 = Date.now();
  await page.goto(`${base}learn/${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  if (/#[a-z]+\/[a-z-]+/.test(hash)) await page.waitForSelector('#figure[data-figure-ready="true"]', { timeout: 60_000 });
  return Date.now() - t0;
}

/** How many pixels the page is wider than its window (≤ 0: no sideways scrolling). */
export const sidewaysOverflow = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
