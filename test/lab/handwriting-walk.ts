import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Network } from '../../src/core/network.js';
import type { Dataset } from '../../src/data/dataset.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import { datasetFromImages } from '../../src/data/image-set.js';
import { readDigits } from '../../src/train/digits-report.js';
import { digitStrokes } from './digit-strokes.js';

type Hook = { digitlabDigits: { addDrawing(s: number[][][], l: number): Promise<void>; digits(): { label: number; input: number[] }[] } };

/** MNIST's test set, loaded once for the walks. */
let testSet: Promise<Dataset> | null = null;

/**
 * The course's closing section (the last of chapter 3), the network meets your handwriting:
 * the MNIST bar is the pretrained network's test accuracy; the learner follows the link to
 * "Your handwriting", draws ten digits there (prepared strokes through the page's pad), comes
 * back, and the figure reads them — the same accuracy as readDigits in Node on the same inputs.
 */
export async function handwritingWalk({ page, net }: { readonly page: Page; readonly net: Network }): Promise<void> {
  testSet ??= loadMnist().then((m) => m.test);
  const value = async (name: string): Promise<number> => Number(await page.locator(`.hand-bar[data-name="${name}"]`).getAttribute('data-value'));
  assert.equal(await value('mnist'), readDigits(net, await testSet).accuracy);
  assert.equal(await page.locator('.hand-bars').getAttribute('data-count'), '0', 'a fresh browser has no digits of its own');
  const route = new URL(page.url()).hash;
  await page.locator('a.hand-open').click();
  await page.waitForSelector('body[data-ready="true"]');
  assert.match(new URL(page.url()).pathname, /\/digits\/$/);
  for (let digit = 0; digit <= 9; digit++) await page.evaluate(([s, l]) => (window as unknown as Hook).digitlabDigits.addDrawing(s, l), [digitStrokes(digit, -0.3), digit] as const);
  const drawn = await page.evaluate(() => (window as unknown as Hook).digitlabDigits.digits());
  await page.goBack();
  await page.waitForSelector(`body[data-section="backprop/handwriting"] #figure[data-figure-ready="true"] .hand-bar[data-name="yours"]`);
  assert.equal(new URL(page.url()).hash, route);
  const yours = readDigits(net, datasetFromImages(drawn.map((d) => ({ pixels: Uint8Array.from(d.input), label: d.label }))));
  assert.equal(await page.locator('.hand-bars').getAttribute('data-count'), '10');
  assert.equal(await value('yours'), yours.accuracy);
}
