import type { Page } from 'playwright-core';
import { launchChromium } from '../lab/harness.js';
import { type BrowserTab, CLASSROOM, ErrorLog, mouseStroke, openThroughBlank, type OpenOptions, type PageErrors, type PadPoint, pollUntil } from './driver.js';

/**
 * Chromium through playwright-core, started as the Lab's own tests start it (test/lab/harness.ts:
 * Debian's /usr/bin/chromium, else the one in @sparticuz/chromium; headless, a fresh temporary
 * profile, no background network), with service workers allowed: the site's worker is tested;
 * classroom.test resolves to 127.0.0.1.
 */
export async function openChromium(_options: OpenOptions): Promise<BrowserTab> {
  const { browser, close } = await launchChromium({ serviceWorkers: true, args: [`--host-resolver-rules=MAP ${CLASSROOM} 127.0.0.1`] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page: Page = await context.newPage();
  const errors = new ErrorLog();
  page.on('pageerror', (error) => errors.page.push(error.stack ?? error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.console.push(message.text());
  });
  const tab: BrowserTab = {
    browser: 'chromium',
    version: browser.version(),
    open: (url) => openThroughBlank(page, errors, url),
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    waitFor: (expression, what, options) => pollUntil(tab, expression, what, options),
    click: (selector) => page.click(selector, { timeout: 30_000 }),
    stroke: (selector: string, points: readonly PadPoint[], size = 280) => mouseStroke('chromium', page, selector, points, size),
    screenshot: async (file) => {
      await page.screenshot({ path: file });
    },
    takeErrors: async (): Promise<PageErrors> => errors.take(),
    close,
  };
  return tab;
}
