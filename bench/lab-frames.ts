// `node --import tsx bench/lab-frames.ts [--json]`: the Lab page's frame rate in headless
// Chromium — idle, while the Worker trains at full speed, and at watch speed (5 steps a second,
// every view redrawn after each step) — as requestAnimationFrame callbacks per second over 3 s.
// The goal is 50 frames a second in all three on an unloaded machine (the page stays live while
// it trains); the machine's load average is printed beside the numbers, since a page gets only
// the time slices other programs leave it. The browser tests check what the page shows; how
// smoothly it shows it is measured here.
import { availableParallelism, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { openPage, startSuite } from '../test/lab/harness.js';

/** Frames per second over 3 s of requestAnimationFrame, as a string to evaluate in a page (tsx would add helpers to a function). */
const MEASURE_FPS = `new Promise((resolve) => {
  let frames = 0;
  const t0 = performance.now();
  const tick = (now) => {
    frames++;
    if (now - t0 < 3000) requestAnimationFrame(tick);
    else resolve((frames * 1000) / (now - t0));
  };
  requestAnimationFrame(tick);
})`;

/** What an unloaded machine shows and the Lab aims for. */
const GOAL_FPS = 50;

const { base, browser, close } = await startSuite();
try {
  const open = (hash: string): Promise<Page> => openPage(browser, `${base}${hash}`);
  const train = async (page: Page): Promise<number> => {
    await page.locator('[data-command="toggle"]').click();
    await page.waitForSelector('body[data-running="true"]');
    const fps = await page.evaluate<number>(MEASURE_FPS);
    await page.locator('[data-command="toggle"]').click();
    await page.waitForSelector('body[data-running="false"]');
    return fps;
  };

  const full = await open('#layers=16,16&activation=relu&cost=cross-entropy&init=he&optimizer=adam&lr=0.005&test=0');
  const idle = await full.evaluate<number>(MEASURE_FPS);
  const fullSpeed = await train(full);
  const watch = await open('#pace=watch&rate=5&test=0');
  const watchSpeed = await train(watch);

  const result = { idleFps: idle, fullSpeedFps: fullSpeed, watchSpeedFps: watchSpeed, goalFps: GOAL_FPS, loadAverage: loadavg()[0], cores: availableParallelism() };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    const line = (what: string, fps: number): string => `${what.padEnd(28)} ${fps.toFixed(1).padStart(6)} fps ${fps >= GOAL_FPS ? '' : `(below the ${GOAL_FPS} fps goal)`}`;
    console.log(line('idle', idle));
    console.log(line('training at full speed', fullSpeed));
    console.log(line('training at watch speed (5/s)', watchSpeed));
    console.log(`load average ${result.loadAverage.toFixed(1)} on ${result.cores} cores (above ${result.cores}, other programs take the page's time slices)`);
  }
} finally {
  await close();
}
