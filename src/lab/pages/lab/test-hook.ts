import type { CurvePair } from '../../components/curve-pair.js';
import { dataSetSource } from '../../shared/data-sets.js';
import type { Store } from '../../shared/store.js';
import { clearDrawLog, drawLog, recordDraw } from './draw-log.js';
import { type LabPageState, shownNetwork } from './lab-store.js';
import type { TrainingSession } from './training-session.js';

/** A read-only hook for the browser tests: the shown network's parameters, the runs' settings, the test curve and what each live view drew. */
export function installTestHook(store: Store<LabPageState>, session: TrainingSession, charts: CurvePair): void {
  charts.cost.onDraw = (x) => recordDraw('cost', x);
  charts.accuracy.onDraw = (x) => recordDraw('accuracy', x);
  const status = document.getElementById('status') as HTMLElement;
  new MutationObserver(() => recordDraw('status', store.state.progress?.batches ?? 0)).observe(status, { childList: true, characterData: true, subtree: true });
  (window as unknown as { digitlab: object }).digitlab = {
    testCurve: () => session.testCurve.slice(),
    runs: () => store.state.runs?.map((r) => ({ id: r.id, settings: r.settings })) ?? null,
    drawLog,
    clearDrawLog,
    network: () => {
      const net = shownNetwork(store.state, dataSetSource(store.state.dataSet).pretrained);
      return net && { sizes: net.sizes, weights: net.weights.map((w) => Array.from(w)), biases: net.biases.map((b) => Array.from(b)) };
    },
  };
}
