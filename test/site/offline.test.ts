// The site's service worker on a plain static host at a sub-path: the first visit works on one
// thread and saves the site; the next load is cross-origin isolated and trains a wide network
// on two threads, to the same weights as one thread from the same seed; with the host gone,
// the Lab, the course and Experiments still work.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { writeSiteList } from '../../scripts/build-site.js';
import { startPlainHost } from '../../scripts/plain-host.js';
import { BUILD_DIR } from '../lab/harness.js';
import { DATA_SECTIONS, freshPage, labAnswersOne, labTrains, MOUNT, openLab, openSection, siteState, useSiteSuite } from './site-harness.js';

/** The names of this site's caches (one per deployment; the service worker names them after its scope). */
function siteCaches(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith(`digitlab ${location.origin}`)).sort());
}

/** A wide network (two threads from 128 neurons on, when isolated) and a seed, in the Lab's address. */
const WIDE = '#layers=128,128&seed=11';
const STEPS = 4;

/** Takes STEPS single mini-batch steps of a fresh run; returns its weights and biases and the threads it trained on. */
async function steppedNetwork(page: Page): Promise<{ threads: string | null; weights: number[][]; biases: number[][] }> {
  for (let i = 0; i < STEPS; i++) await page.locator('[data-command="step"]').click();
  await page.waitForFunction((n) => Number(document.body.dataset.snapshotBatches) === n, STEPS, { timeout: 120_000 });
  const network = await page.evaluate(() => (window as unknown as { digitlab: { network(): { weights: number[][]; biases: number[][] } } }).digitlab.network());
  return { threads: await page.locator('body').getAttribute('data-threads'), ...network };
}

describe('the site with its service worker, on a plain static host at a sub-path', { timeout: 600_000 }, () => {
  const suite = useSiteSuite();

  it('first visit: one thread, saved for offline use; next load: isolated, two threads, the same weights; host gone: everything still works', async () => {
    const { context, page, errors } = await freshPage(suite.browser);

    await openLab(page, `${suite.host.url}${WIDE}`);
    assert.equal((await siteState(page)).isolated, 'false', 'the first load has no service worker yet');
    await labAnswersOne(page);
    const oneThread = await steppedNetwork(page);
    assert.equal(oneThread.threads, '1');
    await page.waitForSelector('html[data-offline="ready"]', { timeout: 120_000 });
    assert.match((await page.locator('.offline-status').textContent()) ?? '', /Ready to use offline/);

    await page.reload();
    await page.waitForSelector('body[data-ready="true"][data-model-ready="true"]', { timeout: 60_000 });
    await page.waitForSelector('html[data-offline="ready"]');
    assert.deepEqual(await siteState(page), { isolated: 'true', offline: 'ready', controlled: 'true' }, 'the worker isolates the page it controls');
    const twoThreads = await steppedNetwork(page);
    assert.equal(twoThreads.threads, '2', 'isolated: the wide network shares its batches with a second thread');
    assert.deepEqual(twoThreads.weights, oneThread.weights, 'the same seed gives the same weights on one thread and two');
    assert.deepEqual(twoThreads.biases, oneThread.biases);
    console.log(`# 784-128-128-10, seed 11, ${STEPS} mini-batches: the same weights not isolated (1 thread) and isolated (2 threads)`);

    await suite.host.close();
    await page.goto(suite.host.url);
    await page.waitForSelector('body[data-ready="true"][data-model-ready="true"]', { timeout: 60_000 });
    await labAnswersOne(page);
    assert.equal(await labTrains(page, 100), 1, 'offline, the default network trains on all 60,000 images (one thread: it is narrow)');
    assert.equal(await page.locator('body').getAttribute('data-training-data'), 'ready');
    await openSection(page, suite.host.url, DATA_SECTIONS[1]);
    assert.equal(await page.locator('#figure .error').count(), 0);
    await page.goto(`${suite.host.url}experiments.html`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('section#noise').scrollIntoViewIfNeeded();
    await page.waitForSelector('section#noise[data-state="done"]', { timeout: 120_000 });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a new deployment is saved beside the old one, offered, and then replaces it whole', async () => {
    const next = mkdtempSync(join(tmpdir(), 'digitlab-next-'));
    const host = await startPlainHost({ root: BUILD_DIR, mount: MOUNT });
    try {
      // The next deployment: the same site with the Lab's page changed, and its list made again.
      cpSync(BUILD_DIR, next, { recursive: true });
      const index = join(next, 'index.html');
      writeFileSync(index, readFileSync(index, 'utf8').replace('<body>', '<body data-deployment="next">'));
      const nextVersion = writeSiteList(next).version;
      const { context, page, errors } = await freshPage(suite.browser);
      await openLab(page, host.url);
      await page.waitForSelector('html[data-offline="ready"]', { timeout: 120_000 });
      const first = await siteCaches(page);
      assert.equal(first.length, 1);

      host.setRoot(next);
      await page.reload();
      await page.waitForSelector('html[data-update="ready"]', { timeout: 120_000 });
      assert.equal(await page.locator('body').getAttribute('data-deployment'), null, 'the page still comes whole from the first deployment');
      const both = await siteCaches(page);
      assert.equal(both.length, 2, `the new deployment is saved beside the old one: ${both.join(', ')}`);
      assert.match((await page.locator('.offline-status').textContent()) ?? '', /A new version of digitlab has been saved/);

      await Promise.all([page.waitForEvent('load'), page.locator('.offline-status button:not(.offline-dismiss)').click()]);
      await page.waitForSelector('body[data-deployment="next"][data-model-ready="true"]', { timeout: 60_000 });
      const after = await siteCaches(page);
      assert.deepEqual(after.map((name) => name.endsWith(nextVersion)), [true], `only the new deployment's cache is left: ${after.join(', ')}`);

      await host.close();
      await page.reload();
      await page.waitForSelector('body[data-deployment="next"][data-model-ready="true"]', { timeout: 60_000 });
      await labAnswersOne(page);
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await host.close();
      rmSync(next, { recursive: true, force: true });
    }
  });
});
