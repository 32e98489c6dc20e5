// The Lab's training Worker trains a wide network (784-256-256-10, two Workers in a
// cross-origin isolated page) to the same bits as one thread in Node: the same settings and
// seed, five mini-batches (twelve with elastic augmentation, which the Worker distorts a batch
// ahead with the kernels' warp; six with dropout and label smoothing), weights and biases
// compared float for float. It talks to the built
// Worker through its message protocol (load, reset, step), as bench/lab-worker.ts does.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Server } from 'node:http';
import { loadMnist } from '../../src/data/idx-dir.js';
import { createFastBackend } from '../../src/fast/factory.js';
import { loadKernelsModule } from '../../src/fast/node.js';
import { resolveSettings } from '../../src/train/settings.js';
import { Trainer } from '../../src/train/trainer.js';
import type { ToWorker } from '../../src/lab/shared/worker-protocol.js';
import { BUILD_DIR, buildLab, launchChromium, startServer } from '../lab/harness.js';

describe('a wide network in the Lab Worker', { timeout: 240_000 }, () => {
  let server: Server;
  let url = '';
  let close: () => Promise<void>;
  let browser: Awaited<ReturnType<typeof launchChromium>>['browser'];
  before(async () => {
    buildLab();
    ({ server, url } = await startServer());
    ({ browser, close } = await launchChromium());
  });
  after(async () => {
    await close();
    server.close();
  });

  /** Trains `settings` for `steps` mini-batches in the Lab's Worker and in Node on one thread; the weights must agree bit for bit. */
  async function sameBits(settings: ReturnType<typeof resolveSettings>, steps: number): Promise<void> {
    const worker = readdirSync(join(BUILD_DIR, 'assets')).find((f) => /^training-worker.*\.js$/.test(f));
    assert.ok(worker, 'the built Lab has a training Worker');
    const page = await browser.newPage();
    await page.goto(url);
    assert.equal(await page.evaluate(() => crossOriginIsolated), true, 'the page may share memory between Workers');
    // The messages typed by the Worker's protocol, so a change of it fails to compile here.
    const load: ToWorker = { type: 'load', root: url, dataSet: 'mnist', fast: true };
    const reset: ToWorker = { type: 'reset', runs: [{ id: 'wide', request: settings }] };
    const step: ToWorker = { type: 'step', count: steps };
    const lab = await page.evaluate(
      async ({ workerUrl, load, reset, step, steps }) => {
        const w = new Worker(workerUrl, { type: 'module' });
        const result = await new Promise<{ backend: string; weights: number[][]; biases: number[][] }>((resolve, reject) => {
          let backend = '';
          w.onmessage = (e: MessageEvent<{ type: string; backend?: string; batches?: number; message?: string; snapshot?: { weights: Float32Array[]; biases: Float32Array[] } }>) => {
            const m = e.data;
            if (m.type === 'ready') {
              backend = m.backend ?? '';
              w.postMessage(reset);
              w.postMessage(step);
            } else if (m.type === 'snapshot' && m.batches === steps && m.snapshot) {
              resolve({ backend, weights: m.snapshot.weights.map((a) => Array.from(a)), biases: m.snapshot.biases.map((a) => Array.from(a)) });
            } else if (m.type === 'error') reject(new Error(m.message));
          };
          w.postMessage(load);
        });
        w.terminate();
        return result;
      },
      { workerUrl: `${url}assets/${worker}`, load, reset, step, steps },
    );
    await page.close();
    assert.equal(lab.backend, 'WebAssembly SIMD');
    const trainer = new Trainer(settings, await loadMnist(), { backend: createFastBackend(await loadKernelsModule()) });
    for (let i = 0; i < steps; i++) trainer.step();
    const expected = trainer.network();
    expected.weights.forEach((w, l) => assert.deepEqual(lab.weights[l], Array.from(w), `weights of layer ${l + 1}`));
    expected.biases.forEach((b, l) => assert.deepEqual(lab.biases[l], Array.from(b), `biases of layer ${l + 1}`));
    trainer.dispose();
  }

  it('gives the bits of a one-thread Node run after the same mini-batches', async () => {
    await sameBits(resolveSettings({ sizes: [784, 256, 256, 10], activation: 'relu', cost: 'cross-entropy', optimizer: 'adam', init: 'he', learningRate: 0.001, seed: 3 }), 5);
  });

  it('with elastic augmentation too (the next batch distorted ahead, in the Worker, by the kernels)', async () => {
    await sameBits(resolveSettings({ sizes: [784, 256, 256, 10], activation: 'relu', cost: 'cross-entropy', optimizer: 'adam', init: 'he', learningRate: 0.001, augment: 'elastic', seed: 4 }), 12);
  });

  it('with dropout (on the wide path, split between the Workers) and label smoothing too', async () => {
    await sameBits(resolveSettings({ sizes: [784, 256, 256, 10], activation: 'relu', cost: 'cross-entropy', optimizer: 'adam', init: 'he', learningRate: 0.001, dropout: 0.2, labelSmoothing: 0.1, seed: 5 }), 6);
  });
});
