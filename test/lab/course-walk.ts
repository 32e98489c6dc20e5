import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { parameterCount } from '../../src/core/network.js';
import { type RaceResult, raceWinner } from '../../src/lab/pages/learn/chapter1/race.js';
import { raceVerdict } from '../../src/lab/pages/learn/chapter1/race-verdict.js';
import { counted } from '../../src/lab/pages/learn/chapter2/words.js';
import { CHAPTER_1_EN } from '../../src/lab/pages/learn/text/chapter1.en.js';
import { CHAPTER_1_RU } from '../../src/lab/pages/learn/text/chapter1.ru.js';
import { fill, Translator } from '../../src/lab/shared/i18n.js';
import { answerOf, type Engine, meanWeightedSum, shareOn, testImage, trace } from './course-engine.js';
import { ONE, stroke } from './pointer.js';
import { close, numberAttr } from './page-values.js';

/**
 * What the course's browser test does in each section of chapter 1, and what it checks:
 * the learner's actions (draw with pointer events, pick, drag, paint, answer) and that every
 * number the figure shows is the engine's, recomputed in Node from the same 784 pixels and
 * the same model file.
 */
export interface WalkContext {
  readonly page: Page;
  readonly engine: Engine;
  /** The race's result for a seed, computed in Node. */
  readonly race: (seed: number) => RaceResult;
  readonly language: 'en' | 'ru';
}

/** What the test does in one section. */
export type Walk = (w: WalkContext) => Promise<void>;

/** The learner's 784 input pixels, as the page holds them. */
export async function pageInput(page: Page): Promise<number[]> {
  const input = await page.evaluate(() => (window as unknown as { digitlabCourse: { input(): number[] | null } }).digitlabCourse.input());
  assert.ok(input, 'the page has an input');
  assert.equal(input.length, 784);
  return input;
}


/** Answers the section's question with `choice` and returns the judged result the page shows. */
async function answer(page: Page, choice: number): Promise<number> {
  await page.locator(`#question button[data-choice="${choice}"]`).click();
  await page.waitForSelector('#question[data-result]', { timeout: 120_000 });
  return Number(await page.locator('#question').getAttribute('data-result'));
}

/** Waits until the question's judged result differs from `before`'s reveal text. */
async function revealChanges(page: Page, before: string): Promise<string> {
  await page.waitForFunction((text) => (document.querySelector('.question-reveal')?.textContent ?? '') !== text, before, { timeout: 60_000 });
  return (await page.locator('.question-reveal').textContent()) ?? '';
}

/** The detector's judge, from the means (the rule the page documents). */
function judgeDetector(seven: number, one: number): number {
  const scale = Math.max(Math.abs(seven), Math.abs(one));
  return scale === 0 || Math.abs(seven - one) <= 0.1 * scale ? 2 : seven > one ? 0 : 1;
}

/** Draws a 1 on the learner's pad and counts the CSS transitions running right after (the light travelling). */
export async function transitionsAfterStroke(page: Page): Promise<number> {
  await page.locator('.learner-pad button', { hasText: /Clear|Очистить/ }).click();
  await stroke(page, ONE, '.learner-pad .draw-pad-canvas');
  return page.evaluate(() => document.getAnimations().filter((a) => a.constructor.name === 'CSSTransition').length);
}

/** Each section's walk: do what it asks, check its numbers. */
export const WALKS: Readonly<Record<string, Walk>> = {
  async pixels({ page }) {
    await page.locator('.learner-pad button', { hasText: /Clear|Очистить/ }).click();
    await stroke(page, ONE, '.learner-pad .draw-pad-canvas');
    const input = await pageInput(page);
    assert.ok(input.some((v) => v > 0), 'the drawing reached the input');
    const grid = page.locator('.activation-grid-canvas');
    await grid.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    const pixel = await numberAttr(page, '.activation-readout', 'data-pixel');
    assert.equal(pixel, 13 * 28 + 16, 'three steps right of the centre');
    close(await numberAttr(page, '.activation-readout'), input[pixel] / 255, 1e-12, 'the pixel readout');
    await page.locator('.label-picker button[data-label="1"]').click();
    await page.waitForFunction(() => /label=1/.test(location.hash) && /draw=/.test(location.hash));
  },
  async outputs({ page, engine }) {
    // Draw (what the section asks): the digit kept from before is replaced by a new stroke, and the live region speaks once it ends.
    await page.locator('.learner-pad button', { hasText: /Clear|Очистить/ }).click();
    await page.evaluate(() => {
      const live = document.querySelector('.answer-cell [aria-live]') as HTMLElement;
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      new MutationObserver(() => said.push(live.textContent ?? '')).observe(live, { childList: true, characterData: true, subtree: true });
    });
    await stroke(page, ONE, '.learner-pad .draw-pad-canvas');
    await page.waitForFunction(() => (window as unknown as { said: string[] }).said.length > 0);
    const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
    assert.equal(said.length, 1, `the live region speaks once, when the stroke ends, not on every frame: ${said.join(' | ')}`);
    const input = await pageInput(page);
    const shown = ((await page.locator('.answer-cell [data-value]').getAttribute('data-value')) ?? '').split(',').map(Number);
    const { outputs, answer } = answerOf(engine.net, input);
    assert.deepEqual(shown, outputs, 'the outputs the Lab shows for this input');
    assert.equal((await page.locator('#answer').textContent())?.trim(), String(answer));
  },
  async layers(w) {
    const { page, engine } = w;
    assert.equal(await page.locator('.network-view .neuron').count(), 42);
    assert.ok((await transitionsAfterStroke(page)) > 0, 'the light travels layer by layer');
    const neuron = page.locator('.network-view .neuron[data-layer="1"][data-neuron="3"]');
    await neuron.focus();
    const label = (await neuron.getAttribute('aria-label')) ?? '';
    // In the learner's language: a decimal comma in Russian.
    const z = Number(/z = ([-−]?\d+[.,]\d+)/.exec(label)?.[1].replace(',', '.').replace('−', '-'));
    assert.match(label, w.language === 'ru' ? /^Скрытый слой 1, нейрон 3: z = −?\d+,\d+/ : /^Hidden layer 1, neuron 3: z = -?\d+\.\d+/, 'named as the text names it');
    close(z, trace(engine.net, await pageInput(page)).weightedInputs[0][3], 0.006, 'z of layer 1, neuron 3');
  },
  async hope({ page, engine }) {
    await page.locator('.figure-body > button').click();
    await page.waitForSelector('.overlap[data-value]');
    const nine = trace(engine.net, testImage(engine, engine.test.labels.indexOf(9))).activations[2];
    const eight = trace(engine.net, testImage(engine, engine.test.labels.indexOf(8))).activations[2];
    const both = [...nine.keys()].filter((j) => nine[j] > 0.5 && eight[j] > 0.5).length;
    assert.equal(await numberAttr(page, '.overlap'), both);
    assert.equal(await page.locator('.hope-cell').first().locator('.bulb.marked').count(), both);
  },
  async 'weighted-sum'({ page, engine }) {
    await page.selectOption('select[name="neuron"]', '5');
    await page.waitForSelector('.weighted-sum-line[data-neuron="5"]');
    const input = await pageInput(page);
    let sum = 0;
    for (let k = 0; k < 784; k++) sum += engine.net.weights[0][5 * 784 + k] * (input[k] / 255);
    close(await numberAttr(page, '.weighted-sum-line'), sum, 1e-9, 'Σ w·a of neuron 5');
    close(sum + engine.net.biases[0][5], trace(engine.net, input).weightedInputs[0][5], 1e-9, 'with the bias it is the engine’s z');
    assert.doesNotMatch((await page.locator('.weighted-sum-line').textContent()) ?? '', /\+\s*b\b/, 'no bias before it is introduced');
    await page.locator('.product-canvas[data-grid="product"]').focus();
    close(await numberAttr(page, '.product-readout'), engine.net.weights[0][5 * 784 + 406] * (input[406] / 255), 1e-9, 'w·a of the centre pixel');
  },
  async detector({ page, engine }) {
    assert.equal(await page.locator('.detector-means').isHidden(), true, 'the means are hidden before the guess');
    await page.locator('.weight-painter .preset').first().click();
    const top = new Float32Array(784);
    for (let y = 5; y <= 8; y++) for (let x = 6; x <= 21; x++) top[y * 28 + x] = 1;
    const result = await answer(page, 1);
    const [seven, one] = [meanWeightedSum(engine, top, 7), meanWeightedSum(engine, top, 1)];
    assert.equal(result, judgeDetector(seven, one));
    const [shownSeven, shownOne] = ((await page.locator('.detector-means').getAttribute('data-value')) ?? '').split(',').map(Number);
    close(shownSeven, seven, 1e-9, 'mean sum of the sevens');
    close(shownOne, one, 1e-9, 'mean sum of the ones');
    // Paint more: the result follows the weights.
    const before = (await page.locator('.question-reveal').textContent()) ?? '';
    const canvas = page.locator('.weight-painter-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.52, box.y + box.height * 0.95, { steps: 12 });
    await page.mouse.up();
    await revealChanges(page, before);
    const painted = ((await page.locator('.detector-means').getAttribute('data-value')) ?? '').split(',').map(Number);
    assert.notDeepEqual(painted, [shownSeven, shownOne]);
    assert.equal(Number(await page.locator('#question').getAttribute('data-result')), judgeDetector(painted[0], painted[1]));
  },
  async 'sigmoid-bias'({ page, engine }) {
    assert.equal(await page.locator('.bias-shares').isHidden(), true, 'the share is hidden before the guess');
    const result = await answer(page, 0);
    const share = shareOn(engine, 0, -10);
    close(await numberAttr(page, '.bias-shares'), share, 1e-12, 'share on at b = −10');
    assert.equal(result, share < 0.25 ? 0 : share > 0.75 ? 2 : 1);
    const before = (await page.locator('.question-reveal').textContent()) ?? '';
    await page.locator('input[name="bias"]').fill('10');
    await revealChanges(page, before);
    const higher = shareOn(engine, 0, 10);
    close(await numberAttr(page, '.bias-shares'), higher, 1e-12, 'share on at b = 10');
    assert.equal(Number(await page.locator('#question').getAttribute('data-result')), higher < 0.25 ? 0 : higher > 0.75 ? 2 : 1);
    const input = await pageInput(page);
    const z = trace(engine.net, input).weightedInputs[0][0] - engine.net.biases[0][0] + 10;
    close(await numberAttr(page, '.sigmoid-caption', 'data-z'), z, 1e-9, 'z on the curve');
  },
  async parameters({ page }) {
    assert.equal(await page.locator('.parameter-counts').isHidden(), true, 'the counts are hidden before the guess');
    const result = await answer(page, 1);
    const wide = parameterCount([784, 32, 32, 10]);
    assert.equal(await numberAttr(page, '.parameter-counts'), wide);
    const ratio = wide / parameterCount([784, 16, 16, 10]);
    const nearest = [2, 4, 1].map((c) => Math.abs(Math.log2(c) - Math.log2(ratio)));
    assert.equal(result, Math.min(...nearest) <= 0.5 ? nearest.indexOf(Math.min(...nearest)) : -1);
    await page.locator('input[name="layer-1"]').fill('128');
    await page.waitForFunction((n) => document.querySelector('.parameter-counts')?.getAttribute('data-value') === String(n), parameterCount([784, 128, 32, 10]));
    const bigger = parameterCount([784, 128, 32, 10]) / parameterCount([784, 16, 16, 10]);
    const again = [2, 4, 1].map((c) => Math.abs(Math.log2(c) - Math.log2(bigger)));
    const fits = Math.min(...again) <= 0.5 ? again.indexOf(Math.min(...again)) : -1;
    assert.equal(fits, -1, '128-32 is 8 times the parameters: none of the choices');
    assert.equal(Number(await page.locator('#question').getAttribute('data-result')), fits);
  },
  async matrix({ page, engine }) {
    // Follow one neuron's sum (what the section asks): the row of W by the keyboard.
    await page.locator('.matrix-canvas').focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForSelector('.matrix-table tr.chosen[data-neuron="1"]');
    const a1 = trace(engine.net, await pageInput(page)).activations[1];
    const cells = await page.locator('.matrix-table td[data-name="activation"]').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
    assert.equal(cells.length, 16);
    cells.forEach((a, j) => close(a, a1[j], 1e-12, `a′ of neuron ${j}`));
    assert.ok((await numberAttr(page, '.matrix-check')) < 1e-12);
  },
  async function({ page, engine }) {
    await page.locator('input[name="value"]').fill('5');
    const net = engine.net.clone();
    net.biases[2][0] = 5;
    const out = answerOf(net, await pageInput(page)).outputs;
    const shown = ((await page.locator('.answer-cell [data-value]').getAttribute('data-value')) ?? '').split(',').map(Number);
    assert.deepEqual(shown, out, 'the outputs with b³₀ = 5');
    await page.locator('.function-cell button').click();
  },
  async relu(w) {
    const { page, race } = w;
    const result = await answer(page, 1);
    const expected = race(1);
    const deep = expected.races.find((r) => r.network === 'deep');
    assert.ok(deep);
    const winner = raceWinner(deep);
    assert.equal(result, winner === 'sigmoid' ? 0 : winner === 'relu' ? 1 : winner === 'tie' ? 2 : -1);
    assert.equal(await page.locator('#question').getAttribute('data-undecided'), winner === 'none' ? 'true' : null);
    await raceNumbers(w, expected);
    // Another seed, another race (once: it trains four networks again).
    if (w.language === 'en') await raceWithSeed(w, 2);
  },
};

/** Every network's table matches Node's race, and the reveal is the verdict built from Node's numbers. */
async function raceNumbers(w: WalkContext, expected: RaceResult): Promise<void> {
  const { page } = w;
  for (const r of expected.races)
    for (const run of r.runs) assert.equal(await numberAttr(page, `.race-network[data-network="${r.network}"] .race-summary tr[data-activation="${run.activation}"] td[data-name="examplesToTarget"]`), run.examplesToTarget ?? NaN, `${r.network} ${run.activation}`);
  const text = (w.language === 'en' ? CHAPTER_1_EN : CHAPTER_1_RU);
  const tr = new Translator({ en: {}, ru: {} }, w.language);
  const words = { f: (key: string, values?: Parameters<typeof fill>[1]) => fill(text.sections.relu.figure?.[key] ?? key, values), num: tr.num, pct: tr.pct, count: (key: string, n: number) => counted({ words: text.words ?? {}, language: w.language, num: tr.num }, key, n) };
  await page.waitForFunction((want) => document.querySelector('.question-reveal')?.textContent === want, fill(text.sections.relu.question?.reveal ?? '', raceVerdict(expected, words)), { timeout: 30_000 });
}

/** The race again with another seed: the page's numbers follow the seed, and match Node's. */
async function raceWithSeed(w: WalkContext, seed: number): Promise<void> {
  const { page } = w;
  const before = (await page.locator('.question-reveal').textContent()) ?? '';
  await page.locator('input[name="seed"]').fill(String(seed));
  await page.locator('.race-again button').click();
  const expected = w.race(seed);
  await page.waitForSelector('.race-summary tr', { timeout: 120_000 });
  await raceNumbers(w, expected);
  assert.notEqual((await page.locator('.question-reveal').textContent()) ?? '', before, 'another seed, another verdict');
}
