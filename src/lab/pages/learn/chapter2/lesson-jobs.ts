import type { NoiseResult } from '../../../../experiments/noise.js';
import type { ShuffledLabelsOptions, ShuffledLabelsResult } from '../../../../experiments/shuffled-labels.js';
import type { TrainingCurves } from '../../../../experiments/training-curves.js';
import type { SectionContext } from '../chapter.js';
import { siteRoot } from '../../../site/site-root.js';

/** The average cost C over the training set of the untrained network (a seed) and of the trained one. */
export interface AverageCostResult {
  readonly count: number;
  readonly seed: number;
  readonly untrained: number;
  readonly trained: number;
}

/** A long computation of chapter 2, run in its Worker. */
export type LessonJob =
  | { readonly job: 'average-cost'; readonly seed: number }
  | { readonly job: 'noise'; readonly count: number; readonly seed: number }
  | { readonly job: 'shuffled'; readonly options: Partial<ShuffledLabelsOptions> };

/** Each job's result. */
export interface LessonResults {
  'average-cost': AverageCostResult;
  noise: NoiseResult;
  shuffled: ShuffledLabelsResult;
}

/** Page → Worker: the job and the site's root URL (MNIST in its data/, the pretrained model beside it). */
export type LessonRequest = LessonJob & { readonly root: string };

/** Worker → page. */
export type LessonMessage =
  | { readonly type: 'loading'; readonly fraction: number }
  | { readonly type: 'running' }
  | { readonly type: 'epoch'; readonly run: string; readonly epoch: number; readonly curves: TrainingCurves }
  | { readonly type: 'result'; readonly result: LessonResults[LessonJob['job']]; readonly seconds: number }
  | { readonly type: 'error'; readonly message: string };

/** How the page hears a job's progress. */
export interface JobHandlers<R> {
  readonly loading?: (fraction: number) => void;
  readonly running?: () => void;
  readonly epoch?: (run: string, epoch: number, curves: TrainingCurves) => void;
  readonly result: (result: R) => void;
  readonly error: (message: string) => void;
}

/** Runs `job` in a fresh Worker of the section (ended when the learner leaves, or when it is done). */
export function runJob<J extends LessonJob>(ctx: Pick<SectionContext, 'worker'>, job: J, on: JobHandlers<LessonResults[J['job']]>): Worker {
  const worker = ctx.worker(() => new Worker(new URL('./lesson-worker.ts', import.meta.url), { type: 'module', name: `digitlab-${job.job}` }));
  worker.onmessage = (event: MessageEvent<LessonMessage>) => {
    const m = event.data;
    if (m.type === 'loading') on.loading?.(m.fraction);
    else if (m.type === 'running') on.running?.();
    else if (m.type === 'epoch') on.epoch?.(m.run, m.epoch, m.curves);
    else if (m.type === 'result') {
      on.result(m.result as LessonResults[J['job']]);
      worker.terminate();
    } else on.error(m.message);
  };
  worker.onerror = (event) => on.error(event.message || 'the worker failed to start');
  const request: LessonRequest = { ...job, root: siteRoot() };
  worker.postMessage(request);
  return worker;
}
