// `node --import tsx bench/finetune-worker.ts [--digits 100] [--runs 5]`: how long fine-tuning
// the pretrained network on a learner's digits takes in the "Your handwriting" page's Worker
// (headless Chromium, WebAssembly kernels), as the Worker itself measures it (the run alone:
// MNIST is loaded before the first run is timed), alternating with the same run in Node
// (fineTuneDigits on the fast backend, as `digitlab finetune` runs it) on the same digits, so
// the two can be compared as a ratio on a busy machine. The digits are drawn through the page's
// pad (prepared strokes, slanted ten ways) and kept in its IndexedDB.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { loadMnist } from '../src/data/idx-dir.js';
import { datasetFromImages } from '../src/data/image-set.js';
import { fastBackendFactory } from '../src/fast/node.js';
import { loadModel } from '../src/model/model-io.js';
import { fineTuneDigits, fineTuneSettings } from '../src/train/finetune.js';
import { digitStrokes } from '../test/lab/digit-strokes.js';
import { gzippedMnistDir } from '../src/server/gzipped-mnist.js';
import { withBuiltLab } from './built-lab.js';
import { ROOT } from './children.js';
import { median } from './measurement.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const count = Number(option('digits', '100'));
const runs = Number(option('runs', '5'));

type Hook = { digitlabDigits: { addDrawing(s: number[][][], l: number): Promise<void>; digits(): { label: number; input: number[] }[]; fineTunedModel(): string | null } };

await withBuiltLab(ROOT, 'digitlab-finetune-bench-', await gzippedMnistDir(), async ({ url, browser }) => {
  const page = await browser.newPage();
  await page.goto(`${url}digits/#lang=en`);
  await page.waitForSelector('body[data-ready="true"]');
  for (let i = 0; i < count; i++) {
    const digit = i % 10;
    const slant = -0.2 + 0.04 * Math.floor(i / 10);
    await page.evaluate(([s, l]) => (window as unknown as Hook).digitlabDigits.addDrawing(s, l), [digitStrokes(digit, slant), digit] as const);
  }
  const digits = await page.evaluate(() => (window as unknown as Hook).digitlabDigits.digits());
  const data = datasetFromImages(digits.map((d) => ({ pixels: Uint8Array.from(d.input), label: d.label })));
  const [base, mnist] = await Promise.all([loadModel(join(ROOT, 'models/pretrained.json')), loadMnist()]);
  // The backend `digitlab finetune` picks: given the run's settings (one thread for this network).
  const backend = await fastBackendFactory(fineTuneSettings(base));
  const worker: number[] = [];
  const node: number[] = [];
  let previous: string | null = null;
  // One untimed Worker run first: it loads MNIST (55 MB) and compiles the kernels.
  for (let run = 0; run <= runs; run++) {
    await page.locator('#fine-tune-seed').fill(String(run + 1));
    await page.locator('#fine-tune').click();
    await page.waitForFunction((old) => {
      const text = (window as unknown as Hook).digitlabDigits.fineTunedModel();
      return text !== null && text !== old && document.querySelector('.fine-tune-time') !== null;
    }, previous, { timeout: 300_000 });
    previous = await page.evaluate(() => (window as unknown as Hook).digitlabDigits.fineTunedModel());
    const seconds = Number(await page.locator('.fine-tune-time').getAttribute('data-seconds'));
    const started = performance.now();
    await fineTuneDigits(base, data, mnist, { seed: run + 1 }, { backend });
    const nodeSeconds = (performance.now() - started) / 1000;
    if (run === 0) continue;
    worker.push(seconds);
    node.push(nodeSeconds);
  }
  const round = (x: number): number => +x.toFixed(3);
  console.log(
    JSON.stringify({
      digits: data.count,
      workerSeconds: round(median(worker)),
      nodeSeconds: round(median(node)),
      workerOverNode: round(median(worker.map((w, i) => w / node[i]))),
      worker: worker.map(round),
      node: node.map(round),
      loadAverage: loadavg().map(round),
    }),
  );
});
