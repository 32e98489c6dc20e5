import { dataSetSource } from '../../shared/data-sets.js';
import type { Store } from '../../shared/store.js';
import { type LabPageState, shownNetwork } from './lab-store.js';
import type { TrainingSession } from './training-session.js';

/** A read-only hook for the browser tests: the shown network's parameters and the test curve. */
export function installTestHook(store: Store<LabPageState>, session: TrainingSession): void {
  (window as unknown as { digitlab: object }).digitlab = {
    testCurve: () => session.testCurve.slice(),
    network: () => {
      const net = shownNetwork(store.state, dataSetSource(store.state.dataSet).pretrained);
      return net && { sizes: net.sizes, weights: net.weights.map((w) => Array.from(w)), biases: net.biases.map((b) => Array.from(b)) };
    },
  };
}
