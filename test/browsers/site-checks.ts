import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type PlainHost, startPlainHost } from '../../scripts/plain-host.js';
import { buildSiteOnce, RESULTS_DIR } from '../lab/harness.js';
import { ONE } from '../lab/pointer.js';
import { MOUNT } from '../site/site-harness.js';
import { type BrowserName, type BrowserTab, CLASSROOM, type OpenOptions } from './driver.js';
import { LAB_READY, type LabVisit, PAGE_STATE, type PageState, type Seen, SHARING, textOf, WEIGHTS_DIGEST } from './page-probes.js';

/**
 * The checks every browser must pass on the built site (`npm run build:site`, built once for
 * all the browser and site suites by buildSiteOnce) served by a plain static host with no
 * special headers (scripts/plain-host.ts) at a sub-path, MOUNT — so that an absolute URL left
 * anywhere in the site fails them:
 *
 * 1. First visit: not cross-origin isolated; the Lab answers a drawn 1, takes a few
 *    mini-batch steps of a 128-128 network from a seed and trains live on one thread; the
 *    service worker saves the site ("ready offline").
 * 2. The next load: the service worker controls the page and supplies the isolation headers:
 *    isolated, the same steps from the same seed give the same weights on two threads (on one
 *    where the browser shares no memory between Workers: `BrowserTraits`).
 * 3. Experiments, How it learns, Your handwriting and the embedding example, and one figure of
 *    each course chapter: each shows what it computed, with no page error.
 * 4. The host gone (offline), a reload: the Lab answers a drawing and trains on all 60,000
 *    images, a course chapter builds its figure.
 *
 * Each browser's test file calls `describeSite` once; what was seen (isolated or not,
 * threads, offline, times) is printed as `browsers:` lines and written to
 * test-results/browsers-<browser>.json.
 */

/**
 * One figure per course chapter, each of which fetches MNIST (the data path a plain host must
 * serve), and what it shows once built: a number the engine computed, or the image it drew.
 */
export const COURSE_FIGURES = [
  { route: 'network/detector', built: '#figure [data-name="sum"][data-value]', what: "the detector's weighted sum of a test image" },
  { route: 'learning/data', built: '#figure figcaption[data-label]', what: 'a training image drawn with its label (after the 47 MB training set)' },
  { route: 'backprop/average', built: '#figure [data-name="maxDifference"][data-value]', what: 'the averaged nudges computed in a Worker' },
] as const;

/** Two hidden layers wide enough for the Lab to share each batch with a second thread where the page allows it (src/fast/factory.ts: from 128 neurons), and a seed. */
const WIDE = '#layers=128,128&seed=11';
/** Single mini-batch steps taken from the seed on one thread and on two (their weights must agree). */
const STEPS = 4;

/** Bounds on what the page must show, generous for a loaded 2-core machine (they bound a wait; they time nothing). */
const PAGE_LOAD_MS = 180_000;
const ANSWER_MS = 60_000;
const TRAINING_MS = 240_000;

/** What a browser is known to do, which its checks hold it to. */
export interface BrowserTraits {
  /**
   * Whether a cross-origin isolated page can send shared memory to a Worker — which two
   * training threads need. Where it cannot, the isolated page trains on one thread; where it
   * can, on two, and the weights must be those of one thread.
   */
  readonly sharesMemoryWhenIsolated: boolean;
}

/** Registers the site's checks for one browser, opened by `open` once for the whole file. */
export function describeSite(browser: BrowserName, open: (options: OpenOptions) => Promise<BrowserTab>, traits: BrowserTraits): void {
  describe(`the built site on a plain static host at a sub-path, in ${browser}`, { timeout: 1_200_000 }, () => {
    let host: PlainHost;
    let tab: BrowserTab;
    const seen: Seen = { browser, version: '', seconds: {}, consoleErrors: [], leavingErrors: [] };

    /** Opens `path` of the site at `base` (a fresh document) and returns when `ready` shows. */
    async function visit(name: string, path: string, ready: string, what: string, base = host.url): Promise<void> {
      const t0 = Date.now();
      await tab.open(`${base}${path}`);
      await tab.waitFor(ready, what, { timeoutMs: PAGE_LOAD_MS });
      seen.seconds[name] = (Date.now() - t0) / 1000;
    }

    /** A screenshot of the window in test-results/ (browsers-<browser>-<name>.png), for people to look at. */
    const screenshot = (name: string): Promise<void> => tab.screenshot(join(RESULTS_DIR, `browsers-${browser}-${name}.png`));

    /** Fails on any uncaught error the page reported since it was opened; keeps console errors and those of the page left before it for the report. */
    async function assertNoPageError(where: string): Promise<void> {
      const errors = await tab.takeErrors();
      seen.consoleErrors.push(...errors.console.map((e) => `${where}: ${e}`));
      seen.leavingErrors.push(...errors.leaving.map((e) => `before ${where}, from the page left: ${e}`));
      assert.deepEqual(errors.page, [], `${browser}: page errors in ${where}`);
    }

    /** Draws a 1 on the Lab's pad and waits for the Lab to answer 1. */
    async function answersOne(): Promise<void> {
      await tab.click('#clear');
      await tab.waitFor(`${textOf('#answer')} !== '1'`, 'the cleared pad to take back its answer', { show: textOf('#answer') });
      await tab.stroke('#pad', ONE);
      await tab.waitFor(`${textOf('#answer')} === '1'`, 'the Lab to answer the drawn 1', { timeoutMs: ANSWER_MS, show: textOf('#answer') });
    }

    /** Takes STEPS single mini-batch steps of the fresh run of the page's address; returns the digest of its weights. */
    async function steps(): Promise<string> {
      for (let i = 0; i < STEPS; i++) await tab.click('[data-command="step"]');
      await tab.waitFor(`Number(document.body.dataset.snapshotBatches) === ${STEPS}`, `the network after ${STEPS} single steps`, { timeoutMs: TRAINING_MS });
      return tab.evaluate<string>(WEIGHTS_DIGEST);
    }

    /** Trains live until the Lab has reported progress twice, stops; returns the threads and mini-batches it showed. */
    async function trainsLive(): Promise<{ threads: number; batches: number }> {
      const before = await tab.evaluate<number>('Number(document.body.dataset.batches ?? 0)');
      await tab.click('[data-command="toggle"]');
      await tab.waitFor('document.body.dataset.running === "true"', 'training to start');
      await tab.waitFor(`Number(document.body.dataset.batches) > ${before}`, 'the first report of mini-batches trained', { timeoutMs: TRAINING_MS });
      const first = await tab.evaluate<number>('Number(document.body.dataset.batches)');
      await tab.waitFor(`Number(document.body.dataset.batches) > ${first}`, `progress past ${first} mini-batches`, { timeoutMs: TRAINING_MS });
      await tab.waitFor(`${textOf('#status')} !== ''`, 'a progress line in #status', { show: textOf('#status') });
      const batches = await tab.evaluate<number>('Number(document.body.dataset.batches)');
      await tab.click('[data-command="toggle"]');
      await tab.waitFor('document.body.dataset.running === "false"', 'training to stop');
      const threads = await tab.evaluate<number>('Number(document.body.dataset.threads)');
      assert.ok(threads === 1 || threads === 2, `${browser}: body[data-threads] says ${threads}`);
      return { threads, batches };
    }

    before(async () => {
      mkdirSync(RESULTS_DIR, { recursive: true });
      // WebDriver classic cannot hear page errors: the host lets the page collect them (plain-host.ts).
      host = await startPlainHost({ root: buildSiteOnce(), mount: MOUNT, errorProbe: browser === 'webkit' });
      tab = await open({ classroomPort: host.port });
      seen.version = tab.version;
    });

    after(async () => {
      await tab?.close();
      await host?.close();
      const lab = (name: string, v: LabVisit | undefined): string =>
        v === undefined ? `${name}: not reached` : `${name}: crossOriginIsolated ${v.isolated} (SharedArrayBuffer global ${v.sharedArrayBuffer}${v.sharing ? `, shared memory to a Worker: ${v.sharing}` : ''}), service worker controls ${v.controlled || 'no'}, offline ${v.offline || '?'}, trained on ${v.threads} thread(s), ${v.batches} mini-batches seen${v.weights ? `, weights after ${STEPS} steps ${v.weights}` : ''}`;
      const lines = [`${browser} ${seen.version}`, lab('first visit', seen.firstVisit), lab('reload', seen.reload), lab('classroom (not a secure context)', seen.classroom), lab('offline', seen.offline)];
      lines.push(`ready in: ${Object.entries(seen.seconds).map(([name, s]) => `${name} ${s.toFixed(1)} s`).join(', ')}`);
      lines.push(`console errors: ${seen.consoleErrors.length === 0 ? 'none' : seen.consoleErrors.join(' | ')}`);
      lines.push(`errors of pages being left: ${seen.leavingErrors.length === 0 ? 'none' : seen.leavingErrors.join(' | ')}`);
      for (const line of lines) console.log(`browsers: ${line}`);
      writeFileSync(join(RESULTS_DIR, `browsers-${browser}.json`), `${JSON.stringify(seen, null, 2)}\n`);
    });

    it('first visit: not isolated; the Lab answers a drawn 1, trains on one thread; the site is saved for offline use', async () => {
      await visit('Lab (first visit)', WIDE, LAB_READY, 'the Lab to load its pretrained model and the test images');
      await answersOne();
      const weights = await steps();
      const { threads, batches } = await trainsLive();
      await screenshot('lab-training');
      await tab.waitFor('document.documentElement.dataset.offline === "ready"', 'the page to say the site is ready offline', { timeoutMs: PAGE_LOAD_MS, show: 'document.documentElement.dataset.offline' });
      const state = await tab.evaluate<PageState>(PAGE_STATE);
      seen.firstVisit = { ...state, threads, batches, weights };
      assert.equal(state.isolated, false, `${browser}: the first visit has no service worker yet, and the host sends no isolation headers`);
      assert.equal(threads, 1, `${browser}: not isolated, the Lab trains on one thread`);
      await assertNoPageError('the Lab (first visit)');
    });

    it('reload: the service worker isolates the page; the same steps give the same weights on two threads (on one where Workers share no memory)', async () => {
      assert.ok(seen.firstVisit, 'the first visit came first');
      await visit('Lab (reload)', WIDE, `${LAB_READY} && document.documentElement.dataset.controlled !== undefined`, 'the Lab to load and its service worker to register');
      const weights = await steps();
      const { threads, batches } = await trainsLive();
      const state = { ...(await tab.evaluate<PageState>(PAGE_STATE)), sharing: await tab.evaluate<string>(SHARING) };
      seen.reload = { ...state, threads, batches, weights };
      assert.equal(state.controlled, 'true', `${browser}: the service worker controls the reloaded page`);
      assert.equal(state.isolated, true, `${browser}: the service worker's headers make the page cross-origin isolated`);
      assert.equal(state.sharing === 'shared', traits.sharesMemoryWhenIsolated, `${browser}: isolated, sending shared memory to a Worker gives ${state.sharing}`);
      assert.equal(threads, traits.sharesMemoryWhenIsolated ? 2 : 1, `${browser}: isolated, the Lab trains the 128-128 network on ${traits.sharesMemoryWhenIsolated ? 'two threads' : 'one thread (no shared memory between Workers)'}`);
      assert.equal(weights, seen.firstVisit.weights, `${browser}: the same seed gives the same weights on one thread and on ${threads}`);
      await assertNoPageError('the Lab (reload)');
    });

    it('Experiments, How it learns, Your handwriting and the embedding example work with no page error', async () => {
      await visit('Experiments', 'experiments.html', 'document.body.dataset.ready === "true"', 'Experiments to load');
      await tab.evaluate('document.querySelector("section#noise").scrollIntoView({ block: "start" })');
      await tab.waitFor('document.querySelector("section#noise")?.dataset.state === "done"', "the noise experiment's figure to be computed", { timeoutMs: PAGE_LOAD_MS, show: 'document.querySelector("section#noise")?.dataset.state' });
      await assertNoPageError('Experiments');
      await visit('How it learns', 'explain/#view=nudges', 'document.querySelector("#nudges-average")?.dataset.state === "done"', 'How it learns to average the nudges of the test images');
      await assertNoPageError('How it learns');
      await visit('Your handwriting', 'digits/', 'document.body.dataset.ready === "true"', 'Your handwriting to open its storage and the model');
      await tab.stroke('#pad', ONE);
      await tab.waitFor('document.querySelector("#live-guess")?.dataset.answer === "1"', 'Your handwriting to read the drawn 1', { timeoutMs: ANSWER_MS, show: textOf('#live-guess') });
      await assertNoPageError('Your handwriting');
      await visit('the embedding example', 'examples/embed.html', 'document.querySelector(\'digitlab-weight-grid[neuron="3"][data-neurons="16"]\') !== null', 'the embedded weight grid');
      await tab.stroke('digitlab-draw-pad[for="net1"] canvas', ONE);
      await tab.waitFor(`${textOf('digitlab-answer[for="net1"] .answer-digit')} === '1'`, 'the embedded answer to say 1', { timeoutMs: ANSWER_MS, show: textOf('digitlab-answer[for="net1"]') });
      await assertNoPageError('the embedding example');
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

    it('a classroom address (http://classroom.test, not a secure context): no service worker, not isolated; the Lab answers a drawing and trains on one thread; no reload', async () => {
      await visit('Lab (classroom)', WIDE, `${LAB_READY} && document.documentElement.dataset.offline !== undefined`, 'the Lab at the classroom address to load', host.url.replace('127.0.0.1', CLASSROOM));
      // A mark on this document: a reload would make a new one, without it.
      await tab.evaluate('(window.sameDocument = true)');
      assert.equal(await tab.evaluate<boolean>('window.isSecureContext'), false, `${browser}: http://${CLASSROOM} is not a secure context`);
      await answersOne();
      const { threads, batches } = await trainsLive();
      const state = await tab.evaluate<PageState>(PAGE_STATE);
      seen.classroom = { ...state, threads, batches };
      assert.equal(state.offline, 'unavailable', `${browser}: no service worker outside a secure context, and the page says so`);
      assert.equal(state.isolated, false);
      assert.equal(threads, 1, `${browser}: not isolated, one thread`);
      assert.equal(await tab.evaluate<boolean>("'sameDocument' in window"), true, `${browser}: the page never reloaded`);
      await assertNoPageError('the Lab (classroom)');
    });

    it('offline (the host gone): the Lab answers a drawing and trains on all 60,000 images; a course chapter builds', async () => {
      await host.close();
      await visit('Lab (offline)', '', LAB_READY, 'the Lab to load from the saved copy');
      await answersOne();
      const { threads, batches } = await trainsLive();
      assert.equal(await tab.evaluate<string>('document.body.dataset.trainingData ?? ""'), 'ready', `${browser}: the training set came from the saved copy`);
      seen.offline = { ...(await tab.evaluate<PageState>(PAGE_STATE)), threads, batches };
      await assertNoPageError('the Lab (offline)');
      const { route, built, what } = COURSE_FIGURES[1];
      await visit(`learn/#${route} (offline)`, `learn/#${route}`, 'document.body.dataset.ready === "true" && document.querySelector("#figure")?.dataset.figureReady === "true"', `the course section ${route} to mount its figure offline`);
      assert.equal(await tab.evaluate<string>(textOf('#figure .error')), '', `${browser}: ${route}'s figure says it failed offline`);
      await tab.waitFor(`document.querySelector(${JSON.stringify(built)}) !== null`, `${route}'s figure to show ${what}, offline`, { timeoutMs: PAGE_LOAD_MS, show: textOf('#figure') });
      await assertNoPageError(`learn/#${route} (offline)`);
    });
  });
}
