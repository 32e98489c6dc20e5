import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type PlainHost, startPlainHost } from '../../scripts/plain-host.js';
import { buildSiteOnce, launchChromium } from '../lab/harness.js';
import { ONE, stroke } from '../lab/pointer.js';

/**
 * What the site's suites share: the site built once (test/lab/harness.ts), served by a plain
 * static host with no special headers (scripts/plain-host.ts) at a sub-path, as a teacher's
 * web space would, and Chromium with service workers allowed.
 */

/** Where the site appears on the plain host: not the root, so that no absolute URL can work by luck. */
export const MOUNT = '/a/b/digitlab/';

/** A suite's host and browser. */
export interface SiteSuite {
  readonly host: PlainHost;
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * Builds the site (once), serves it at MOUNT with no special headers and starts Chromium
 * (service workers allowed unless `serviceWorkers` is false; `args` are extra flags).
 */
export async function startSiteSuite(options: { readonly args?: readonly string[]; readonly serviceWorkers?: boolean; readonly gzipEncoding?: boolean } = {}): Promise<SiteSuite> {
  const host = await startPlainHost({ root: buildSiteOnce(), mount: MOUNT, gzipEncoding: options.gzipEncoding });
  const { browser, close } = await launchChromium({ serviceWorkers: options.serviceWorkers ?? true, args: options.args });
  return {
    host,
    browser,
    close: async () => {
      await close();
      await host.close();
    },
  };
}

/**
 * Called inside a `describe`: registers the hooks that start the site's suite before its tests
 * (startSiteSuite with `options`) and stop it after them. The returned object is filled in by
 * that `before`, so its fields are read inside hooks and tests only.
 */
export function useSiteSuite(options: Parameters<typeof startSiteSuite>[0] = {}): Pick<SiteSuite, 'host' | 'browser'> {
  const suite = {} as { host: PlainHost; browser: Browser };
  let close: (() => Promise<void>) | undefined;
  before(async () => {
    const started = await startSiteSuite(options);
    ({ host: suite.host, browser: suite.browser } = started);
    close = () => started.close();
  });
  after(async () => {
    await close?.();
  });
  return suite;
}

/** A fresh desktop-sized context (its own storage, cache and service workers). */
export function freshContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
}

/** A page that collects its errors (uncaught exceptions) into `errors`. */
export async function watchedPage(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

/** A page in a fresh context (freshContext) that collects its errors into `errors` (watchedPage). */
export async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await freshContext(browser);
  const errors: string[] = [];
  return { context, page: await watchedPage(context, errors), errors };
}

/** Opens the Lab at `url` and waits until it is ready and has its model and test images. */
export async function openLab(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"][data-model-ready="true"]', { timeout: 60_000 });
}

/** The Lab answers a drawn 1 with 1 (the pretrained model in this page). */
export async function labAnswersOne(page: Page): Promise<void> {
  await page.locator('#clear').click();
  await stroke(page, ONE);
  await page.waitForFunction(() => document.getElementById('answer')?.textContent?.trim() === '1', undefined, { timeout: 10_000 });
}

/** Starts training in the Lab and waits until it has reported `batches` mini-batches; returns the threads it trained on. */
export async function labTrains(page: Page, batches = 50): Promise<number> {
  await page.locator('[data-command="toggle"]').click();
  await page.waitForFunction((n) => Number(document.body.dataset.batches) >= n, batches, { timeout: 120_000 });
  await page.locator('[data-command="toggle"]').click();
  await page.waitForSelector('body[data-running="false"]');
  const threads = Number(await page.locator('body').getAttribute('data-threads'));
  assert.ok(threads === 1 || threads === 2, `threads: ${threads}`);
  return threads;
}

/** What the page knows of its isolation and offline copy (<html>'s data attributes). */
export function siteState(page: Page): Promise<{ isolated?: string; offline?: string; controlled?: string }> {
  return page.evaluate(() => {
    const { isolated, offline, controlled } = document.documentElement.dataset;
    return { isolated, offline, controlled };
  });
}

/**
 * Opens a course section and waits for its figure; the sections named here build their
 * figures from the MNIST files (one per chapter), so they fail where the data cannot be found.
 */
export const DATA_SECTIONS = ['network/detector', 'learning/data', 'backprop/average'] as const;

/** Opens course section `route` (e.g. "learning/data") under `base` and waits until its figure is built. */
export async function openSection(page: Page, base: string, route: string): Promise<void> {
  await page.goto(`${base}learn/#${route}`);
  await page.waitForSelector(`body[data-section="${route}"] #figure[data-figure-ready="true"]`, { timeout: 120_000 });
}
