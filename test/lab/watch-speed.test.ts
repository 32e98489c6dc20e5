import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage, RESULTS_DIR, useSuite, pageHref } from './harness.js';

type DrawLog = Record<'network' | 'outputs' | 'weights' | 'cost' | 'accuracy' | 'status', number[]>;

const VIEWS = ['network', 'outputs', 'weights', 'cost', 'accuracy', 'status'] as const;
const batches = (page: Page): Promise<number> => page.evaluate(() => Number(document.body.dataset.batches ?? 0));
const drawLog = (page: Page): Promise<DrawLog> => page.evaluate<DrawLog>('window.digitlab.drawLog()');

/** The page's record of what each view drew (window.digitlab.drawLog, the Lab's test hook). */
type Hooked = { digitlab: { drawLog(): DrawLog } };

/** Waits until every view has drawn mini-batch step `step` (what the page shows, not a sleep). */
function drawnByEveryView(page: Page, step: number): Promise<unknown> {
  return page.waitForFunction(
    ({ views, step }) => {
      const log = (window as unknown as Hooked).digitlab.drawLog();
      return views.every((view) => log[view].includes(step));
    },
    { views: [...VIEWS], step },
    { timeout: 60_000 },
  );
}

/** Waits until a stopped run has shown its last step: the network drawn is the one trained, and every view drew it. */
async function settled(page: Page): Promise<number> {
  await page.waitForFunction(() => document.body.dataset.running === 'false' && document.body.dataset.snapshotBatches === document.body.dataset.batches, undefined, { timeout: 60_000 });
  const steps = await batches(page);
  await drawnByEveryView(page, steps);
  return steps;
}

describe('live training at watch speed and at full speed', { timeout: 300_000 }, () => {
  const suite = useSuite();

  // How smoothly the page draws (frames per second while training) is measured by bench/lab-frames.ts.
  it('watch speed: every view draws every mini-batch step, a few steps a second', async () => {
    const page = await openPage(suite.browser, `${suite.base}#pace=watch&rate=5&test=0`);
    assert.equal(await page.locator('select[name="pace"]').inputValue(), 'watch', 'the address set the pace');
    assert.equal(await page.locator('input[name="watch-rate"]').inputValue(), '5');
    await page.evaluate('window.digitlab.clearDrawLog()');
    const t0 = Date.now();
    await page.locator('[data-command="toggle"]').click();
    await page.waitForSelector('body[data-running="true"]');
    await page.waitForFunction(() => Number(document.body.dataset.batches) >= 20, undefined, { timeout: 60_000 });
    assert.match((await page.locator('#watch-status').textContent()) ?? '', /Watch speed \(5 steps\/s\)/);
    await page.locator('.training').screenshot({ path: join(RESULTS_DIR, 'lab-watch-speed.png') });
    await page.locator('[data-command="toggle"]').click();
    await page.waitForSelector('body[data-running="false"]');
    const seconds = (Date.now() - t0) / 1000;
    const steps = await settled(page);
    const log = await drawLog(page);
    console.log(`# watch speed: ${steps} steps in ${seconds.toFixed(1)} s (asked: 5/s); draws per view: ${Object.entries(log).map(([v, l]) => `${v} ${l.length}`).join(', ')}`);
    // Every step 1 … steps was drawn by every view, not only the last.
    for (const view of VIEWS) {
      const drawn = new Set(log[view]);
      const missed = Array.from({ length: steps }, (_, i) => i + 1).filter((step) => !drawn.has(step));
      assert.deepEqual(missed, [], `${view}: steps never drawn`);
    }
    // Not faster than asked (a step a fifth of a second; a busy machine can only make it slower).
    assert.ok(steps <= 5 * seconds + 2, `${steps} steps in ${seconds.toFixed(1)} s at 5 steps/s`);
    // The network shown is the one trained: its snapshot is the last step.
    assert.equal(await page.evaluate(() => Number(document.body.dataset.snapshotBatches)), steps);
    await page.context().close();
  });

  it('full speed trains the seed network at epochs per second, with the charts sampled, and the pace switches mid-run', async () => {
    const page = await openPage(suite.browser, `${suite.base}#test=0`);
    assert.equal(await page.locator('select[name="pace"]').inputValue(), 'full', 'full speed is the Lab’s default');
    assert.ok(await page.locator('input[name="watch-rate"]').isDisabled(), 'the rate applies to watch speed only');
    await page.evaluate('window.digitlab.clearDrawLog()');
    await page.locator('[data-command="toggle"]').click();
    await page.waitForSelector('body[data-running="true"]');
    await page.waitForFunction(() => Number(document.body.dataset.batches) > 3000, undefined, { timeout: 60_000 });
    // The Worker reports its speed over the last second: wait until the readout shows one.
    await page.waitForFunction(() => /^[\d.]+ epochs\/s/.test(document.querySelector('#speed')?.textContent ?? ''), undefined, { timeout: 60_000 });
    const speed = (await page.locator('#speed').textContent()) ?? '';
    const epochsPerSecond = Number(/^([\d.]+) epochs\/s/.exec(speed)?.[1]);
    const log = await drawLog(page);
    const steps = await batches(page);
    assert.ok(log.cost.length < steps / 20, `full speed samples the curves (${log.cost.length} redraws for ${steps} steps)`);
    // Switch to watch speed without stopping: the run goes on, a step at a time, every step drawn.
    await page.selectOption('select[name="pace"]', 'watch');
    assert.match(await pageHref(page), /pace=watch/);
    await page.waitForFunction(() => /Watch speed \(4 steps\/s\)/.test(document.querySelector('#watch-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
    // Watch speed has begun when two steps in a row were drawn by every view (full speed draws
    // fewer than one step in twenty): `first` is the second of the first such pair.
    const switched = await batches(page);
    const pair = await page.waitForFunction(
      ({ views, switched }) => {
        const log = (window as unknown as Hooked).digitlab.drawLog();
        const found = log.network.filter((n) => n - 1 > switched && views.every((view) => log[view].includes(n) && log[view].includes(n - 1)));
        return found.length > 0 ? Math.min(...found) : 0;
      },
      { views: [...VIEWS], switched },
      { timeout: 60_000 },
    );
    const first = Number(await pair.jsonValue());
    const t0 = Date.now();
    for (let step = first + 1; step <= first + 3; step++) await drawnByEveryView(page, step);
    const seconds = (Date.now() - t0) / 1000;
    assert.equal(await page.evaluate(() => document.body.dataset.running), 'true');
    // The next three steps drawn one by one, and not faster than asked: three intervals of ¼ s
    // (less the page's polling, a frame at each end; a busy machine can only make it slower).
    assert.ok(seconds >= 0.9 * (3 / 4), `watch speed after the switch: 3 steps in ${seconds.toFixed(2)} s at 4 steps/s`);
    // And back to full speed.
    await page.selectOption('select[name="pace"]', 'full');
    await page.waitForFunction((n) => Number(document.body.dataset.batches) > n + 600, first + 3, { timeout: 60_000 });
    await page.locator('[data-command="toggle"]').click();
    await page.waitForSelector('body[data-running="false"]');
    console.log(`# full speed: "${speed}" for the seed network 784-16-16-10 (the Worker's own measure; bench/lab-worker.ts gives the number)`);
    // How fast is the benchmark's to say (bench/lab-worker.ts, on a quiet machine), not a
    // timed test's: here the page must report a speed, and it must be training.
    assert.ok(Number.isFinite(epochsPerSecond) && epochsPerSecond > 0, `full speed reports its epochs per second: "${speed}"`);
    await page.context().close();
  });
});
