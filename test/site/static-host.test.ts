// The site on a plain static host (no special headers), at a sub-path: what a learner gets from
// a teacher's web space. Service workers are blocked in these pages, so each shows what the
// host alone gives (one thread, not isolated); offline.test.ts lets the worker run.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ONE, stroke } from '../lab/pointer.js';
import { DATA_SECTIONS, freshPage, labAnswersOne, labTrains, MOUNT, openLab, openSection, siteState, useSiteSuite } from './site-harness.js';

const kB = (bytes: number): string => `${(bytes / 1024).toFixed(0)} kB`;

describe('the site on a plain static host at a sub-path', { timeout: 600_000 }, () => {
  const suite = useSiteSuite({ serviceWorkers: false });

  it('the Lab answers a drawing with none of the training images fetched, and fetches them (gzipped, the test images not again) when training starts', async () => {
    const { context, page, errors } = await freshPage(suite.browser);
    suite.host.log.length = 0;
    await openLab(page, suite.host.url);
    await page.waitForSelector('html[data-offline]');
    assert.equal((await siteState(page)).isolated, 'false', 'no headers, no service worker: not isolated');
    await labAnswersOne(page);
    const atOpen = [...suite.host.log];
    const opened = atOpen.reduce((sum, r) => sum + r.bytes, 0);
    assert.ok(!atOpen.some((r) => r.path.includes('train-')), `the first view fetched training data: ${atOpen.map((r) => r.path).join(', ')}`);
    assert.ok(atOpen.some((r) => r.path === `${MOUNT}data/t10k-images-idx3-ubyte.gz`), 'the test images (the picker) come gzipped');
    assert.equal(await page.locator('body').getAttribute('data-training-data'), 'none');
    assert.equal(await labTrains(page), 1);
    const training = suite.host.log.slice(atOpen.length);
    // The training set only: the Worker kept the test images it fetched for the picker.
    assert.deepEqual(training.filter((r) => r.path.includes('/data/')).map((r) => r.path.slice(MOUNT.length)).sort(), ['data/train-images-idx3-ubyte.gz', 'data/train-labels-idx1-ubyte.gz']);
    const started = training.reduce((sum, r) => sum + r.bytes, 0);
    console.log(`# bytes from the host: ${kB(opened)} when the Lab opens (${atOpen.length} files), ${kB(started)} more when training starts`);
    assert.ok(opened < 3 * 2 ** 20, `${kB(opened)} to open the Lab`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('one figure of each course chapter that reads MNIST builds, with no error', async () => {
    const { context, page, errors } = await freshPage(suite.browser);
    for (const route of DATA_SECTIONS) {
      await openSection(page, suite.host.url, route);
      assert.equal(await page.locator('#figure .error').count(), 0, `${route}: ${await page.locator('#figure .error').allTextContents()}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('Experiments and How it learns build their figures from the data; the embedding example answers a drawing', async () => {
    const { context, page, errors } = await freshPage(suite.browser);
    await page.goto(`${suite.host.url}experiments.html`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('section#noise').scrollIntoViewIfNeeded();
    await page.waitForSelector('section#noise[data-state="done"]', { timeout: 120_000 });
    await page.goto(`${suite.host.url}explain/#view=nudges`);
    await page.waitForSelector('#nudges-average[data-state="done"]', { timeout: 120_000 });
    await page.goto(`${suite.host.url}examples/embed.html`);
    await page.waitForSelector('digitlab-weight-grid[neuron="3"][data-neurons="16"]', { timeout: 60_000 });
    await stroke(page, ONE, 'digitlab-draw-pad[for="net1"] canvas');
    await page.waitForFunction(() => document.querySelector('digitlab-answer[for="net1"] .answer-digit')?.textContent?.trim() === '1');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('a host that marks the .gz files Content-Encoding: gzip (the browser gunzips them first)', { timeout: 300_000 }, () => {
  const suite = useSiteSuite({ serviceWorkers: false, gzipEncoding: true });

  it('the Lab shows the test images and trains; a course figure reads the labels', async () => {
    const { context, page, errors } = await freshPage(suite.browser);
    await openLab(page, `${suite.host.url}#test=0`);
    assert.equal(await page.locator('#picker .true-label').textContent(), 'Label: 7');
    await labTrains(page, 20);
    await openSection(page, suite.host.url, DATA_SECTIONS[1]);
    assert.equal(await page.locator('#figure .error').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
