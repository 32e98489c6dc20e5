// Where the page cannot be cross-origin isolated. A classroom network: the site served over plain
// http at an address that is not localhost (what `npx digitlab serve` or any static server on a
// teacher's computer gives the pupils) — not a secure context: no service worker, no
// SharedArrayBuffer. And another site's page that frames the Lab, where the browser also
// refuses the frame its storage. Everything still works, on one thread, and nothing reloads.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { startPlainHost } from '../../scripts/plain-host.js';
import { ONE } from '../lab/pointer.js';
import { DATA_SECTIONS, freshPage, labAnswersOne, labTrains, MOUNT, openLab, openSection, siteState, useSiteSuite, watchedPage } from './site-harness.js';

describe('the site at http://classroom.test (not a secure context)', { timeout: 300_000 }, () => {
  const suite = useSiteSuite({ args: ['--host-resolver-rules=MAP classroom.test 127.0.0.1'] });
  let base = '';
  before(() => {
    base = `http://classroom.test:${suite.host.port}${MOUNT}`;
  });

  it('the Lab answers and trains a wide network on one thread; a course figure builds; no reload', async () => {
    const { context, page, errors } = await freshPage(suite.browser);
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

  it("inside another site's frame (storage refused): the Lab answers a drawing and trains on one thread", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'digitlab-other-site-'));
    writeFileSync(join(folder, 'index.html'), `<!doctype html><title>another site</title><iframe src="${suite.host.url}#layers=128,128" width="1280" height="900"></iframe>`);
    const other = await startPlainHost({ root: folder });
    try {
      const context = await suite.browser.newContext({ viewport: { width: 1300, height: 950 } });
      const errors: string[] = [];
      const page = await watchedPage(context, errors);
      // localhost and 127.0.0.1 are two sites: the frame is a third party's.
      await page.goto(other.url.replace('127.0.0.1', 'localhost'));
      const frame = page.frameLocator('iframe');
      await frame.locator('body[data-ready="true"][data-model-ready="true"]').waitFor({ timeout: 60_000 });
      const box = await frame.locator('#pad').boundingBox();
      assert.ok(box);
      const at = ([x, y]: readonly [number, number]): [number, number] => [box.x + (x / 280) * box.width, box.y + (y / 280) * box.height];
      await page.mouse.move(...at(ONE[0]));
      await page.mouse.down();
      for (const p of ONE.slice(1)) await page.mouse.move(...at(p), { steps: 4 });
      await page.mouse.up();
      assert.equal((await frame.locator('#answer').textContent())?.trim(), '1');
      await frame.locator('[data-command="toggle"]').click();
      await frame.locator('body[data-running="true"]').waitFor();
      await frame.locator('body[data-batches]').waitFor({ timeout: 120_000 });
      await frame.locator('[data-command="toggle"]').click();
      assert.equal(await frame.locator('body').getAttribute('data-threads'), '1');
      assert.equal(await frame.locator('html').getAttribute('data-isolated'), 'false');
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await other.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
