import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { BeforeAfter } from '../../train/finetune.js';

/**
 * Where the learner's own digits live: IndexedDB, in this browser only (nothing is sent); the
 * "Your handwriting" page keeps them, the course reads them. Each digit keeps its 28×28 input
 * (what the network reads) and the drawing as a PNG (what the export writes), and the network
 * fine-tuned on them is kept beside them with how it went. Every change is one transaction:
 * an import adds all its digits or none.
 */

/** One digit of the set. */
export interface StoredDigit {
  /** Its number in the set (IndexedDB's key: 1, 2, 3…, never reused). */
  readonly id: number;
  readonly label: number;
  /** The 28×28 input, 255 = ink, preprocessed as MNIST was. */
  readonly input: Uint8Array;
  /** The picture as drawn (or imported), as a PNG file's bytes. */
  readonly png: Uint8Array;
  /** When it was added (ms since 1970). */
  readonly added: number;
}

/** A digit not yet stored. */
export type NewDigit = Omit<StoredDigit, 'id'>;

/** How a fine-tuning run went, kept with the fine-tuned network (IndexedDB) and shown. */
export interface FineTuneSummary {
  readonly seed: number;
  /** The held-out digits' accuracy before and after, and how many; null when none could be held out. */
  readonly heldOut: (BeforeAfter & { readonly count: number }) | null;
  /** MNIST's test accuracy before and after, over this many images. */
  readonly mnistTest: BeforeAfter & { readonly count: number };
  /** Positions in the set sent of the held-out digits. */
  readonly heldOutIndices: readonly number[];
  /** How many of the learner's digits were trained on. */
  readonly trained: number;
  /** The fine-tuning's passes over the mix, copies of each digit and MNIST images in it. */
  readonly epochs: number;
  readonly copies: number;
  readonly mnistImages: number;
  /** Seconds the fine-tuning took in the Worker (the data already loaded), and the backend's name. */
  readonly seconds: number;
  readonly backend: string;
}

/** The fine-tuned network kept with the set. */
export interface StoredNetwork {
  /** The model file's JSON (digitlab's model format). */
  readonly modelText: string;
  readonly summary: FineTuneSummary;
  /** The ids of the digits held out of its training (never trained on). */
  readonly heldOutIds: readonly number[];
  /** Whether the page reads with it (else with the pretrained network). */
  readonly active: boolean;
  readonly saved: number;
}

/** The most digits one set holds here: far above a hand-drawn set, small enough for any browser's storage. */
export const MAX_SET_DIGITS = 10_000;

const NETWORK_KEY = 'fine-tuned';

interface DigitsSchema extends DBSchema {
  digits: { key: number; value: StoredDigit };
  networks: { key: string; value: StoredNetwork };
}

/** The database's name (a test opens it to look inside). */
export const DIGITS_DB = 'digitlab-your-digits';

/** The learner's set and fine-tuned network in IndexedDB. */
export class DigitDb {
  private constructor(private readonly db: IDBPDatabase<DigitsSchema>) {}

  /** Opens (or creates) the database; rejects when the browser does not allow it. */
  static async open(): Promise<DigitDb> {
    const db = await openDB<DigitsSchema>(DIGITS_DB, 1, {
      upgrade(database) {
        database.createObjectStore('digits', { keyPath: 'id', autoIncrement: true });
        database.createObjectStore('networks');
      },
    });
    return new DigitDb(db);
  }

  /** Every digit, in the order added. */
  all(): Promise<StoredDigit[]> {
    return this.db.getAll('digits');
  }

  /** Adds the digits in one transaction (all or none); returns them with their ids. */
  async add(digits: readonly NewDigit[]): Promise<StoredDigit[]> {
    const tx = this.db.transaction('digits', 'readwrite');
    // The key path fills `id` in; the record goes in without one.
    const ids = await Promise.all(digits.map((d) => tx.store.add(d as StoredDigit)));
    await tx.done;
    return digits.map((d, i) => ({ ...d, id: ids[i] }));
  }

  /** Removes one digit. */
  delete(id: number): Promise<void> {
    return this.db.delete('digits', id);
  }

  /** Removes every digit and the network fine-tuned on them. */
  async clear(): Promise<void> {
    const tx = this.db.transaction(['digits', 'networks'], 'readwrite');
    await Promise.all([tx.objectStore('digits').clear(), tx.objectStore('networks').clear(), tx.done]);
  }

  /** The fine-tuned network, if there is one. */
  network(): Promise<StoredNetwork | undefined> {
    return this.db.get('networks', NETWORK_KEY);
  }

  /** Keeps a fine-tuned network (replacing the one before). */
  async saveNetwork(network: StoredNetwork): Promise<void> {
    await this.db.put('networks', network, NETWORK_KEY);
  }
}
