import type { HashCodec } from './hash-codec.js';

/** Called after a change with the new state and the names of the properties that changed. */
export type StoreListener<S> = (state: Readonly<S>, changed: ReadonlySet<keyof S>) => void;

/**
 * One page's state in one typed place: views and controllers read it, change it with
 * `set`, and `watch` the properties they draw. A change is a new value (`Object.is`
 * differs), so arrays and buffers are replaced, never mutated in place.
 */
export class Store<S extends object> {
  private current: S;
  private readonly listeners = new Set<{ readonly keys: ReadonlySet<keyof S> | null; readonly listener: StoreListener<S> }>();

  /** A store holding `initial`. */
  constructor(initial: S) {
    this.current = { ...initial };
  }

  /** The current state (read-only: change it with `set`). */
  get state(): Readonly<S> {
    return this.current;
  }

  /** Changes the properties of `patch`; listeners of the changed ones hear of it once. */
  set(patch: Partial<S>): void {
    const changed = new Set<keyof S>();
    for (const name of Object.keys(patch) as (keyof S)[]) {
      if (!Object.is(this.current[name], patch[name])) changed.add(name);
    }
    if (changed.size === 0) return;
    this.current = { ...this.current, ...patch };
    for (const { keys, listener } of [...this.listeners]) {
      if (keys === null || [...changed].some((k) => keys.has(k))) listener(this.current, changed);
    }
  }

  /** Calls `listener` after every change of one of `keys` (all properties when null); returns an unsubscribe function. */
  watch(keys: readonly (keyof S)[] | null, listener: StoreListener<S>): () => void {
    const entry = { keys: keys === null ? null : new Set(keys), listener };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }
}

/**
 * Keeps the address's hash equal to the codec's view of the store: every change of a
 * shareable property replaces the hash (no history entry per keystroke).
 */
export function syncHash<S extends object, T extends S>(store: Store<T>, codec: HashCodec<S>): void {
  store.watch(null, (state) => {
    const hash = codec.encode(state);
    if (hash !== location.hash) history.replaceState(null, '', hash === '' ? location.pathname + location.search : hash);
  });
}

/**
 * What a component needs of a store: its slice `S` of the page's state, to read, change and
 * watch. A page's `Store` of a larger state is one (the course gives components its own).
 */
export interface StateView<S> {
  readonly state: Readonly<S>;
  set(patch: Partial<S>): void;
  watch(keys: readonly (keyof S)[] | null, listener: (state: Readonly<S>) => void): () => void;
}
