import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { RESULTS_DIR, scrollTo, useSuite, screenContext, SCREENS } from './harness.js';
import { ONE, stroke } from './pointer.js';

/**
 * Screenshots of what this round changed, at desktop and phone width, in English and Russian
 * (test-results/changed-*.png), for people to look at: the speed control and the log-axis
 * charts while training at watch speed, the enlarged weights with their gradients, the
 * Experiments panels' quick runs, the nudges down to the pixels and over the training set.
 * Each figure must fit the screen's width.
 */
describe('screenshots of the changed figures, desktop and phone, en and ru', { timeout: 900_000 }, () => {
  const suite = useSuite();

  async function shoot(page: Page, locator: Locator, file: string, width: number): Promise<void> {
    await locator.scrollIntoViewIfNeeded();
    const box = await locator.boundingBox();
    assert.ok(box && box.x >= -1 && box.x + box.width <= width + 1, `${file}: ${JSON.stringify(box)} within ${width} px`);
    await locator.screenshot({ path: join(RESULTS_DIR, `changed-${file}.png`) });
  }

  for (const screen of SCREENS) {
    for (const language of ['en', 'ru'] as const) {
      it(`${screen.name}, ${language}`, async () => {
        const context = await screenContext(suite.browser, screen, language);
        const errors: string[] = [];
        const tag = `${screen.name}-${language}`;
        const width = screen.viewport.width;
        // The Lab: a drawing, watch-speed training for a few steps, the charts, the weights with gradients.
        const lab = await context.newPage();
        lab.on('pageerror', (e) => errors.push(e.message));
        await lab.goto(`${suite.base}#lang=${language}&pace=watch&rate=8`);
        await lab.waitForSelector('body[data-ready="true"][data-model-ready="true"]', { timeout: 60_000 });
        // The first visit's invitation to the course, at the bottom of the window, would cover what the phone clicks there.
        await lab.locator('#course-invite button').click();
        await stroke(lab, ONE);
        await lab.locator('[data-command="toggle"]').click();
        await lab.waitForFunction(() => Number(document.body.dataset.batches) >= 24, undefined, { timeout: 60_000 });
        await shoot(lab, lab.locator('.training'), `lab-training-watch-${tag}`, width);
        await lab.locator('[data-command="toggle"]').click();
        await lab.locator('.weight-grid[data-neuron="3"]').click();
        await lab.locator('#weight-dialog canvas').focus();
        await lab.keyboard.press('ArrowDown');
        await shoot(lab, lab.locator('#weight-dialog'), `lab-weight-gradient-${tag}`, width);
        await lab.keyboard.press('Escape');
        await lab.locator('#pad').focus();
        await lab.keyboard.press('ArrowLeft');
        await shoot(lab, lab.locator('.panel.draw'), `lab-draw-pad-keyboard-${tag}`, width);
        await lab.close();
        // Experiments: quick runs on opening.
        const ex = await context.newPage();
        ex.on('pageerror', (e) => errors.push(e.message));
        await ex.goto(`${suite.base}experiments.html#lang=${language}`);
        await ex.waitForSelector('body[data-ready="true"]');
        for (const id of ['noise', 'neuron-inputs', 'activations']) {
          await scrollTo(ex, `section#${id}`);
          await ex.waitForSelector(`section#${id}[data-state="done"]`, { timeout: 180_000 });
          await shoot(ex, ex.locator(`section#${id}`), `experiment-${id}-quick-${tag}`, width);
        }
        await ex.close();
        // How it learns: the nudges, back to the pixels and over the training set.
        const explain = await context.newPage();
        explain.on('pageerror', (e) => errors.push(e.message));
        await explain.goto(`${suite.base}explain/#lang=${language}&view=nudges`);
        await explain.waitForSelector('#nudges-average[data-state="done"]', { timeout: 180_000 });
        await shoot(explain, explain.locator('#nudges-backward'), `nudges-backward-${tag}`, width);
        await shoot(explain, explain.locator('#nudges-average'), `nudges-average-${tag}`, width);
        await explain.close();
        await context.close();
        assert.deepEqual(errors, []);
      });
    }
  }
});
