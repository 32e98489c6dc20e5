import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { type Engine3, batchedGradient, chainSlope, outputs, scaled, wishesOf } from './course3-engine.js';
import { SOURCE_MAP_EN, SOURCE_MAP_RU } from '../../src/lab/pages/learn/text/source-map.js';
import { pageInput } from './course-walk.js';
import { handwritingWalk } from './handwriting-walk.js';
import { pageHref } from './harness.js';
import { ONE, stroke } from './pointer.js';
import { answer, close, numberAttr as attr, reveal } from './page-values.js';

/**
 * What chapter 3's browser test does in each section, and what it checks: the learner's
 * actions (draw, pick a label, switch networks, pull levers, step, choose N, answer, edit the
 * chain, pick a weight) and that every number shown is the engine's, recomputed in Node from
 * the same 784 pixels and the same model (course3-engine.ts). `full` adds the long checks
 * (the whole training set, a second SGD run) that one language is enough for.
 */
export interface Walk3 {
  readonly page: Page;
  readonly engine: Engine3;
  readonly full: boolean;
}

type NetName = 'trained' | 'untrained';

const relClose = (actual: number, expected: number, rel: number, what: string): void => close(actual, expected, rel * Math.max(Math.abs(expected), 1e-12), what);
const attrs = (page: Page, selector: string, name = 'data-value'): Promise<number[]> => page.locator(selector).evaluateAll((els, n) => els.map((e) => Number(e.getAttribute(n))), name);

/** The network the figure's switch shows. */
async function shownNetwork(page: Page): Promise<NetName> {
  return (await page.locator('.segmented button[aria-pressed="true"]').first().getAttribute('data-value')) as NetName;
}

/** The label the page holds for the learner's digit (from the address). */
async function pageLabel(page: Page): Promise<number> {
  return Number(/label=(\d)/.exec(await pageHref(page))?.[1] ?? NaN);
}

async function revealChanges(page: Page, before: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction((text) => {
    const now = document.querySelector('.question-reveal')?.textContent ?? '';
    return now !== '' && now !== text;
  }, before, { timeout });
}

/** Which choice the ten wishes make right: the right output's (0), the brightest wrong one's (1), all alike (2). */
function judgeWishes(wishes: ArrayLike<number>, label: number): number {
  const sizes = Array.from(wishes, Math.abs);
  const max = Math.max(...sizes);
  if (max - Math.min(...sizes) <= 0.05 * max) return 2;
  return sizes.indexOf(max) === label ? 0 : 1;
}

/** The wish bars shown equal 2(y − a) of Node's forward pass; returns the judged choice for them. */
async function checkWishes(page: Page, engine: Engine3, label: number): Promise<number> {
  const net = await shownNetwork(page);
  const a = outputs(engine.nets[net], scaled(await pageInput(page)));
  const shown = await attrs(page, '.wishes-cell .wish-row');
  assert.equal(shown.length, 10);
  shown.forEach((w, j) => close(w, 2 * ((j === label ? 1 : 0) - a[j]), 1e-12, `${net}: wish of output ${j}`));
  return judgeWishes(shown, label);
}

/** Each section's walk. */
export const WALKS3: Readonly<Record<string, (w: Walk3) => Promise<void>>> = {
  async wishes({ page, engine }) {
    assert.equal(await page.locator('.wish-bars.conceal').count(), 1, 'the wishes are hidden before the guess');
    await page.locator('.learner-pad button', { hasText: /Clear|Очистить/ }).click();
    await stroke(page, ONE, '.learner-pad .draw-pad-canvas');
    await page.locator('.label-picker button[data-label="1"]').click();
    await page.waitForFunction(() => /label=1/.test(location.hash) && /draw=/.test(location.hash));
    await page.waitForSelector('.wishes-cell .wish-row');
    const expected = await checkWishes(page, engine, 1);
    assert.equal(await answer(page, 0), expected);
    assert.equal(await page.locator('.wish-bars.conceal').count(), 0, 'shown after the guess');
    // Another label, another biggest wish: the result follows.
    const before = await reveal(page);
    await page.locator('.label-picker button[data-label="7"]').click();
    await revealChanges(page, before);
    assert.equal(Number(await page.locator('#question').getAttribute('data-result')), await checkWishes(page, engine, 7));
    // The other network: its own numbers, judged again.
    const other = (await shownNetwork(page)) === 'trained' ? 'untrained' : 'trained';
    await page.locator(`.segmented button[data-value="${other}"]`).click();
    await page.waitForSelector(`.wish-bars[data-network="${other}"]`);
    assert.equal(Number(await page.locator('#question').getAttribute('data-result')), await checkWishes(page, engine, 7));
    const cost = await attr(page, '.wishes-cost');
    const a = outputs(engine.nets[other], scaled(await pageInput(page)));
    close(cost, a.reduce((s, v, j) => s + (v - (j === 7 ? 1 : 0)) ** 2, 0), 1e-12, 'cost of the example');
  },
  async 'three-ways'({ page, engine }) {
    const net = engine.nets[await shownNetwork(page)];
    const label = await pageLabel(page);
    const input = await pageInput(page);
    const { activations } = wishesOf(net, input, label);
    const a = activations[3][label];
    close(await attr(page, '.levers-status'), a, 1e-12, 'the right output now');
    const epsilon = Number(await page.locator('select[name="epsilon"]').inputValue());
    for (const lever of ['bias', 'weights', 'activations']) await page.locator(`.lever-card[data-lever="${lever}"] .lever-pull`).click();
    const prev = activations[2];
    const w = Array.from(net.weights[2].subarray(label * 16, label * 16 + 16));
    const length = (v: readonly number[]): number => Math.hypot(...v);
    const bias = net.clone();
    bias.biases[2][label] += epsilon;
    const rewired = net.clone();
    prev.forEach((ak, k) => (rewired.weights[2][label * 16 + k] += (epsilon * ak) / length(Array.from(prev))));
    let z = net.biases[2][label];
    for (let k = 0; k < 16; k++) z += w[k] * (prev[k] + (epsilon * w[k]) / length(w));
    const expected = {
      bias: outputs(bias, scaled(input))[label] - a,
      weights: outputs(rewired, scaled(input))[label] - a,
      activations: 1 / (1 + Math.exp(-z)) - a,
    };
    for (const [lever, rise] of Object.entries(expected)) close(await attr(page, `.lever-result[data-name="rise-${lever}"]`), rise, 1e-12, `Δa by the ${lever}`);
    assert.equal(await page.locator('.lever-compare-row').count(), 3);
  },
  async backwards({ page, engine }) {
    const net = engine.nets[await shownNetwork(page)];
    const label = await pageLabel(page);
    const { slopes, wishes } = wishesOf(net, await pageInput(page), label);
    const shown = (await attrs(page, '.backwards-stage .wish-row')).slice(0, 10);
    shown.forEach((v, j) => close(v, wishes[3][j], 1e-12, `output wish ${j}`));
    const next = page.locator('.backwards-cell button.primary');
    for (const to of [2, 1]) {
      await next.click();
      await page.waitForSelector(`.backwards-stage[data-step="${3 - to}"]`);
      const summed = await attrs(page, '.backwards-stage [data-role="to"] .wish-row');
      assert.equal(summed.length, 16);
      summed.forEach((v, k) => close(v, wishes[to][k], 1e-12, `wish of neuron ${k} of layer ${to}`));
      // Cell (0, 0): neuron 0's share of neuron 0's wish, w₀₀ · σ′(z₀) · wish₀.
      await page.locator('.wish-matrix-canvas').focus();
      close(await attr(page, '.wish-matrix-readout'), net.weights[to][0] * slopes[to][0] * wishes[to + 1][0], 1e-12, `share (0, 0) into layer ${to}`);
    }
    await next.click();
    await page.waitForSelector('.backwards-stage[data-step="3"]');
    assert.equal(await next.isDisabled(), true, 'the pixels end the chain');
    await page.locator('.backwards-stage [data-role="to"] canvas').focus();
    assert.equal(await attr(page, '.backwards-stage [data-role="to"] .signed-tiles-readout', 'data-pixel'), 14 * 28 + 14);
    close(await attr(page, '.backwards-stage [data-role="to"] .signed-tiles-readout'), wishes[0][14 * 28 + 14], 1e-12, 'wish of the centre pixel');
  },
  async average({ page, engine, full }) {
    const net = await shownNetwork(page);
    const check = async (n: number): Promise<void> => {
      await page.waitForSelector(`.average-summary[data-count="${n}"]`, { timeout: 600_000 });
      const difference = await attr(page, '.average-summary');
      const max = await attr(page, '.average-summary', 'data-max');
      assert.ok(difference <= 1e-5 * max, `N = ${n}: the per-image average and the batched −∇C differ by ${difference} (largest component ${max})`);
      const expected = engine.average(net, n).biasNudges[2];
      const shown = await attrs(page, '.average-body .wish-row');
      assert.equal(shown.length, 10);
      shown.forEach((v, j) => relClose(v, expected[j], 1e-9, `N = ${n}: average nudge of output bias ${j}`));
      close(max, Math.max(...[...engine.average(net, n).weightNudges, ...engine.average(net, n).biasNudges].map((v) => Math.max(...Array.from(v, Math.abs)))), 1e-6 * max, `N = ${n}: largest component`);
    };
    await check(100);
    await page.locator('.segmented button[data-value="1000"]').click();
    await check(1000);
    if (!full) return;
    await page.locator('.segmented button[data-value="all"]').click();
    await check(engine.train.count);
    assert.match((await page.locator('.segmented button[data-value="all"]').textContent()) ?? '', /60[,\s\u00a0\u202f]?000/);
  },
  async 'mini-batch'({ page, engine, full }) {
    assert.equal(await page.locator('.sgd-explorable').isHidden(), true, 'the runs wait for the guess');
    const result = await answer(page, 1, 600_000);
    const shown = JSON.parse((await page.locator('.sgd-arrival').getAttribute('data-value')) ?? '{}');
    const expected = engine.arrival(4.5);
    close(shown.target, expected.target, 1e-12, 'the cost both reach');
    assert.equal(shown.sgdExamples, expected.sgdExamples);
    assert.equal(shown.fullExamples, expected.fullExamples);
    assert.equal(result, expected.sgdExamples === expected.fullExamples ? 2 : expected.sgdExamples < expected.fullExamples ? 1 : 0);
    if (!full) return;
    // Another learning rate: another race, judged again.
    const before = await reveal(page);
    await page.locator('#sgd-lr').fill('1');
    await page.locator('#sgd-lr').dispatchEvent('change');
    await page.locator('#sgd-run').click();
    await revealChanges(page, before, 600_000);
    const again = JSON.parse((await page.locator('.sgd-arrival').getAttribute('data-value')) ?? '{}');
    const slower = engine.arrival(1);
    assert.equal(again.sgdExamples, slower.sgdExamples);
    assert.equal(again.fullExamples, slower.fullExamples);
    assert.equal(Number(await page.locator('#question').getAttribute('data-result')), slower.sgdExamples === slower.fullExamples ? 2 : slower.sgdExamples < slower.fullExamples ? 1 : 0);
  },
  async chain({ page }) {
    assert.equal(await answer(page, 1), 0, 'a(0) = 0: the slope is 0');
    assert.equal(await page.locator('#chain-x').inputValue(), '0', 'the guess set the input to 0');
    assert.equal(await attr(page, '.chain-question-readout'), 0);
    close(await attr(page, '.chain-question-readout', 'data-numeric'), chainSlope(0), 1e-9, 'measured slope at a(0) = 0');
    const before = await reveal(page);
    await page.locator('#chain-x').fill('1.6');
    await revealChanges(page, before);
    const slope = await attr(page, '.chain-question-readout');
    close(slope, chainSlope(1.6), 1e-7, 'the slope at a(0) = 1.6');
    // Judged by the ratio to the slope at the starting a(0) = 0.8: twice (±5 %), the same (±5 %), or none of the choices.
    const judged = (a0: number): number => {
      const ratio = chainSlope(a0) / chainSlope(0.8);
      return Math.abs(ratio - 2) <= 0.1 ? 1 : Math.abs(ratio - 1) <= 0.05 ? 2 : -1;
    };
    assert.equal(Number(await page.locator('#question').getAttribute('data-result')), judged(1.6), 'a(0) = 1.6');
    const other = await reveal(page);
    await page.locator('#chain-x').fill('0.8');
    await revealChanges(page, other);
    assert.equal(Number(await page.locator('#question').getAttribute('data-result')), 2, 'back at the start: nothing changes');
    await page.locator('.explorable button', { hasText: /Show all|Показать всё/ }).click();
    assert.ok((await page.locator('.chain-steps li').count()) >= 9, 'the whole step-through');
  },
  async indices({ page, engine }) {
    const net = engine.nets[await shownNetwork(page)];
    const label = await pageLabel(page);
    const input = await pageInput(page);
    const check = async (l: number, j: number, k: number): Promise<void> => {
      await page
        .waitForFunction(([j, k]) => (document.querySelector('input[name="j"]') as HTMLInputElement)?.value === String(j) && (document.querySelector('input[name="k"]') as HTMLInputElement)?.value === String(k), [j, k], { timeout: 30_000 })
        .catch(async (e: Error) => {
          throw new Error(`weight (${l}, ${j}, ${k}) not picked: the fields say j = ${await page.locator('input[name="j"]').inputValue()}, k = ${await page.locator('input[name="k"]').inputValue()} (${e.message})`);
        });
      const g = batchedGradient(net, input, label);
      const nIn = net.sizes[l - 1];
      const engineWeight = g.weights[l - 1][j * nIn + k];
      const weight = page.locator('.index-formula[data-name="weightGradient"]');
      relClose(Number(await weight.getAttribute('data-value')), engineWeight, 1e-4, `∂C/∂w(${l})_${j},${k} by the index formula`);
      close(Number(await weight.getAttribute('data-engine')), engineWeight, 0, `the engine's ∂C/∂w(${l})_${j},${k}`);
      const { activations, slopes } = wishesOf(net, input, label);
      const previous = Number(await page.locator('.index-formula[data-name="previousGradient"]').getAttribute('data-value'));
      const dadk = l === 1 ? g.input[k] : g.deltas[l - 2][k] / slopes[l - 2][k];
      relClose(previous, dadk, 1e-3, `∂C/∂a(${l - 1})_${k} by the sum`);
      assert.ok(activations[l - 1][k] >= 0);
    };
    const prev = wishesOf(net, input, label).activations[2];
    await check(3, label, prev.indexOf(Math.max(...prev)));
    await page.selectOption('select[name="layer"]', '1');
    await page.locator('input[name="j"]').fill('5');
    await page.locator('input[name="j"]').dispatchEvent('change');
    await page.locator('input[name="k"]').fill('406');
    await page.locator('input[name="k"]').dispatchEvent('change');
    await check(1, 5, 406);
    // A click on a bulb picks neuron j.
    await page.locator('.indices-bulbs .layer-bulbs[data-layer="1"] .bulb[data-neuron="9"]').click();
    await check(1, 9, 406);
  },
  handwriting: ({ page, engine }) => handwritingWalk({ page, net: engine.nets.trained }),
  async summary({ page }) {
    // Every idea of the source's map, in order, each linked to its section; the tools to go on to.
    const language = (await page.evaluate(() => document.documentElement.lang)) as 'en' | 'ru';
    const ideas = language === 'ru' ? SOURCE_MAP_RU : SOURCE_MAP_EN;
    assert.deepEqual(await page.locator('.summary-ideas a').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('data-route')])), ideas.map((i) => [i.idea, i.section]));
    assert.ok((await page.locator('.summary-ideas li.done').count()) >= 7, 'the sections done so far are ticked');
    assert.deepEqual(await page.locator('.summary-tool').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), [`../#lang=${language}`, `../experiments.html#lang=${language}`, `../explain/#lang=${language}`, `../digits/#lang=${language}`]);
    assert.equal(await page.locator('.contents a.done[data-route="backprop/summary"]').count(), 0, 'not done by opening it');
    // Following an idea back is what it asks: the section is done, and the link leads to its section.
    await page.locator('.summary-ideas a[data-route="network/relu"]').first().click();
    await page.waitForSelector('body[data-section="network/relu"] #figure[data-figure-ready="true"]');
    assert.equal(await page.locator('.contents a.done[data-route="backprop/summary"]').count(), 1, 'done once followed');
    await page.goBack();
    await page.waitForSelector('body[data-section="backprop/summary"] #figure[data-figure-ready="true"]');
  },
};
