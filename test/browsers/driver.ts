/**
 * One interface over the three browsers the site is tested in — Chromium (playwright-core),
 * Firefox ESR (puppeteer-core over WebDriver BiDi) and WebKit (WebKitWebDriver driving
 * WebKitGTK's MiniBrowser, through selenium-webdriver) — with just the operations the
 * cross-browser tests need. Scripts are passed as strings (an expression, or a promise's), so
 * that what runs in the page is exactly what the test wrote in every browser.
 */

/** The browsers the site is tested in. */
export type BrowserName = 'chromium' | 'firefox' | 'webkit';

/**
 * A name for the local host that is not a secure context: what a classroom's
 * `http://192.168.…` address is to the pupils' browsers (no service worker, no
 * SharedArrayBuffer). Each browser is told to reach the local host under it (`OpenOptions`).
 */
export const CLASSROOM = 'classroom.test';

/** How a browser is started for the site's checks. */
export interface OpenOptions {
  /** The port of the local plain host, which `http://classroom.test:PORT/` must reach. */
  readonly classroomPort: number;
}

/** A point on a canvas, in the canvas's CSS box scaled to `size` × `size` (the draw pad's 280). */
export type PadPoint = readonly [number, number];

/** What a page reported that no test expected. */
export interface PageErrors {
  /** Uncaught exceptions and unhandled rejections. */
  readonly page: readonly string[];
  /** `console.error` messages (and, where the browser logs them so, failed loads). */
  readonly console: readonly string[];
  /**
   * What a page reported while `open` was leaving it for the next (a load it had under way,
   * cut off — Firefox reports the rejection then): not the new page's, kept for the report.
   * WebDriver classic (WebKit) cannot hear these.
   */
  readonly leaving: readonly string[];
}

/** The errors a tab heard, in the three kinds of `PageErrors`. */
export class ErrorLog {
  readonly page: string[] = [];
  readonly console: string[] = [];
  readonly leaving: string[] = [];

  /** Runs `leave` (the navigation away from a page) and files what is heard meanwhile as `leaving`. */
  async whileLeaving(leave: () => Promise<unknown>): Promise<void> {
    const before = { page: this.page.length, console: this.console.length };
    await leave();
    this.leaving.push(...this.page.splice(before.page).map((e) => `page error: ${e}`), ...this.console.splice(before.console).map((e) => `console error: ${e}`));
  }

  /** Everything heard so far, forgotten here. */
  take(): PageErrors {
    return { page: this.page.splice(0), console: this.console.splice(0), leaving: this.leaving.splice(0) };
  }
}

/** One tab of one browser, driven by a test. */
export interface BrowserTab {
  readonly browser: BrowserName;
  /** The browser's own version string, for the report. */
  readonly version: string;
  /**
   * Opens `url` as a new document — through about:blank, so that the page left behind is gone
   * first (its late errors filed as `leaving`) and a URL differing only in its hash still
   * loads afresh — and waits for its `load` event.
   */
  open(url: string): Promise<void>;
  /** The value of the JavaScript `expression` in the page (a promise is awaited); JSON-like values only. */
  evaluate<T>(expression: string): Promise<T>;
  /**
   * Polls `expression` until it is truthy, for at most `timeoutMs`; then fails with a message
   * naming `what` was awaited and what the page showed (`show`, an expression; by default the
   * body's data attributes). Never a fixed sleep: it returns as soon as the page shows it.
   */
  waitFor(expression: string, what: string, options?: { readonly timeoutMs?: number; readonly show?: string }): Promise<void>;
  /** Clicks the element of `selector` as a user would (scrolled into view first). */
  click(selector: string): Promise<void>;
  /** Presses the primary pointer on the canvas of `selector` and drags it through `points` as one stroke. */
  stroke(selector: string, points: readonly PadPoint[], size?: number): Promise<void>;
  /** Saves what the window shows as a PNG (for people to look at; nothing is compared). */
  screenshot(file: string): Promise<void>;
  /** Errors the pages of this tab reported since the last call (and forgets them). */
  takeErrors(): Promise<PageErrors>;
  /** Ends the browser and removes its profile. */
  close(): Promise<void>;
}

/** How often `waitFor` looks at the page. */
const POLL_MS = 200;
/** What `waitFor` shows of the page when it gives up, unless told otherwise. */
const SHOW_BODY = 'JSON.stringify(document.body ? { ...document.body.dataset } : null)';

/** `waitFor` over any tab's `evaluate`: the one polling loop all three browsers share. */
export async function pollUntil(tab: Pick<BrowserTab, 'browser' | 'evaluate'>, expression: string, what: string, options: { readonly timeoutMs?: number; readonly show?: string } = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    try {
      if (await tab.evaluate<boolean>(`Boolean(${expression})`)) return;
      lastError = '';
    } catch (error) {
      // A page being replaced (navigation) cannot answer for a moment; keep polling.
      lastError = error instanceof Error ? error.message.split('\n')[0] : String(error);
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  let shown: string;
  try {
    shown = String(await tab.evaluate<unknown>(options.show ?? SHOW_BODY));
  } catch (error) {
    shown = `(could not read the page: ${error instanceof Error ? error.message : String(error)})`;
  }
  throw new Error(`${tab.browser}: waited ${timeoutMs / 1000} s for ${what} (${expression}); the page shows ${shown}${lastError ? `; last evaluation failed: ${lastError}` : ''}`);
}

/** The points of a stroke with `steps` extra points between each two, so every browser sees a dense drag. */
export function densify(points: readonly PadPoint[], steps = 4): PadPoint[] {
  const out: PadPoint[] = [points[0]];
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1];
    const [x1, y1] = points[i];
    for (let s = 1; s <= steps; s++) out.push([x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps]);
  }
  return out;
}

/** The element of `selector` scrolled to the middle of the window; its box in CSS pixels of the window (an expression). */
export function scrollAndMeasure(selector: string): string {
  return `(() => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (!el) return null;
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  })()`;
}

/** A box in CSS pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What Chromium's (Playwright) and Firefox's (puppeteer) pages share, enough for `open` and `stroke`. */
export interface ScriptedPage {
  goto(url: string, options: { waitUntil: 'load'; timeout: number }): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
  readonly mouse: {
    move(x: number, y: number): Promise<unknown>;
    down(): Promise<unknown>;
    up(): Promise<unknown>;
  };
}

/** `BrowserTab.open` for a ScriptedPage: about:blank first (late errors filed as leaving), then `url`, each until its `load`. */
export async function openThroughBlank(page: ScriptedPage, errors: ErrorLog, url: string): Promise<void> {
  await errors.whileLeaving(() => page.goto('about:blank', { waitUntil: 'load', timeout: 120_000 }));
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
}

/** `BrowserTab.stroke` for a ScriptedPage: the canvas scrolled into view, then one drag of the page's mouse through the densified points. */
export async function mouseStroke(browser: BrowserName, page: ScriptedPage, selector: string, points: readonly PadPoint[], size: number): Promise<void> {
  const box = (await page.evaluate(scrollAndMeasure(selector))) as Box | null;
  if (box === null) throw new Error(`${browser}: no ${selector} to draw on`);
  const at = ([x, y]: PadPoint): [number, number] => [box.x + (x / size) * box.width, box.y + (y / size) * box.height];
  const path = densify(points);
  await page.mouse.move(...at(path[0]));
  await page.mouse.down();
  for (const p of path.slice(1)) await page.mouse.move(...at(p));
  await page.mouse.up();
}
