import { type SgdArrival, sgdArrival } from '../../../../explain/sgd-arrival.js';
import { SGD_PATH_DEFAULTS, type SgdPathResult } from '../../../../explain/sgd-path.js';
import { SEED_SETTINGS } from '../../../../train/settings.js';
import { EXPLAIN_MESSAGES } from '../../../components/explain/messages.js';
import { SgdPathPanel, type SgdPathRunner, type SgdPathState } from '../../../components/explain/sgd-path-panel.js';
import { el } from '../../../components/figure-parts.js';
import { fill, Translator } from '../../../shared/i18n.js';
import { Store } from '../../../shared/store.js';
import type { Section } from '../chapter.js';
import { sgdPathInWorker } from '../../../shared/sgd-path-client.js';
import { counted } from '../chapter2/words.js';

/** The mini-batch size of `sgdPath` (its default, which the panel's runs use). */
const BATCH = SGD_PATH_DEFAULTS.batch;
/** The course's run: smaller than How it learns' default so it finishes in seconds. */
const COURSE_RUN: SgdPathState = { subset: 1000, fullSteps: 50, epochs: 10, sgdRate: SEED_SETTINGS.learningRate, grid: 15 };

/** The computed answer: who reached the cost both reach, in images looked at, on how many training images. */
export interface MiniBatchResult extends SgdArrival {
  readonly trainCount: number;
}

/** Mini-batches first when they needed fewer images, full batches when they did, together when the same. */
export function judgeMiniBatch(r: MiniBatchResult): number {
  return r.sgdExamples === r.fullExamples ? 2 : r.sgdExamples < r.fullExamples ? 1 : 0;
}

/**
 * Mini-batches, a drunk fast walk (stochastic gradient descent): How it learns' SGD-path figure (`SgdPathPanel`) —
 * full-batch gradient descent and mini-batch SGD from one start on the first training images,
 * both paths over the cost on their principal plane and both costs against the images looked
 * at — run in this section's Worker once the learner has guessed. The answer is `sgdArrival`:
 * the images each needed to reach the cost both reach. Every new run (other settings) reports anew.
 */
export const miniBatch: Section<MiniBatchResult> = {
  id: 'mini-batch',
  deeper: { view: 'explain', hash: 'view=sgd' },
  cli: `npx digitlab explain sgd-path --subset ${COURSE_RUN.subset} --full-steps ${COURSE_RUN.fullSteps} --epochs ${COURSE_RUN.epochs} --grid ${COURSE_RUN.grid}`,
  textValues: async (ctx) => {
    const train = await ctx.trainingSet();
    return { images: ctx.num(train.count), batch: BATCH, ratio: ctx.num(train.count / BATCH), subset: ctx.num(COURSE_RUN.subset) };
  },
  question: {
    judge: judgeMiniBatch,
    values: (r, ctx) => {
      const judged = judgeMiniBatch(r);
      return {
        target: ctx.num(r.target, 3),
        sgdExamples: counted(ctx, 'images', r.sgdExamples),
        fullExamples: counted(ctx, 'images', r.fullExamples),
        ratio: ctx.num(r.ratio, 1),
        after: fill(ctx.words[judged === 1 ? 'afterMini' : judged === 0 ? 'afterFull' : 'afterSame'], { n: ctx.num(r.trainCount), batch: BATCH, steps: ctx.num(r.trainCount / BATCH) }),
      };
    },
  },
  async mount(host, ctx) {
    const kept = ctx.keep('run', () => ({ store: new Store<SgdPathState>({ ...COURSE_RUN }), last: null as { key: string; reply: Awaited<ReturnType<SgdPathRunner>> } | null }));
    const intro = el('p', 'sgd-intro', ctx.f('intro', { n: ctx.num(kept.store.state.subset), batch: BATCH }));
    const root = el('div', 'explorable sgd-explorable');
    const summary = el('p', 'sgd-arrival');
    host.append(intro, root, summary);
    const report = (result: SgdPathResult, n: number): void => {
      const r: MiniBatchResult = { ...sgdArrival(result), trainCount: n };
      summary.textContent = ctx.f('arrival', { target: ctx.num(r.target, 3), sgd: counted(ctx, 'images', r.sgdExamples), sgdSteps: counted(ctx, 'steps', r.sgdSteps), full: counted(ctx, 'images', r.fullExamples), fullSteps: counted(ctx, 'steps', r.fullSteps) });
      summary.dataset.name = 'arrival';
      summary.dataset.value = JSON.stringify(r);
      ctx.question.report(r);
      ctx.done();
    };
    // The panel's runner: the shared SGD-path Worker (a new one per run, ended with the section), its phases in the course's words; the last run's reply is reused for the same job.
    const inWorker = sgdPathInWorker((make) => ctx.worker(make));
    const runner: SgdPathRunner = async (job, onProgress) => {
      const key = JSON.stringify([job.labels.length, job.fullSteps, job.epochs, job.learningRate, job.grid]);
      const n = job.labels.length;
      if (kept.last?.key === key) {
        report(kept.last.reply.result, n);
        return kept.last.reply;
      }
      ctx.question.report(null);
      summary.textContent = '';
      const m = await inWorker(job, (_message, phase) => onProgress(ctx.f(`phase-${phase}`)));
      const reply = { result: m.result, backend: ctx.f(m.fast ? 'fastBackend' : 'referenceBackend'), seconds: m.seconds };
      kept.last = { key, reply };
      report(m.result, n);
      return reply;
    };
    const panel = new SgdPathPanel(root, kept.store, new Translator(EXPLAIN_MESSAGES, ctx.language), runner);
    panel.setLanguage(new Translator(EXPLAIN_MESSAGES, ctx.language));
    ctx.question.hideUntilAnswered(root, summary);
    // The training images and the first run wait for the learner's guess.
    ctx.question.whenAnswered(() => {
      panel.setStatus(ctx.f('loading'));
      void ctx.trainingSet().then((train) => {
        if (ctx.signal.aborted) return;
        // Given the set while hidden, the panel skips How it learns' quick run: the course runs its own settings.
        root.hidden = true;
        panel.setTrainingSet(train);
        root.hidden = false;
        root.querySelector<HTMLButtonElement>('#sgd-run')?.click();
      });
    });
  },
};
