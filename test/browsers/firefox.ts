import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { type BrowserTab, CLASSROOM, ErrorLog, mouseStroke, openThroughBlank, type OpenOptions, type PageErrors, type PadPoint, pollUntil } from './driver.js';

/** Debian's Firefox ESR (`apt-get install firefox-esr`), unless DIGITLAB_FIREFOX names another binary. */
export const FIREFOX = process.env.DIGITLAB_FIREFOX ?? '/usr/bin/firefox-esr';

/**
 * Preferences that stop Firefox's own background connections (beyond the many puppeteer
 * already sets: updates, Normandy, Safe Browsing, telemetry upload, blocklist), so that a test
 * run opens no connection but to the local server — the idea of Chromium's
 * `--disable-background-networking` (TOOLCHAIN.md). Also the language, so the pages start in
 * English whatever the machine's locale.
 */
const QUIET_PREFS: Readonly<Record<string, string | number | boolean>> = {
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.trr.mode': 5,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.topsites.contile.enabled': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.ping-centre.telemetry': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.server': '',
  'app.update.auto': false,
  'app.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'media.gmp-gmpopenh264.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'intl.accept_languages': 'en-US, en',
  'intl.locale.requested': 'en-US',
};

/** Firefox ESR through puppeteer-core over WebDriver BiDi: headless, a fresh profile removed on close; classroom.test resolves to the loopback address. */
export async function openFirefox(_options: OpenOptions): Promise<BrowserTab> {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox is not installed at ${FIREFOX}: apt-get install firefox-esr (or set DIGITLAB_FIREFOX to a Firefox binary)`);
  const profile = mkdtempSync(join(tmpdir(), 'digitlab-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: { ...QUIET_PREFS, 'network.dns.localDomains': CLASSROOM },
    defaultViewport: { width: 1280, height: 800 },
    protocolTimeout: 180_000,
    timeout: 120_000,
  });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  // The first tab keeps the window's size (1366×682 here) whatever defaultViewport says.
  await page.setViewport({ width: 1280, height: 800 });
  const errors = new ErrorLog();
  page.on('pageerror', (error) => errors.page.push(error instanceof Error ? (error.stack ?? error.message) : String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.console.push(message.text());
  });
  const tab: BrowserTab = {
    browser: 'firefox',
    version: await browser.version(),
    open: (url) => openThroughBlank(page, errors, url),
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    waitFor: (expression, what, options) => pollUntil(tab, expression, what, options),
    click: async (selector) => {
      await page.waitForSelector(selector, { timeout: 30_000 });
      await page.click(selector);
    },
    stroke: (selector: string, points: readonly PadPoint[], size = 280) => mouseStroke('firefox', page, selector, points, size),
    screenshot: async (file) => {
      await page.screenshot({ path: file });
    },
    takeErrors: async (): Promise<PageErrors> => errors.take(),
    close: async () => {
      try {
        await browser.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
  return tab;
}
