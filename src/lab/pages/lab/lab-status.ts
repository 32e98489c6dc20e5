import { shownBackendName } from '../../shared/backend-label.js';
import { diagnosisText } from '../../components/diagnosis-text.js';
import { dataSetSource, shownClassNames } from '../../shared/data-sets.js';
import type { Translator } from '../../shared/i18n.js';
import type { Store } from '../../shared/store.js';
import { setText } from './lab-figures.js';
import type { LabPageState } from './lab-store.js';
import type { MessageKey } from './messages.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/**
 * The Lab's lines of text about what is going on: the data set loading, the training status
 * and speed, errors, the compare note, the weights hint — and, for the browser tests, the
 * same facts as `data-*` attributes of <body> (`data-threads`: the threads the shown run
 * trains on; `data-training-data`: none, loading, ready or failed). All drawn from the store.
 */
export function mountStatus(store: Store<LabPageState>, tr: () => Translator<MessageKey>): void {
  const body = document.body;

  function status(): void {
    const s = store.state;
    const t = tr();
    const source = dataSetSource(s.dataSet);
    if (!s.workerReady) {
      setText($('status'), '');
      setText($('speed'), '');
      return;
    }
    const p = s.progress;
    const d = s.dataStatus;
    if (d?.kind === 'loading') {
      // The first Start fetches the training data: say so where the reader looks.
      setText($('status'), t.t('loadingData', { set: source.title, percent: `${Math.round(d.fraction * 100)} %` }));
    } else if (p === null) {
      const batches = s.runs ? t.num(Math.ceil(60000 / s.runs[0].settings.batchSize)) : '';
      setText($('status'), s.runs === null ? t.t('statusIdle') : !source.pretrained ? t.t('statusFresh', { set: source.title }) : t.t('status', { epoch: 1, batch: 0, batches, examples: 0 }));
    } else {
      setText($('status'), t.t('status', { epoch: p.epoch, batch: t.num(p.batch), batches: t.num(p.batchesPerEpoch), examples: t.num(p.examplesSeen) }));
    }
    const name = shownBackendName(s.backendName, t.language);
    const backend = p?.threads === 2 ? `${name}, ${t.t('twoThreads')}` : name;
    setText($('speed'), s.running && p ? t.t('speed', { eps: t.num(p.epochsPerSecond, 2), backend }) : '');
  }

  function dataStatus(): void {
    const s = store.state;
    const t = tr();
    const set = dataSetSource(s.dataSet).title;
    const d = s.dataStatus;
    // Loading and arrival are the status line's (training starts them); a failure shows here too, beside the test images.
    setText($('data-status'), d?.kind === 'failed' ? t.t('dataFailed', { set, message: d.message }) : '');
  }

  function error(): void {
    const e = store.state.error;
    const t = tr();
    const set = dataSetSource(store.state.dataSet).title;
    const text = e === null ? '' : e.kind === 'settings' ? t.t('badSettings', { message: e.message }) : e.kind === 'diverged' ? t.t('diverged', { message: e.message }) : e.kind === 'data' ? t.t('dataFailed', { set, message: e.message }) : e.message;
    setText($('training-error'), text);
  }

  /** Each run that stopped learning, in one line (named by its run when two train side by side). */
  function diagnosis(): void {
    const s = store.state;
    const t = tr();
    const names = shownClassNames(dataSetSource(s.dataSet), t.language);
    const lines = (s.runs ?? []).flatMap((run) => {
      const d = s.diagnoses[run.id];
      if (!d) return [];
      const text = diagnosisText(t.language, d, names);
      return [s.runs?.length === 2 ? `${t.t(run.id === 'sigmoid' ? 'sigmoidRun' : 'reluRun')}: ${text}` : text];
    });
    setText($('diagnosis'), lines.join(' '));
    body.dataset.diagnosed = Object.keys(s.diagnoses).join(' ');
  }

  function hint(): void {
    const t = tr();
    const [positive, negative] = store.state.palette === 'green-red' ? [t.t('green'), t.t('red')] : [t.t('blue'), t.t('orange')];
    setText($('weights-hint'), t.t('weightsHint', { positive, negative }));
  }

  function attributes(): void {
    const s = store.state;
    body.dataset.ready = String(s.workerReady);
    body.dataset.running = String(s.running);
    body.dataset.dataSet = s.dataSet;
    if (s.backendName) body.dataset.backend = s.backendName;
    if (s.progress) {
      body.dataset.batches = String(s.progress.batches);
      body.dataset.threads = String(s.progress.threads);
    }
    body.dataset.trainingData = s.dataStatus?.kind ?? 'none';
    if (s.lastTest) {
      body.dataset.testAccuracy = String(s.lastTest.accuracy);
      body.dataset.testBatches = String(s.lastTest.batches);
    }
    if (s.runNetwork) body.dataset.snapshotBatches = String(s.snapshotBatches);
    $('compare-note').hidden = s.runs?.length !== 2;
    $('training-form').querySelector<HTMLButtonElement>('[data-command="pretrained"]')?.toggleAttribute('disabled', !dataSetSource(s.dataSet).pretrained);
  }

  store.watch(['workerReady', 'progress', 'runs', 'running', 'dataSet', 'dataStatus', 'language'], status);
  store.watch(['dataStatus', 'language'], dataStatus);
  store.watch(['error', 'language'], error);
  store.watch(['diagnoses', 'runs', 'language'], diagnosis);
  store.watch(['palette', 'language'], hint);
  store.watch(['workerReady', 'running', 'dataSet', 'dataStatus', 'backendName', 'progress', 'lastTest', 'snapshotBatches', 'runNetwork', 'runs'], attributes);
  for (const draw of [status, dataStatus, error, diagnosis, hint, attributes]) draw();
}
