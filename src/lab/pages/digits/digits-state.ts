import type { Network } from '../../../core/network.js';
import { DIGIT_CLASS_NAMES, type Dataset } from '../../../data/dataset.js';
import { datasetFromImages } from '../../../data/image-set.js';
import type { Model } from '../../../model/model-file.js';
import { type DigitsReport, readDigits } from '../../../train/digits-report.js';
import { type FieldTable, HashCodec } from '../../shared/hash-codec.js';
import { LANGUAGES, type Language } from '../../shared/i18n.js';
import type { StoredDigit, StoredNetwork } from '../../shared/digit-db.js';

/**
 * The "Your handwriting" page's state: the language (the only part in the address, under the
 * Lab's `lang` key), the learner's set and the networks, as one store the panels read and
 * watch. The set itself never enters the address: it stays in this browser.
 */
export interface DigitsState {
  language: Language | '';
  /** The learner's digits, in the order added (IndexedDB's copy, kept in step). */
  digits: readonly StoredDigit[];
  /** The pretrained network's model file (null while it loads or when it failed). */
  pretrained: Model | null;
  /** Why the pretrained network could not be loaded ('' when it could). */
  modelError: string;
  /** The network fine-tuned on the learner's digits, kept in IndexedDB, or null. */
  fineTuned: { readonly model: Model; readonly stored: StoredNetwork } | null;
  /** Why IndexedDB is unusable ('' when it works). */
  storageError: string;
}

/** The opening state. */
export const DEFAULT_DIGITS_STATE: Readonly<DigitsState> = { language: '', digits: [], pretrained: null, modelError: '', fineTuned: null, storageError: '' };

const FIELDS: FieldTable<Pick<DigitsState, 'language'>> = {
  language: { key: 'lang', kind: { type: 'enum', values: ['', ...LANGUAGES] } },
};

/** The page's state⇄URL codec: only the language. */
export const DIGITS_CODEC = new HashCodec<Pick<DigitsState, 'language'>>(FIELDS, { language: '' });

/** The network the page reads with: the fine-tuned one when it is chosen, else the pretrained one (null while neither is there). */
export function currentNetwork(state: Readonly<DigitsState>): { readonly network: Network; readonly kind: 'pretrained' | 'fine-tuned' } | null {
  if (state.fineTuned?.stored.active) return { network: state.fineTuned.model.network, kind: 'fine-tuned' };
  return state.pretrained ? { network: state.pretrained.network, kind: 'pretrained' } : null;
}

/** The set as a data set for the engine, in the order added. */
export function setAsDataset(digits: readonly StoredDigit[]): Dataset {
  return datasetFromImages(
    digits.map((d) => ({ pixels: d.input, label: d.label })),
    DIGIT_CLASS_NAMES,
  );
}

/** How the current network reads the set (null without a network or digits). */
export function readingOf(state: Readonly<DigitsState>): DigitsReport | null {
  const current = currentNetwork(state);
  if (current === null || state.digits.length === 0) return null;
  return readDigits(current.network, setAsDataset(state.digits));
}

/** How many digits of each class the set holds (index = digit). */
export function countsOf(digits: readonly StoredDigit[]): number[] {
  const counts = new Array<number>(DIGIT_CLASS_NAMES.length).fill(0);
  for (const d of digits) counts[d.label]++;
  return counts;
}
