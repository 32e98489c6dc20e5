import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, By, Capabilities, Origin, type WebDriver } from 'selenium-webdriver';
import { type BrowserTab, type Box, ErrorLog, type OpenOptions, type PageErrors, type PadPoint, densify, pollUntil, scrollAndMeasure } from './driver.js';

/** Debian's `webkit2gtk-driver`. */
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
/** WebKitGTK's MiniBrowser (Debian's `libwebkit2gtk-4.1-0`). */
export const MINIBROWSER = process.env.DIGITLAB_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** Starts an X server for the command when there is no display: Debian's `xvfb` (with `xauth`). */
const XVFB_RUN = '/usr/bin/xvfb-run';

/** A free TCP port of 127.0.0.1 (asked of the system, then released for the driver to take). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Waits until the WebDriver server at `url` answers /status (bounded), or its process ends. */
async function driverReady(url: string, driver: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver ended with code ${driver.exitCode}: ${log()}`);
    try {
      if ((await fetch(`${url}/status`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer ${url}/status within 30 s: ${log()}`);
}

/**
 * WebKit: WebKitWebDriver drives WebKitGTK's MiniBrowser (`--automation`), through
 * selenium-webdriver. MiniBrowser has no headless mode, so without a DISPLAY the driver runs
 * under `xvfb-run -a` (a private X server, ended with it). HOME, TMPDIR and the XDG folders
 * point into a fresh temporary folder, so the browser starts from an empty profile and leaves nothing behind.
 * MiniBrowser reaches http://classroom.test:PORT through the plain host as its HTTP proxy
 * (`options.classroomPort`), every other address directly.
 * WebDriver classic has no event for the page's errors: the plain host's error probe
 * (scripts/plain-host.ts) collects them in the page, and `takeErrors` reads them before each
 * navigation and when asked.
 */
export async function openWebKit(options: OpenOptions): Promise<BrowserTab> {
  for (const [file, install] of [[WEBKIT_DRIVER, 'webkit2gtk-driver'], [MINIBROWSER, 'libwebkit2gtk-4.1-0']] as const) {
    if (!existsSync(file)) throw new Error(`WebKit: ${file} is not installed: apt-get install ${install}`);
  }
  const display = process.env.DISPLAY;
  if (!display && !existsSync(XVFB_RUN)) throw new Error('WebKit needs a display: apt-get install xvfb xauth (or set DISPLAY)');
  const home = mkdtempSync(join(tmpdir(), 'digitlab-webkit-'));
  const tmp = join(home, 'tmp');
  mkdirSync(tmp);
  const port = await freePort();
  const command = display ? [WEBKIT_DRIVER] : [XVFB_RUN, '-a', '-s', '-screen 0 1280x1024x24 -nolisten tcp', WEBKIT_DRIVER];
  const child = spawn(command[0], [...command.slice(1), `--port=${port}`], {
    // Its own process group, so that closing ends xvfb-run, Xvfb, the driver and MiniBrowser together.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // TMPDIR too: xvfb-run keeps its Xauthority in a folder there, which a signal leaves behind.
    env: { ...process.env, TMPDIR: tmp, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  /** Ends the process group (xvfb-run, Xvfb, the driver, MiniBrowser), waits for it (bounded) and removes the folder. */
  const stopDriver = async (): Promise<void> => {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    rmSync(home, { recursive: true, force: true });
  };
  let driver: WebDriver;
  try {
    const url = `http://127.0.0.1:${port}`;
    await driverReady(url, child, () => output);
    const capabilities = new Capabilities({
      browserName: 'MiniBrowser',
      // MiniBrowser cannot map a name to an address: classroom.test goes through the plain host as a proxy.
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', `--proxy=http://127.0.0.1:${options.classroomPort}`, '--ignore-host=127.0.0.1'] },
    });
    driver = await new Builder().usingServer(url).withCapabilities(capabilities).build();
    await driver.manage().setTimeouts({ script: 180_000, pageLoad: 120_000 });
    await driver.manage().window().setRect({ width: 1280, height: 800 });
  } catch (error) {
    await stopDriver();
    throw error;
  }
  const version = String((await driver.getCapabilities()).get('browserVersion') ?? '');
  const errors = new ErrorLog();
  /** Moves what the error probe collected in the current page into `errors`. */
  const collect = async (): Promise<void> => {
    let seen: string[] = [];
    try {
      seen = (await driver.executeScript('const s = window.__digitlabErrors || []; window.__digitlabErrors = []; return s;')) as string[];
    } catch {
      return;
    }
    for (const line of seen) (line.startsWith('page error: ') ? errors.page : errors.console).push(line.replace(/^(page|console) error: /, ''));
  };
  const tab: BrowserTab = {
    browser: 'webkit',
    version: `MiniBrowser (WebKitGTK) ${version}`,
    open: async (url) => {
      await collect();
      // What the page left behind says while it goes dies with it (the probe is in the page).
      await driver.get('about:blank');
      await driver.get(url);
      // The probe must be in the page, or this tab would report no error where it cannot hear them.
      if (!(await driver.executeScript('return Array.isArray(window.__digitlabErrors)'))) throw new Error(`webkit: ${url} has no error probe (serve it with startPlainHost({ …, errorProbe: true }))`);
    },
    evaluate: async <T>(expression: string) => (await driver.executeScript(`return (async () => (${expression}))();`)) as T,
    waitFor: (expression, what, options) => pollUntil(tab, expression, what, options),
    click: async (selector) => {
      const element = await driver.findElement(By.css(selector));
      await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", element);
      await element.click();
    },
    stroke: async (selector: string, points: readonly PadPoint[], size = 280) => {
      const box = (await driver.executeScript(`return ${scrollAndMeasure(selector)};`)) as Box | null;
      if (box === null) throw new Error(`webkit: no ${selector} to draw on`);
      // The Actions API's viewport coordinates are whole CSS pixels.
      const at = ([x, y]: PadPoint): { x: number; y: number } => ({ x: Math.round(box.x + (x / size) * box.width), y: Math.round(box.y + (y / size) * box.height) });
      const path = densify(points);
      let actions = driver.actions({ async: true }).move({ ...at(path[0]), origin: Origin.VIEWPORT }).press();
      for (const p of path.slice(1)) actions = actions.move({ ...at(p), origin: Origin.VIEWPORT, duration: 10 });
      await actions.release().perform();
    },
    screenshot: async (file) => writeFileSync(file, Buffer.from(await driver.takeScreenshot(), 'base64')),
    takeErrors: async (): Promise<PageErrors> => {
      await collect();
      return errors.take();
    },
    close: async () => {
      try {
        await driver.quit();
      } finally {
        await stopDriver();
      }
    },
  };
  return tab;
}
