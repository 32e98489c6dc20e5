import { availableParallelism } from 'node:os';
import type { Dataset } from '../../data/dataset.js';
import { DigitlabError } from '../../errors.js';
import { type CurvePlan, type CurveRun, type TrainingCurves, trainInTurn } from '../../experiments/training-curves.js';
import { startModuleWorker } from '../../fast/node-worker.js';
import { type BackendChoice, backendFactory } from '../backend-choice.js';

/** What the main thread sends a run worker (run-worker.ts). */
export interface RunRequest {
  readonly run: CurveRun;
  readonly backend: BackendChoice;
}

/** What a run worker answers: after each epoch, then once the curves or the error. */
export type RunReply =
  | { readonly type: 'epoch'; readonly epoch: number; readonly curves: TrainingCurves }
  | { readonly type: 'done'; readonly curves: TrainingCurves }
  | { readonly type: 'error'; readonly message: string; readonly known: boolean };

/**
 * Trains an experiment's independent runs at once, each on a worker thread of its own with the
 * fast kernels on that thread alone (or the reference backend), as many at a time as there
 * are cores; with one run or one core, in turn on this thread (wide networks then split each
 * batch over two threads). Two runs side by side keep both cores busy without the meetings
 * a shared batch needs between its layers: `digitlab experiment shuffled-labels` took 8.9 s
 * (median of 7; 8.5–10.2) against 11.8 s (7.9–12.5) one run after the other on two threads.
 * A run's curves are the same bits either way (one thread or two); only their seconds differ.
 */
export async function trainRuns<R>(plan: CurvePlan<R>, backend: BackendChoice, onEpoch?: (run: string, epoch: number, curves: TrainingCurves) => void): Promise<R> {
  const { runs } = plan;
  const slots = Math.min(runs.length, availableParallelism());
  if (slots < 2) return trainInTurn(plan, { backend: await backendFactory(backend, runs[0].settings), onEpoch });
  const curves: TrainingCurves[] = new Array<TrainingCurves>(runs.length);
  let next = 0;
  const stops: (() => void)[] = [];
  const lane = async (): Promise<void> => {
    while (next < runs.length) {
      const i = next++;
      curves[i] = await trainInWorker(runs[i], backend, (e, c) => onEpoch?.(runs[i].name, e, c), stops);
    }
  };
  try {
    await Promise.all(Array.from({ length: slots }, lane));
  } catch (e) {
    // One run failed: the others are not waited for.
    for (const stop of stops) stop();
    throw e;
  }
  return plan.finish(curves);
}

/** One run on a fresh worker thread; rejects with the run's error (a `DigitlabError` when it was one). */
function trainInWorker(run: CurveRun, backend: BackendChoice, onEpoch: (epoch: number, curves: TrainingCurves) => void, stops: (() => void)[]): Promise<TrainingCurves> {
  const worker = startModuleWorker(import.meta.url, './run-worker');
  stops.push(() => void worker.terminate());
  return new Promise<TrainingCurves>((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | null, curves?: TrainingCurves): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve(curves as TrainingCurves);
    };
    worker.on('message', (m: RunReply) => {
      if (m.type === 'epoch') onEpoch(m.epoch, m.curves);
      else if (m.type === 'done') settle(null, m.curves);
      else settle(m.known ? new DigitlabError(m.message) : new Error(m.message));
    });
    worker.once('error', (e) => settle(e));
    worker.once('exit', (code) => settle(new Error(`the training thread of run "${run.name}" stopped (exit code ${code}) before it finished`)));
    // Views (the first n images) would carry their whole buffers along: send copies of the bytes used.
    const request: RunRequest = { run: { ...run, data: { ...run.data, train: compact(run.data.train), test: compact(run.data.test) } }, backend };
    worker.postMessage(request);
  });
}

/** The data set with its bytes in buffers of their own, no larger than they need be. */
function compact(d: Dataset): Dataset {
  return { ...d, images: d.images.slice(), labels: d.labels.slice() };
}
