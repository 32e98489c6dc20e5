// `node --import tsx bench/lab-worker.ts [--root DIR] [--hidden 256,256] [--seconds 20]`:
// the Lab's training Worker's speed in headless Chromium, in epochs per second as the
// Worker itself reports them ('progress' messages), for the seed's recipe with the given
// hidden layers. It talks to the built Worker through its message protocol only (load,
// reset, start), so it measures the Worker whatever the page around it looks like. `--root`
// names another checkout to build and measure (e.g. an export of an older commit).
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzippedMnistDir } from '../src/server/gzipped-mnist.js';
import { resolveSettings } from '../src/train/settings.js';
import { withBuiltLab } from './built-lab.js';
import { ROOT } from './children.js';
import { median } from './measurement.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const root = resolve(option('root', ROOT));
const hidden = option('hidden', '256,256').split(',').map(Number);
const seconds = Number(option('seconds', '20'));
const extra = JSON.parse(option('settings', '{}')) as Record<string, unknown>;
const settings = resolveSettings({ sizes: [784, ...hidden, 10], ...extra });

await withBuiltLab(root, 'digitlab-lab-bench-', await gzippedMnistDir(), async ({ out, url, browser }) => {
  const worker = readdirSync(join(out, 'assets')).find((f) => /^training-worker.*\.js$/.test(f));
  if (!worker) throw new Error(`no training-worker asset in ${out}/assets`);
  const page = await browser.newPage();
  await page.goto(url);
  const speeds = await page.evaluate(
    async ({ workerUrl, root, settings, seconds }) => {
      const w = new Worker(workerUrl, { type: 'module' });
      const samples: number[] = [];
      let backend = '';
      await new Promise<void>((done, fail) => {
        let started = 0;
        w.onmessage = (e: MessageEvent<{ type: string; backend?: string; epochsPerSecond?: number; message?: string }>) => {
          const m = e.data;
          if (m.type === 'ready') {
            backend = m.backend ?? '';
            w.postMessage({ type: 'reset', runs: [{ id: 'bench', request: settings }] });
            w.postMessage({ type: 'start' });
            started = performance.now();
          } else if (m.type === 'progress' && started > 0) {
            // The first 3 s are warm-up (and dense early test-set evaluations).
            if (performance.now() - started > 3000) samples.push(m.epochsPerSecond ?? 0);
            if (performance.now() - started > seconds * 1000) done();
          } else if (m.type === 'error') fail(new Error(m.message));
        };
        w.postMessage({ type: 'load', root, dataSet: 'mnist', fast: true });
      });
      w.terminate();
      return { samples, backend };
    },
    { workerUrl: `${url}assets/${worker}`, root: url, settings, seconds },
  );
  console.log(JSON.stringify({ sizes: settings.sizes.join("-"), backend: speeds.backend, epochsPerSecond: +median(speeds.samples).toFixed(3), samples: speeds.samples.length, last: speeds.samples.slice(-5).map((x) => +x.toFixed(3)) }));
});
