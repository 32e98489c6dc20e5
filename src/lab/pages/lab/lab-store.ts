import type { CostName } from '../../../core/costs.js';
import type { Network } from '../../../core/network.js';
import type { Dataset } from '../../../data/dataset.js';
import type { LearningDiagnosis } from '../../../train/learning-diagnosis.js';
import type { HashIssue } from '../../shared/hash-codec.js';
import { Store, syncHash } from '../../shared/store.js';
import { type LabState, LAB_CODEC, PALETTES, type PaletteName } from './lab-state.js';
import type { FromWorker, RunSpec } from '../../shared/worker-protocol.js';

/** The data set's state as the page tells it. */
export type DataStatus =
  | { readonly kind: 'loading'; readonly fraction: number }
  | { readonly kind: 'ready'; readonly train: number; readonly test: number }
  | { readonly kind: 'failed'; readonly message: string };

/** A message under the training controls. */
export type TrainingError =
  | { readonly kind: 'settings' | 'diverged' | 'data' | 'model'; readonly message: string };

/**
 * The Lab page's whole state: the shareable part (`LabState`, kept in the URL hash) and what
 * this visit holds — the pretrained model, the test images, the current input, the runs the
 * Worker trains and what it last said. Views draw from it; controllers change it.
 */
export interface LabPageState extends LabState {
  /** Keys of the opening address that were ignored (the page names them). */
  issues: readonly HashIssue[];
  pretrained: Network | null;
  /** The cost function the pretrained model was trained with (its gradients are of it). */
  pretrainedCost: CostName;
  /** The chosen data set's test images, once loaded. */
  testSet: Dataset | null;
  /** The image the network sees (784 bytes, 255 = ink), or null for an empty pad. */
  input: Uint8Array | null;
  /** The input settled (a stroke ended, an image was picked): announce the answer and let bulbs propagate. */
  inputFinal: boolean;
  /** Runs the Worker holds (null: none yet); the first is the one shown. */
  runs: readonly RunSpec[] | null;
  /** The latest network of the first run. */
  runNetwork: Network | null;
  /** Mini-batches of the latest snapshot of the first run. */
  snapshotBatches: number;
  /** Show the run being trained (else the pretrained model). */
  showRun: boolean;
  running: boolean;
  workerReady: boolean;
  /** The Worker's backend name ("WebAssembly SIMD" or "reference"). */
  backendName: string;
  dataStatus: DataStatus | null;
  /** The first run's latest progress report. */
  progress: (FromWorker & { type: 'progress' }) | null;
  /** The first run's latest test accuracy. */
  lastTest: { readonly batches: number; readonly accuracy: number } | null;
  error: TrainingError | null;
  /** Runs that stopped learning, by run id (the run layer's diagnosis). */
  diagnoses: Readonly<Record<string, LearningDiagnosis>>;
}

/** Where the palette choice is remembered across visits. */
const PALETTE_KEY = 'digitlab.palette';

/**
 * The remembered palette, or null. Storage may be refused — in another site's frame, where the
 * browser keeps a third party's storage from it, reading localStorage throws — and then the
 * Lab forgets instead of failing.
 */
function storedPalette(): string | null {
  try {
    return localStorage.getItem(PALETTE_KEY);
  } catch {
    return null;
  }
}

/** Remembers the palette when the browser lets the page store anything. */
function storePalette(palette: PaletteName): void {
  try {
    localStorage.setItem(PALETTE_KEY, palette);
  } catch {
    // Forgotten after this visit.
  }
}

/** The page's store, opened from `hash` (a stored palette applies unless the hash names one), kept in sync with the address. */
export function openLabStore(hash: string): Store<LabPageState> {
  const { state, issues } = LAB_CODEC.decode(hash);
  const stored = storedPalette();
  if (!hash.includes('palette=') && PALETTES.includes(stored as PaletteName)) state.palette = stored as PaletteName;
  const store = new Store<LabPageState>({
    ...state,
    issues,
    pretrained: null,
    pretrainedCost: 'quadratic',
    testSet: null,
    input: null,
    inputFinal: false,
    runs: null,
    runNetwork: null,
    snapshotBatches: 0,
    showRun: false,
    running: false,
    workerReady: false,
    backendName: '',
    dataStatus: null,
    progress: null,
    lastTest: null,
    error: null,
    diagnoses: {},
  });
  syncHash(store, LAB_CODEC);
  storePalette(state.palette);
  store.watch(['palette'], (s) => storePalette(s.palette));
  return store;
}

/** The network shown: the run being trained, or the pretrained model (when it knows the data set). */
export function shownNetwork(s: Readonly<LabPageState>, pretrainedApplies: boolean): Network | null {
  const fallback = pretrainedApplies ? s.pretrained : null;
  return s.showRun && s.runs ? (s.runNetwork ?? fallback) : fallback;
}
