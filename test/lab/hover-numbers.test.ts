import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { costByName } from '../../src/core/costs.js';
import { traceExample } from '../../src/core/trace.js';
import { loadMnist } from '../../src/data/idx-dir.js';
import type { Dataset } from '../../src/data/dataset.js';
import type { Network } from '../../src/core/network.js';
import { loadModel } from '../../src/model/model-io.js';
import { openPage, RESULTS_DIR, ROOT, useSuite } from './harness.js';

const tooltip = async (page: Page): Promise<string> => (await page.locator('.network-view .tooltip').textContent()) ?? '';
const focusedNeuron = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.classList.contains('neuron') ? `${el.dataset.layer}/${el.dataset.neuron}` : el?.classList.contains('input-frame') ? 'input' : String(el?.tagName);
  });

describe('numbers on demand: input pixels, weights and their gradients, arrow keys between neurons', { timeout: 240_000 }, () => {
  const suite = useSuite();
  let page: Page;
  let net: Network;
  let test: Dataset;

  before(async () => {
    net = (await loadModel(join(ROOT, 'models/pretrained.json'))).network;
    ({ test } = await loadMnist());
    page = await openPage(suite.browser, `${suite.base}#test=0`);
    await page.waitForFunction(() => document.querySelector('#answer')?.textContent === '7');
  });

  it('hovering a pixel of the input layer shows its activation, the pixel’s value', async () => {
    const box = await page.locator('.network-view svg').boundingBox();
    assert.ok(box);
    const scale = box.width / 720;
    // Pixel (14, 20) of test image 0: inside the 7's stem? Whatever it holds, the tooltip must say it.
    for (const [x, y] of [[14, 20], [3, 3], [20, 9]] as const) {
      await page.mouse.move(box.x + (x * 7 + 3.5) * scale, box.y + ((440 - 196) / 2 + y * 7 + 3.5) * scale);
      const a = test.images[y * 28 + x] / 255;
      assert.equal(await tooltip(page), `Input pixel (${x}, ${y}): activation a = ${a.toFixed(3)}`);
    }
    await page.locator('.network-view').screenshot({ path: join(RESULTS_DIR, 'lab-hover-pixel.png') });
    await page.mouse.move(0, 0);
  });

  it('the network view is one tab stop; arrow keys move within a layer, across layers and into the input, the tooltip following', async () => {
    assert.equal(await page.locator('#network-view [tabindex="0"]').count(), 1, 'one tab stop');
    await page.locator('.network-view .neuron[data-layer="1"][data-neuron="5"]').focus();
    assert.match(await tooltip(page), /^Layer 1, neuron 5/);
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedNeuron(page), '1/6');
    assert.match(await tooltip(page), /^Layer 1, neuron 6/);
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedNeuron(page), '2/6');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedNeuron(page), '3/4', 'the output at the same height (6 of 0–15 → 4 of 0–9)');
    assert.match(await tooltip(page), /^Layer 3, neuron 4/);
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedNeuron(page), '3/4', 'nothing beyond the outputs');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focusedNeuron(page), '2/7', 'output 4 of 0–9 → neuron 7 of 0–15');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focusedNeuron(page), '1/7');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focusedNeuron(page), 'input');
    const y = Math.round((7 * 27) / 15);
    assert.equal(await tooltip(page), `Input pixel (27, ${y}): activation a = ${(test.images[y * 28 + 27] / 255).toFixed(3)}`);
    await page.keyboard.press('ArrowLeft');
    assert.match(await tooltip(page), new RegExp(`^Input pixel \\(26, ${y}\\)`));
    assert.match((await page.locator('.network-view .input-frame').getAttribute('aria-label')) ?? '', /Input layer: 784 pixels\. Input pixel \(26, /);
    assert.equal(await page.locator('#network-view [tabindex="0"]').count(), 1, 'still one tab stop, where focus was');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedNeuron(page), '1/7', 'back to layer 1 at the same height');
  });

  it('the enlarged weights show each weight’s value and its gradient ∂C/∂w for the input and label, as the engine computes them', async () => {
    const neuron = 3;
    const pixels = Float64Array.from(test.images.subarray(0, 784), (v) => v / 255);
    const trace = traceExample(net, costByName('quadratic'), pixels, 7);
    // The inked pixel with the largest gradient for this neuron, reached with the keyboard.
    let best = 0;
    for (let k = 0; k < 784; k++) if (Math.abs(trace.deltas[0][neuron] * pixels[k]) > Math.abs(trace.deltas[0][neuron] * pixels[best])) best = k;
    await page.locator(`.weight-grid[data-neuron="${neuron}"]`).click();
    await page.waitForSelector('#weight-dialog[open]');
    assert.equal(await page.locator('#weight-dialog .gradient-label select').inputValue(), '7', 'the test image’s label by default');
    await page.locator('#weight-dialog canvas').focus();
    const [bx, by] = [best % 28, Math.floor(best / 28)];
    for (let i = 0; i < Math.abs(bx - 14); i++) await page.keyboard.press(bx > 14 ? 'ArrowRight' : 'ArrowLeft');
    for (let i = 0; i < Math.abs(by - 14); i++) await page.keyboard.press(by > 14 ? 'ArrowDown' : 'ArrowUp');
    const text = (await page.locator('#weight-dialog .pixel-weight').textContent()) ?? '';
    const w = net.weights[0][neuron * 784 + best];
    const g = trace.deltas[0][neuron] * pixels[best];
    const m = /^pixel \((\d+), (\d+)\): weight w = (-?[\d.]+); gradient ∂C\/∂w = (\S+) for the input shown \(this pixel a = ([\d.]+)\) and label 7$/.exec(text);
    assert.ok(m, text);
    assert.deepEqual([Number(m[1]), Number(m[2])], [bx, by]);
    assert.ok(Math.abs(Number(m[3]) - w) <= 5e-4, `w ${m[3]} vs ${w}`);
    assert.ok(g !== 0 && Math.abs(Number(m[4]) - g) <= Math.max(5e-5, Math.abs(g) * 0.01), `∂C/∂w ${m[4]} vs the engine's ${g}`);
    // Another label: another gradient (the engine's for label 1).
    await page.locator('#weight-dialog .gradient-label select').selectOption('1');
    const other = (await page.locator('#weight-dialog .pixel-weight').textContent()) ?? '';
    const g1 = traceExample(net, costByName('quadratic'), pixels, 1).deltas[0][neuron] * pixels[best];
    const m1 = /∂C\/∂w = (\S+) for the input shown .* and label 1$/.exec(other);
    assert.ok(m1, other);
    assert.ok(Math.abs(Number(m1[1]) - g1) <= Math.max(5e-5, Math.abs(g1) * 0.01), `label 1: ${m1[1]} vs ${g1}`);
    await page.screenshot({ path: join(RESULTS_DIR, 'lab-weight-gradient.png') });
    await page.keyboard.press('Escape');
  });
});
