import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { FASHION_MNIST_DIRECTORY } from '../../src/data/idx-dir.js';
import { createLabServer } from '../../src/server/static-server.js';
import { bundledChromium } from './bundled-chromium.js';

/** The repository root. */
export const ROOT = new URL('../../', import.meta.url).pathname;
/** Where the tests' build of the site goes (not the user's site/). */
export const BUILD_DIR = join(ROOT, '.tmp', 'site-test-build');
/** Screenshots for people to look at (git-ignored). */
export const RESULTS_DIR = join(ROOT, 'test-results');

/**
 * A page's address as the page has it now: Playwright's `page.url()` learns of a
 * `history.replaceState` only from a later event, so right after an action it can be stale.
 */
export function pageHref(page: Page): Promise<string> {
  return page.evaluate(() => location.href);
}

/**
 * Scrolls the element of `selector` into view at once. Playwright's `scrollIntoViewIfNeeded`
 * first waits for the element's box to stay still over two animation frames; once on the
 * Experiments page in CI that wait ran out after 30 s (never reproduced here, cause unknown),
 * and a test that only needs a panel in view, so that its run starts, need not depend on it.
 */
export async function scrollTo(page: Page, selector: string): Promise<void> {
  const found = await page.evaluate((s) => {
    const el = document.querySelector(s);
    el?.scrollIntoView({ block: 'start' });
    return el !== null;
  }, selector);
  if (!found) throw new Error(`no element ${selector} to scroll to`);
}

/** The two screens the layout and screenshot tests look at: a desktop and a phone. */
export const SCREENS = [
  { name: 'desktop', viewport: { width: 1440, height: 1000 }, mobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, mobile: true },
] as const;

/** A screen a test opens pages on: its size, and whether it is a phone's (a mobile viewport with touch). */
export interface Screen {
  readonly viewport: { readonly width: number; readonly height: number };
  readonly mobile: boolean;
}

/** A language of the site's pages. */
export type Language = 'en' | 'ru';

/**
 * A fresh browser context (its own storage) on `screen` (by default SCREENS' desktop) with the
 * browser's locale for `language`; `options` add to these or override them. A desktop gets
 * Playwright's defaults (no touch, scale 1), so only a phone's fields differ from a bare context.
 */
export function screenContext(browser: Browser, screen: Screen = SCREENS[0], language: Language = 'en', options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: screen.viewport,
    isMobile: screen.mobile,
    hasTouch: screen.mobile,
    deviceScaleFactor: 1,
    locale: language === 'ru' ? 'ru-RU' : 'en-US',
    ...options,
  });
}

/** What the site is built from: a change to any of these makes the tests build it again. */
const SITE_INPUTS = ['src', 'examples', 'models/pretrained.json', 'build/kernels.wasm', 'build/kernels-shared.wasm', 'vite.config.ts', 'scripts/build-site.ts', 'scripts/site-html.ts', 'package-lock.json'];

/** A hash of every file the site is built from (and whether Fashion-MNIST is there to ship). */
function siteInputsHash(): string {
  const hash = createHash('sha256');
  const add = (path: string): void => {
    const full = join(ROOT, path);
    if (!existsSync(full)) return;
    if (!statSync(full).isDirectory()) {
      hash.update(path).update(readFileSync(full));
      return;
    }
    for (const entry of readdirSync(full, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort()) {
      hash.update(entry).update(readFileSync(entry));
    }
  };
  SITE_INPUTS.forEach(add);
  hash.update(String(existsSync(FASHION_MNIST_DIRECTORY)));
  return hash.digest('hex');
}

/**
 * Builds the site (scripts/build-site.ts: pages, data, manifest, service worker) into
 * BUILD_DIR, once: the build is kept while nothing it is made from has changed, so the
 * browser suites share one build (a fresh one takes ~10 s). Built into a new folder and then
 * swapped in, so a suite never serves half a build.
 */
export function buildSiteOnce(): string {
  const stamp = join(BUILD_DIR, '.inputs');
  const inputs = siteInputsHash();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs) return BUILD_DIR;
  const fresh = `${BUILD_DIR}.${process.pid}`;
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build-site.ts'), fresh], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(join(fresh, '.inputs'), inputs);
  const old = `${BUILD_DIR}.old.${process.pid}`;
  if (existsSync(BUILD_DIR)) renameSync(BUILD_DIR, old);
  renameSync(fresh, BUILD_DIR);
  rmSync(old, { recursive: true, force: true });
  return BUILD_DIR;
}

/** The site, built once for the browser suites (buildSiteOnce); the name the suites know. */
export function buildLab(): void {
  buildSiteOnce();
}

/** Starts the Lab's server (`npm start`'s, with its headers) on a free port of 127.0.0.1; returns its base URL. */
export async function startServer(root = BUILD_DIR, dataDir?: string): Promise<{ server: Server; url: string }> {
  const server = createLabServer({ root, dataDir });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

/**
 * Which browser the tests drive. `DIGITLAB_CHROMIUM=bundled` forces the one from the npm
 * package `@sparticuz/chromium`, `=system` forces `/usr/bin/chromium`, any other value is an
 * executable's path; unset, Debian's `/usr/bin/chromium` when it exists, else the bundled one.
 */
export function chromiumChoice(): { readonly executablePath: string; readonly env?: Readonly<Record<string, string>> } {
  const choice = process.env.DIGITLAB_CHROMIUM ?? '';
  if (choice === 'bundled' || (choice === '' && !existsSync(SYSTEM_CHROMIUM))) return bundledChromium(ROOT);
  if (choice === '' || choice === 'system') return { executablePath: SYSTEM_CHROMIUM };
  return { executablePath: choice };
}

/** Debian's Chromium (`apt-get install chromium`). */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Chromium (see `chromiumChoice`) with the flags that work as root without network
 * (TOOLCHAIN.md); Playwright gives it a fresh temporary profile and removes it on close.
 * Service workers are blocked in its pages unless `serviceWorkers` is true: the site's own
 * suites (test/site) test the worker; for the others it would only save the whole site
 * (13 MB) into every fresh page's cache, beside what they test. `args` are added flags.
 */
export async function launchChromium(options: { readonly serviceWorkers?: boolean; readonly args?: readonly string[] } = {}): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const { executablePath, env } = chromiumChoice();
  const browser = await chromium.launch({
    executablePath,
    env: env === undefined ? undefined : { ...process.env, ...env },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
  if (options.serviceWorkers !== true) {
    // Every context (and page) made through this browser gets the option unless it says otherwise.
    const newContext = browser.newContext.bind(browser);
    const newPage = browser.newPage.bind(browser);
    browser.newContext = (o = {}) => newContext({ serviceWorkers: 'block', ...o });
    browser.newPage = (o = {}) => newPage({ serviceWorkers: 'block', ...o });
  }
  return {
    browser,
    close: async () => {
      await browser.close();
    },
  };
}

/**
 * What every browser suite does first: builds the site (once, see buildSiteOnce), serves it
 * with the Lab's server on a free port and starts Chromium; `close` stops both. Screenshots
 * go to RESULTS_DIR (made here).
 */
export async function startSuite(): Promise<{ base: string; browser: Browser; close: () => Promise<void> }> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  buildLab();
  const { server, url } = await startServer();
  const { browser, close } = await launchChromium();
  return {
    base: url,
    browser,
    close: async () => {
      await close();
      server.close();
    },
  };
}

/** What the Lab's page shows once it is ready and its model has loaded. */
export const LAB_READY = 'body[data-ready="true"][data-model-ready="true"]';

/** How openPage opens a page: the screen, the language and further context options (screenContext's), what it waits for and how long. */
export interface OpenOptions {
  readonly screen?: Screen;
  readonly language?: Language;
  readonly context?: BrowserContextOptions;
  /** The selector the ready page shows: LAB_READY unless said. */
  readonly ready?: string;
  /** How long to wait for it: 60 s unless said. */
  readonly timeout?: number;
}

/**
 * Opens `url` in a fresh context (screenContext) and waits until the page shows `ready`; the
 * page's uncaught errors are written to the console, where a failing test's log shows them.
 */
export async function openPage(browser: Browser, url: string, options: OpenOptions = {}): Promise<Page> {
  const context = await screenContext(browser, options.screen, options.language, options.context);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(url);
  await page.waitForSelector(options.ready ?? LAB_READY, { timeout: options.timeout ?? 60_000 });
  return page;
}

/** What a browser suite's tests read: the site's base URL and the browser; set once the suite's `before` has run. */
export interface Suite {
  readonly base: string;
  readonly browser: Browser;
}

/**
 * Called inside a `describe`: registers the hooks that start the suite before its tests
 * (startSuite) and stop it after them. The returned object is filled in by that `before`, so
 * its fields are read inside hooks and tests, never while the `describe` body runs.
 */
export function useSuite(): Suite {
  const suite = { base: '', browser: undefined as unknown as Browser };
  let close: (() => Promise<void>) | undefined;
  before(async () => {
    ({ base: suite.base, browser: suite.browser, close } = await startSuite());
  });
  after(async () => {
    await close?.();
  });
  return suite;
}
