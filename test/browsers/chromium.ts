import type { Page } from 'playwright-core';
import { launchChromium } from '../lab/harness.js';
import { type BrowserTab, CLASSROOM, ErrorLog, type OpenOptions, type PageErrors, type PadPoint, densify, pollUntil, scrollAndMeasure, type Box } from './driver.js';

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
    open: async (url) => {
      await errors.whileLeaving(() => page.goto('about:blank', { waitUntil: 'load', timeout: 120_000 }));
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    },
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    waitFor: (expression, what, options) => pollUntil(tab, expression, what, options),
    click: (selector) => page.click(selector, { timeout: 30_000 }),
    stroke: async (selector: string, points: readonly PadPoint[], size = 280) => {
      const box = await page.evaluate<Box | null>(scrollAndMeasure(selector));
      if (box === null) throw new Error(`chromium: no ${selector} to draw on`);
      const at = ([x, y]: PadPoint): [number, number] => [box.x + (x / size) * box.width, box.y + (y / size) * box.height];
      const path = densify(points);
      await page.mouse.move(...at(path[0]));
      await page.mouse.down();
      for (const p of path.slice(1)) await page.mouse.move(...at(p));
      await page.mouse.up();
    },
    screenshot: async (file) => {
      await page.screenshot({ path: file });
    },
    takeErrors: async (): Promise<PageErrors> => errors.take(),
    close,
  };
  return tab;
}
