import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createLabServer } from '../../src/server/static-server.js';
import { bundledChromium } from './bundled-chromium.js';

/** The repository root. */
export const ROOT = new URL('../../', import.meta.url).pathname;
/** Where the tests' build of the Lab goes (not the user's dist/). */
export const BUILD_DIR = join(ROOT, '.tmp', 'lab-test-build');
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

/** Builds the Lab with Vite into BUILD_DIR (a few seconds). */
export function buildLab(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', BUILD_DIR, '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/** Starts the Lab's server on a free port of 127.0.0.1; returns its base URL. */
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
 */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
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
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
    },
  };
}

/**
 * What every browser suite does first: builds the Lab, serves it on a free port and starts
 * Chromium; `close` stops both. Screenshots go to RESULTS_DIR (made here).
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
