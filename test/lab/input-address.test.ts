import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { Rng } from '../../src/core/rng.js';
import { fillNoiseImage } from '../../src/experiments/noise-images.js';
import { openPage, pageHref, RESULTS_DIR, useSuite } from './harness.js';
import { ellipse, ONE, stroke } from './pointer.js';

const answer = async (page: Page): Promise<string> => (await page.locator('#answer').textContent())?.trim() ?? '';
/** The RGBA pixels of a canvas of the page (the pad, or what the network sees). */
const pixels = (page: Page, selector: string): Promise<number[]> =>
  page.evaluate((s) => {
    const canvas = document.querySelector(s) as HTMLCanvasElement;
    return Array.from(canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? []);
  }, selector);

describe('the input in the Lab’s address: the drawing, the noise image, the test image', { timeout: 240_000 }, () => {
  const suite = useSuite();

  const open = (url: string): Promise<Page> => openPage(suite.browser, url);

  it('a shared link reopens the same drawing: the same strokes on the pad, the same 28×28 input, the same answer', async () => {
    const page = await open(suite.base);
    await stroke(page, ellipse(140, 140, 62, 95));
    assert.equal(await answer(page), '0');
    const url = await pageHref(page);
    const drawing = new URL(url).hash.match(/draw=([^&]+)/)?.[1] ?? '';
    assert.ok(drawing.length > 0 && drawing.length < 400, `a compact drawing in the address (${drawing.length} characters)`);
    const seen = await pixels(page, '#seen');
    const pad = await pixels(page, '#pad');
    const copy = await open(url);
    assert.equal(await answer(copy), '0');
    assert.deepEqual(await pixels(copy, '#seen'), seen, 'the network sees the same input');
    assert.deepEqual(await pixels(copy, '#pad'), pad, 'the pad shows the same strokes');
    // Drawing on goes on from the restored strokes; Undo removes them one by one.
    await stroke(copy, ONE);
    assert.notEqual(new URL(await pageHref(copy)).hash, new URL(url).hash);
    await copy.locator('#undo').click();
    assert.equal(new URL(await pageHref(copy)).hash, new URL(url).hash, 'undo brings back the address of the first drawing');
    await copy.screenshot({ path: join(RESULTS_DIR, 'lab-drawing-from-address.png'), clip: { x: 0, y: 0, width: 1440, height: 640 } });
    await copy.context().close();
    await page.context().close();
  });

  it('a shared link reopens the same noise image, made again from its seed', async () => {
    const page = await open(suite.base);
    await page.locator('#feed-noise').click();
    const seed = Number(new URL(await pageHref(page)).hash.match(/noise=(\d+)/)?.[1]);
    assert.ok(Number.isInteger(seed), await pageHref(page));
    const expected = new Float32Array(784);
    fillNoiseImage('uniform', new Rng(seed), expected);
    const seen = await pixels(page, '#seen');
    assert.deepEqual(seen.filter((_, i) => i % 4 === 0), Array.from(expected, (v) => Math.round(v * 255)), 'the image is the seed’s');
    const shown = await answer(page);
    const copy = await open(await pageHref(page));
    assert.equal(await answer(copy), shown);
    assert.deepEqual(await pixels(copy, '#seen'), seen);
    // Another press, another seed.
    await page.locator('#feed-noise').click();
    assert.notEqual(Number(new URL(await pageHref(page)).hash.match(/noise=(\d+)/)?.[1]), seed);
    await copy.context().close();
    await page.context().close();
  });

  it('one input at a time: a test image clears the drawing and the noise; a broken drawing is named in the notice', async () => {
    const page = await open(suite.base);
    await stroke(page, ONE);
    assert.match(await pageHref(page), /draw=/);
    await page.locator('.thumb[data-index="0"]').click();
    assert.equal(await answer(page), '7');
    assert.doesNotMatch(await pageHref(page), /draw=|noise=/);
    assert.match(await pageHref(page), /test=0/);
    assert.ok((await pixels(page, '#pad')).every((v, i) => i % 4 === 3 || v === 0), 'the pad is cleared');
    await page.locator('#feed-noise').click();
    assert.doesNotMatch(await pageHref(page), /test=|draw=/);
    await page.context().close();
    const broken = await open(`${suite.base}#draw=AAAA`);
    assert.match((await broken.locator('#state-notice').textContent()) ?? '', /draw=AAAA ignored: not written the way this page writes it/);
    assert.equal(await answer(broken), '–');
    await broken.context().close();
  });
});
