import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ONE } from '../lab/pointer.js';
import type { BrowserName, BrowserTab } from './driver.js';
import { type PlainServer, startPlainServer } from './plain-server.js';
import { ROOT, type SiteUnderTest, siteUnderTest } from './site-under-test.js';

/**
 * The checks every browser must pass on the built site served by a plain static server (no
 * COOP/COEP): the Lab answers a drawn digit, live training starts and reports progress, and
 * one figure of each course chapter builds with no page error. Each browser's test file calls
 * `describeSite` once; what was seen (cross-origin isolated or not, threads, times) is printed
 * as `browsers:` lines and written to test-results/browsers-<browser>.json.
 */

/**
 * One figure per course chapter, each of which fetches MNIST (the data path a plain host must
 * serve), and what it shows once built: a number the engine computed, or the image it drew.
 */
export const COURSE_FIGURES = [
  { route: 'network/detector', built: '#figure [data-name="sum"][data-value]', what: 'the detector\'s weighted sum of a test image' },
  { route: 'learning/data', built: '#figure figcaption[data-label]', what: 'a training image drawn with its label (after the 47 MB training set)' },
  { route: 'backprop/average', built: '#figure [data-name="maxDifference"][data-value]', what: 'the averaged nudges computed in a Worker' },
] as const;

/** Screenshots and the report go here (git-ignored). */
const RESULTS = join(ROOT, 'test-results');

/** A hidden layer wide enough for the Lab to share each batch with a second thread when the page allows it (src/fast/factory.ts: 128 neurons). */
const WIDE = 'layers=128';

/** Bounds on what the page must show, generous for a loaded 2-core machine (they bound a wait; they time nothing). */
const PAGE_LOAD_MS = 180_000;
const ANSWER_MS = 60_000;
const TRAINING_MS = 240_000;

/** What a page says of its isolation. */
interface Isolation {
  crossOriginIsolated: boolean;
  sharedArrayBuffer: boolean;
}

/** What a browser showed, for the report. */
interface Seen {
  browser: BrowserName;
  version: string;
  pages: Record<string, Isolation & { seconds: number }>;
  training?: { threads: number; how: string; backend: string; batches: number };
  consoleErrors: string[];
  /** What pages reported while being left for the next (see PageErrors.leaving). */
  leavingErrors: string[];
}

/**
 * The page's isolation as the page sees it: cross-origin isolated, and the global
 * SharedArrayBuffer (which WebKitGTK 2.50 does not expose even when isolated).
 */
const ISOLATION = '({ crossOriginIsolated: self.crossOriginIsolated === true, sharedArrayBuffer: typeof SharedArrayBuffer === "function" })';

/** The text of an element (an expression), trimmed; '' when absent. */
const textOf = (selector: string): string => `(document.querySelector(${JSON.stringify(selector)})?.textContent ?? '').trim()`;

/** Registers the site's checks for one browser, opened by `open` once for the whole file. */
export function describeSite(browser: BrowserName, open: () => Promise<BrowserTab>): void {
  describe(`the built site on a plain static server, in ${browser}`, { timeout: 900_000 }, () => {
    let site: SiteUnderTest;
    let server: PlainServer;
    let tab: BrowserTab;
    const seen: Seen = { browser, version: '', pages: {}, consoleErrors: [], leavingErrors: [] };

    /** Opens `path` of the site (a fresh document), records its isolation; returns when `ready` shows. */
    async function visit(name: string, path: string, ready: string, what: string): Promise<void> {
      const t0 = Date.now();
      await tab.open(`${server.url}${path}`);
      await tab.waitFor(ready, what, { timeoutMs: PAGE_LOAD_MS });
      const isolation = await tab.evaluate<Isolation>(ISOLATION);
      seen.pages[name] = { ...isolation, seconds: (Date.now() - t0) / 1000 };
    }

    /** A screenshot of the window in test-results/ (browsers-<browser>-<name>.png), for people to look at. */
    const screenshot = (name: string): Promise<void> => tab.screenshot(join(RESULTS, `browsers-${browser}-${name}.png`));

    /** Fails on any uncaught error the page reported since it was opened; keeps console errors and those of the page left before it for the report. */
    async function assertNoPageError(where: string): Promise<void> {
      const errors = await tab.takeErrors();
      seen.consoleErrors.push(...errors.console.map((e) => `${where}: ${e}`));
      seen.leavingErrors.push(...errors.leaving.map((e) => `before ${where}, from the page left: ${e}`));
      assert.deepEqual(errors.page, [], `${browser}: page errors in ${where}`);
    }

    before(async () => {
      mkdirSync(RESULTS, { recursive: true });
      site = siteUnderTest();
      // WebDriver classic cannot hear page errors: the server lets the page collect them (plain-server.ts).
      server = await startPlainServer(site.folder, site.urlPath, { errorProbe: browser === 'webkit' });
      tab = await open();
      seen.version = tab.version;
    });

    after(async () => {
      await tab?.close();
      await server?.close();
      site?.dispose();
      const lines = [`${browser} ${seen.version}`];
      for (const [name, p] of Object.entries(seen.pages)) lines.push(`${name}: crossOriginIsolated ${p.crossOriginIsolated}, SharedArrayBuffer ${p.sharedArrayBuffer}, ready in ${p.seconds.toFixed(1)} s`);
      if (seen.training) lines.push(`training: ${seen.training.threads} thread(s) (${seen.training.how}), backend ${seen.training.backend}, ${seen.training.batches} mini-batches seen`);
      lines.push(`console errors: ${seen.consoleErrors.length === 0 ? 'none' : seen.consoleErrors.join(' | ')}`);
      lines.push(`errors of pages being left: ${seen.leavingErrors.length === 0 ? 'none' : seen.leavingErrors.join(' | ')}`);
      for (const line of lines) console.log(`browsers: ${line}`);
      writeFileSync(join(RESULTS, `browsers-${browser}.json`), `${JSON.stringify(seen, null, 2)}\n`);
    });

    it('the Lab answers a drawn 1 with the pretrained network', async () => {
      await visit('Lab', '', 'document.body.dataset.modelReady === "true"', 'the Lab to load its pretrained model');
      assert.notEqual(await tab.evaluate<string>(textOf('#answer')), '1', `${browser}: the Lab says 1 before anything is drawn`);
      await tab.stroke('#pad', ONE);
      await tab.waitFor(`${textOf('#answer')} === '1'`, 'the Lab to answer the drawn 1', { timeoutMs: ANSWER_MS, show: textOf('#answer') });
      await screenshot('lab-drawn-1');
      await assertNoPageError('the Lab');
    });

    it('live training starts on the full MNIST and reports progress', async () => {
      server.clearRequests();
      await visit('Lab (training)', `#${WIDE}`, 'document.body.dataset.ready === "true"', 'the Lab to load the MNIST training and test sets');
      await tab.click('[data-command="toggle"]');
      await tab.waitFor('document.body.dataset.running === "true"', 'training to start');
      await tab.waitFor('Number(document.body.dataset.batches) > 0', 'the first report of mini-batches trained', { timeoutMs: TRAINING_MS });
      const first = await tab.evaluate<number>('Number(document.body.dataset.batches)');
      await tab.waitFor(`Number(document.body.dataset.batches) > ${first}`, `progress past ${first} mini-batches`, { timeoutMs: TRAINING_MS });
      await tab.waitFor(`${textOf('#status')} !== ''`, 'a progress line in #status', { show: textOf('#status') });
      const batches = await tab.evaluate<number>('Number(document.body.dataset.batches)');
      await screenshot('lab-training');
      await tab.click('[data-command="toggle"]');
      await tab.waitFor('document.body.dataset.running === "false"', 'training to stop');
      const backend = await tab.evaluate<string>('document.body.dataset.backend ?? ""');
      // Threads: the page says so if it has learnt to (data-threads); until then the server
      // knows: the second thread exists when its Worker script and the shared-memory kernels
      // were fetched (src/fast/web-helper-start.ts starts it only where SharedArrayBuffer is).
      const said = await tab.evaluate<string>('document.body.dataset.threads ?? ""');
      const helper = server.requests.some((p) => /\/helper-web-[^/]*\.js$/.test(p));
      const shared = server.requests.some((p) => /\/kernels-shared-[^/]*\.wasm$/.test(p));
      const threads = said !== '' ? Number(said) : helper && shared ? 2 : 1;
      const how = said !== '' ? 'the page says so' : `not shown by the page; inferred from the server: helper Worker ${helper ? '' : 'not '}fetched, shared kernels ${shared ? '' : 'not '}fetched`;
      seen.training = { threads, how, backend, batches };
      // Where the page is isolated, two threads. (WebKitGTK 2.50, isolated by `npm start`, still
      // trains on one: it exposes no global SharedArrayBuffer, which src/fast/web-helper-start.ts
      // and helper-pool.ts need — this fails there once a site is isolated in WebKit.)
      const isolated = seen.pages['Lab (training)'].crossOriginIsolated;
      assert.equal(threads, isolated ? 2 : 1, `${browser}: a ${isolated ? '' : 'not '}cross-origin isolated page trains a 128-wide network on ${isolated ? 'two threads' : 'one thread'} (${how})`);
      await assertNoPageError('the Lab while training');
    });

    for (const { route, built, what } of COURSE_FIGURES) {
      it(`the course's figure ${route} builds with no page error`, async () => {
        await visit(`learn/#${route}`, `learn/#${route}`, 'document.body.dataset.ready === "true" && document.querySelector("#figure")?.dataset.figureReady === "true"', `the course section ${route} to mount its figure`);
        assert.equal(await tab.evaluate<string>(textOf('#figure .error')), '', `${browser}: ${route}'s figure says it failed`);
        await tab.waitFor(`document.querySelector(${JSON.stringify(built)}) !== null`, `${route}'s figure to show ${what}`, { timeoutMs: PAGE_LOAD_MS, show: textOf('#figure') });
        await tab.evaluate('document.querySelector("#figure").scrollIntoView({ block: "start" })');
        await screenshot(`learn-${route.replace('/', '-')}`);
        await assertNoPageError(`learn/#${route}`);
      });
    }
  });
}
