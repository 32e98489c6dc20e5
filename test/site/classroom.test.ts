// A classroom network: the site served over plain http at an address that is not localhost
// (what `npx digitlab serve` or any static server on a teacher's computer gives the pupils).
// Not a secure context: no service worker, no SharedArrayBuffer — everything still works, on
// one thread, and nothing reloads.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DATA_SECTIONS, freshContext, labAnswersOne, labTrains, MOUNT, openLab, openSection, siteState, type SiteSuite, startSiteSuite, watchedPage } from './site-harness.js';

describe('the site at http://classroom.test (not a secure context)', { timeout: 300_000 }, () => {
  let suite: SiteSuite;
  let base = '';
  before(async () => {
    suite = await startSiteSuite({ args: ['--host-resolver-rules=MAP classroom.test 127.0.0.1'] });
    base = `http://classroom.test:${suite.host.port}${MOUNT}`;
  });
  after(async () => {
    await suite?.close();
  });

  it('the Lab answers and trains a wide network on one thread; a course figure builds; no reload', async () => {
    const context = await freshContext(suite.browser);
    const errors: string[] = [];
    const page = await watchedPage(context, errors);
    await openLab(page, `${base}#layers=128,128`);
    // A mark on this document: a reload would make a new one, without it.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.waitForSelector('html[data-offline]');
    assert.equal(await page.evaluate(() => window.isSecureContext), false);
    assert.deepEqual(await siteState(page), { isolated: 'false', offline: 'unavailable', controlled: undefined });
    await labAnswersOne(page);
    assert.equal(await labTrains(page, 20), 1, 'no SharedArrayBuffer: one thread');
    assert.equal(await page.evaluate(() => 'sameDocument' in window), true, 'the page never reloaded');
    await openSection(page, base, DATA_SECTIONS[0]);
    assert.equal(await page.locator('#figure .error').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
