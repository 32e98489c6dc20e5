import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { quadratic } from '../../src/core/costs.js';
import { imageNudges } from '../../src/explain/image-nudges.js';
import { topNudges } from '../../src/explain/nudge-summary.js';
import { evenly, WeightSweep } from '../../src/explain/step-cost.js';
import { layerPatterns, usedPixels } from '../../src/explain/weight-patterns.js';
import { takeFirst } from '../../src/data/dataset.js';
import { trainingSetAverage } from '../../src/explain/training-set-nudges.js';
import { evaluateNetwork } from '../../src/train/predict.js';
import type { Chapter2Engine } from './chapter2-engine.js';
import { answerOf } from './course-engine.js';
import { pageInput } from './course-walk.js';
import { answer, attr, close, numberAttr, numbers, result, reveal, revealChanges } from './page-values.js';
import { ONE, stroke } from './pointer.js';
import { DESCENT_WALKS } from './descent-walks.js';

/**
 * What chapter 2's browser test does in each section, and what it checks: the learner's actions
 * (draw, pick a label, browse, click, drag, train, answer) and that every number the figure
 * shows is the engine's, recomputed in Node from the same pixels, label, seed and weights.
 */
export interface Walk {
  readonly page: Page;
  readonly engine: Chapter2Engine;
  /** Also check that a new seed of the slow experiments changes their result (one language is enough). */
  readonly reseed: boolean;
}

/** Each section's walk. */
export const WALKS: Readonly<Record<string, (w: Walk) => Promise<void>>> = {
  async data({ page, engine }) {
    const { train, test } = engine.data;
    const counts = (labels: Uint8Array): number[] => Array.from({ length: 10 }, (_, d) => labels.filter((l) => l === d).length);
    assert.deepEqual(await numbers(page, '.digit-counts', 'data-train'), counts(train.labels));
    assert.deepEqual(await numbers(page, '.digit-counts', 'data-test'), counts(test.labels));
    assert.equal(await numberAttr(page, '.split-choice[data-split="train"]'), train.count);
    assert.equal(await numberAttr(page, '.split-choice[data-split="test"]'), test.count);
    await page.locator('.split-choice[data-split="test"]').click();
    await page.locator('.course-picker[data-split="test"] .thumb[data-index="3"]').click();
    assert.equal(await numberAttr(page, '.data-image figcaption', 'data-label'), test.labels[3]);
    await page.locator('.split-choice[data-split="train"]').click();
    await page.waitForSelector('.course-picker[data-split="train"] .thumb[data-index="0"]', { timeout: 60_000 });
    await page.locator('.course-picker [data-action="next"]').click();
    assert.equal(await numberAttr(page, '.data-image figcaption', 'data-index'), 1);
    assert.equal(await numberAttr(page, '.data-image figcaption', 'data-label'), train.labels[1]);
  },

  async random({ page, engine }) {
    await stroke(page, ONE, '.learner-pad .draw-pad-canvas');
    assert.equal(await page.locator('.random-outputs').isHidden(), true, 'the answer is hidden before the guess');
    const judged = await answer(page, 0);
    const check = async (seed: number): Promise<void> => {
      assert.equal(await numberAttr(page, '.random-outputs [data-seed]', 'data-seed'), seed);
      const net = engine.untrained(seed);
      const out = answerOf(net, await pageInput(page)).outputs;
      assert.deepEqual(await numbers(page, '.random-outputs [data-seed]'), out, `seed ${seed}: the outputs the Lab would show`);
      const accuracy = evaluateNetwork(net, engine.data.test).accuracy;
      assert.equal(await numberAttr(page, '.random-accuracy'), accuracy);
      const top = Math.max(...out);
      assert.equal(await result(page), top < 0.2 ? 2 : accuracy > 0.5 ? 0 : 1);
      assert.ok(accuracy < 0.2, `an untrained network guesses: ${accuracy}`);
    };
    await check(1);
    assert.equal(judged, 1);
    const before = await reveal(page);
    await page.locator('.seed-field button').click();
    await revealChanges(page, before);
    await check(2);
  },

  async cost({ page, engine }) {
    await page.locator('.label-picker button[data-label="1"]').click();
    await page.waitForFunction(() => /label=1/.test(location.hash));
    const input = await pageInput(page);
    for (const name of ['untrained', 'trained'] as const) {
      const column = `.cost-column[data-network="${name}"]`;
      const net = name === 'trained' ? engine.net : engine.untrained(await numberAttr(page, column, 'data-seed'));
      const a = Float64Array.from(answerOf(net, input).outputs);
      close(await numberAttr(page, `${column} .cost-sum`), quadratic.value(a, 0, 10, 1, null), 1e-12, `${name}: C₀`);
      const terms = await page.locator(`${column} .cost-term`).evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
      terms.forEach((t, j) => close(t, (a[j] - (j === 1 ? 1 : 0)) ** 2, 1e-12, `${name}: term ${j}`));
    }
    await page.locator('.average-cost button').click();
    await page.waitForSelector('.average-line[data-name="trained"]', { timeout: 120_000 });
    const seed = await numberAttr(page, '.cost-column[data-network="untrained"]', 'data-seed');
    close(await numberAttr(page, '.average-line[data-name="untrained"]'), engine.averageCost(engine.untrained(seed)), 1e-9, 'average cost, untrained');
    close(await numberAttr(page, '.average-line[data-name="trained"]'), engine.averageCost(engine.net), 1e-9, 'average cost, trained');
  },

  ...DESCENT_WALKS,

  async nudges({ page, engine }) {
    assert.equal(await page.locator('.nudges-revealed').isHidden(), true);
    // At the start of training: the untrained network of "A random start", with its seed.
    const net = engine.untrained(await numberAttr(page, '.asked-text', 'data-seed'));
    const check = async (label: number): Promise<void> => {
      const input = await pageInput(page);
      const image = imageNudges(net, 'quadratic', Float64Array.from(input, (v) => v / 255), label);
      const b = Array.from(image.biasNudges[0]).map(Math.abs);
      const neuron = b.indexOf(Math.max(...b));
      const pixel = input.indexOf(Math.max(...input));
      assert.equal(await numberAttr(page, '.asked-text', 'data-neuron'), neuron);
      assert.equal(await numberAttr(page, '.asked-text', 'data-pixel'), pixel);
      const nudge = image.weightNudges[0][neuron * 784 + pixel];
      // Equal up to the last bits (the browser's and Node's exp may round the untrained network's sigmoids differently).
      const near = (a: number, b: number, what: string): void => close(a, b, 1e-12 * Math.max(1e-9, Math.abs(b)), what);
      near(await numberAttr(page, '.asked-text'), nudge, 'the asked nudge');
      assert.equal(await result(page), nudge > 0 ? 0 : 1);
      const top = topNudges(net, image.weightNudges, image.biasNudges, 8).map((t) => t.nudge);
      const shown = await numbers(page, '.top-nudges table');
      assert.equal(shown.length, top.length);
      shown.forEach((v, i) => near(v, top[i], `largest nudge ${i}`));
    };
    await answer(page, 0);
    await check(1);
    // Another label: other wishes, other nudges.
    const before = await reveal(page);
    await page.locator('.label-picker button[data-label="7"]').click();
    await revealChanges(page, before);
    await check(7);
    await page.locator('.label-picker button[data-label="1"]').click();
  },

  async smooth({ page, engine }) {
    const check = async (): Promise<void> => {
      const [l, j, k] = (await attr(page, '.smooth-line-smooth', 'data-weight')).split(',').map(Number);
      const batch = takeFirst(engine.data.train, 100);
      const sweep = new WeightSweep(engine.net, 'quadratic', batch, { layer: l, neuron: j, from: k }, 100);
      const w = await numberAttr(page, '.smooth-line-smooth', 'data-w');
      close(await numberAttr(page, '.smooth-line-smooth'), sweep.at(w, 'smooth'), 1e-12, 'smooth cost');
      close(await numberAttr(page, '.smooth-line-step'), sweep.at(w, 'step'), 1e-12, 'step cost');
      close(await numberAttr(page, '.smooth-line-smooth', 'data-slope'), sweep.slope(w, 'smooth'), 1e-9, 'smooth slope');
      return;
    };
    // The default weight: the steepest of the outputs' weights for this batch.
    const gradient = trainingSetAverage(engine.net, 'quadratic', takeFirst(engine.data.train, 100), 100).weightNudges[2].map(Math.abs);
    const i = gradient.indexOf(Math.max(...gradient));
    assert.equal(await attr(page, '.smooth-line-smooth', 'data-weight'), `3,${Math.floor(i / 16)},${i % 16}`);
    const w0 = await numberAttr(page, '.smooth-line-smooth', 'data-w');
    await page.locator('input[name="value"]').fill(String(w0 + 2));
    await page.waitForFunction((w) => Number(document.querySelector('.smooth-line-smooth')?.getAttribute('data-w')) !== w, w0);
    await check();
    // The staircase is flat along most of the range; the smooth cost has a slope all along.
    const [l, j, k] = (await attr(page, '.smooth-line-smooth', 'data-weight')).split(',').map(Number);
    const sweep = new WeightSweep(engine.net, 'quadratic', takeFirst(engine.data.train, 100), { layer: l, neuron: j, from: k }, 100);
    const xs = evenly(sweep.original - 6, sweep.original + 6, 61);
    assert.ok(xs.filter((x) => sweep.slope(x, 'step') === 0).length > 50);
    await page.selectOption('select[name="layer"]', '1');
    await page.waitForFunction(() => document.querySelector('.smooth-line-smooth')?.getAttribute('data-weight')?.startsWith('1,'));
    await check();
  },

  async train({ page, engine }) {
    await page.waitForSelector('.figure-body[data-ready="true"]', { timeout: 120_000 });
    const rate = page.locator('input[name="watch-rate"]');
    await rate.fill('30');
    await page.locator('.train-buttons [data-action="toggle"]').click();
    await page.waitForFunction(() => Number(document.querySelector('.train-progress')?.getAttribute('data-batches')) >= 12, undefined, { timeout: 60_000 });
    await page.locator('.train-buttons [data-action="toggle"]').click();
    await page.waitForSelector('.train-buttons [data-running="false"]');
    // The last step asked for arrives and is drawn: the figure settles on one mini-batch.
    await page.waitForFunction(() => {
      const b = document.querySelector('.train-progress')?.getAttribute('data-batches');
      return b === document.querySelector('.train-progress')?.getAttribute('data-test-batches') && b === document.querySelector('.answer-cell [data-batches]')?.getAttribute('data-batches');
    });
    await page.waitForTimeout(400);
    await page.waitForFunction(() => {
      const b = document.querySelector('.train-progress')?.getAttribute('data-batches');
      return b === document.querySelector('.train-progress')?.getAttribute('data-test-batches') && b === document.querySelector('.answer-cell [data-batches]')?.getAttribute('data-batches');
    });
    const batches = await numberAttr(page, '.train-progress', 'data-batches');
    const seed = await numberAttr(page, '.train-progress', 'data-seed');
    const { network, accuracy } = engine.trained(seed, batches);
    assert.equal(await numberAttr(page, '.train-progress', 'data-accuracy'), accuracy, `test accuracy after ${batches} mini-batches`);
    const out = answerOf(network, await pageInput(page)).outputs;
    assert.deepEqual(await numbers(page, '.answer-cell [data-batches]'), out, `the digit's outputs after ${batches} mini-batches`);
    // Full speed for a few seconds: the accuracy rises.
    await page.selectOption('select[name="pace"]', 'full');
    await page.locator('.train-buttons [data-action="toggle"]').click();
    await page.waitForFunction((b) => Number(document.querySelector('.train-progress')?.getAttribute('data-batches')) > b + 600, batches, { timeout: 120_000 });
    await page.locator('.train-buttons [data-action="toggle"]').click();
    await page.waitForSelector('.train-buttons [data-running="false"]');
    await page.waitForTimeout(500);
    const later = await numberAttr(page, '.train-progress', 'data-accuracy');
    assert.ok(later > accuracy && later > 0.8, `test accuracy rose: ${accuracy} → ${later}`);
  },

  async 'first-layer'({ page, engine }) {
    assert.equal(await page.locator('.first-layer-after').isHidden(), true);
    const judge = (s: number, l: number): number => (s < 0.2 ? 2 : l > 0.6 ? 0 : 1);
    await answer(page, 0);
    // The learner's own run (the default after training): judged by its own measures.
    const [s1, l1] = await numbers(page, '.pattern-measures table');
    assert.equal(await result(page), judge(s1, l1));
    // The pretrained network: its measures and accuracy are the engine's.
    const before = await reveal(page);
    await page.selectOption('select[name="network"]', 'pretrained');
    await revealChanges(page, before);
    const patterns = layerPatterns(engine.net.weights[0], 16, usedPixels(engine.data.test));
    assert.deepEqual(await numbers(page, '.pattern-measures table'), [patterns.medianSmoothness, patterns.medianLocality]);
    assert.equal(await numberAttr(page, '.pattern-measures table', 'data-accuracy'), evaluateNetwork(engine.net, engine.data.test).accuracy);
    assert.equal(await result(page), judge(patterns.medianSmoothness, patterns.medianLocality));
    assert.equal(await result(page), 1, 'blurry blobs, not edges');
  },

  async noise({ page, engine }) {
    assert.equal(await page.locator('.noise-output .tiles').count(), 0, 'nothing before the guess');
    const check = async (seed: number): Promise<void> => {
      const r = engine.noise(seed);
      const u = r.uniform;
      assert.equal(await numberAttr(page, '.noise-output', 'data-seed'), seed);
      assert.deepEqual(await numbers(page, '.noise-output'), [u.meanConfidence, u.confident90, u.answerCounts.indexOf(Math.max(...u.answerCounts))]);
      assert.equal(await result(page), u.meanConfidence > 0.5 ? 2 : u.meanConfidence < 0.2 ? 0 : 1);
    };
    await answer(page, 0);
    await page.waitForSelector('.noise-output[data-value]', { timeout: 60_000 });
    await check(1);
    const before = await reveal(page);
    await page.locator('.figure-body > button').click();
    await revealChanges(page, before);
    await check(2);
    // A scribble gets an answer, too.
    await stroke(page, ONE, '.scribble-pad');
    const out = await numbers(page, '.scribble [data-value]');
    assert.equal(out.length, 10);
  },

  async shuffled({ page, engine, reseed }) {
    const check = async (seed: number): Promise<void> => {
      const r = engine.shuffled(seed);
      await page.waitForFunction((s) => document.querySelector('.shuffled-output')?.getAttribute('data-seed') === String(s), seed, { timeout: 180_000 });
      assert.deepEqual(await numbers(page, '.shuffled-output'), [r.random.trainAccuracy.at(-1), r.random.testAccuracy.at(-1), r.real.testAccuracy.at(-1)]);
      const train = r.random.trainAccuracy.at(-1) ?? 0;
      assert.equal(await result(page), train <= 0.2 ? 0 : train >= 0.35 && train <= 0.65 ? 1 : train >= 0.85 ? 2 : -1);
    };
    await answer(page, 0, 180_000);
    await check(1);
    assert.equal(await result(page), 2, 'memorised: nearly all');
    if (!reseed) return;
    const before = await reveal(page);
    await page.locator('.seed-field button').click();
    await revealChanges(page, before, 180_000);
    await check(2);
  },
};
