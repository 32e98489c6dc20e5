/**
 * The words both threads of a wide-path batch read and write (a small SharedArrayBuffer of
 * Int32s, floats through a Float32Array view of the same bytes), and how a thread waits on
 * one. The main thread (src/fast/helper-pool.ts) writes a command and bumps SEQ; the helper
 * (src/fast/helper-loop.ts) runs it. A batch's stages (asm/wide.ts) meet at a barrier after
 * each stage: the helper raises PROG when its share of stage s is done, the main thread
 * raises GO when both are, and neither starts stage s+1 before.
 */
export const CONTROL = {
  /** Bumped by the main thread for every command. */
  SEQ: 0,
  /** The command: one of `OP`. */
  OP: 1,
  /** Which attached kernels instance the command is for. */
  ID: 2,
  COUNT: 3,
  MODE: 4,
  STAGES: 5,
  /** Main thread: the helper may start this stage. */
  GO: 6,
  /** Helper: stages finished. */
  PROG: 7,
  /** Helper: the SEQ of the last attach or detach it finished. */
  ACK: 8,
  /** Float32 slots. */
  LEARNING_RATE: 9,
  C1: 10,
  C2: 11,
  /** PREDICT: the twin's layout table, its chunk's bytes, sparse offsets and entries, the identity rows, and pixels per image. */
  TWIN_TABLE: 12,
  TWIN_BYTES: 13,
  TWIN_OFFSETS: 14,
  TWIN_ENTRIES: 15,
  TWIN_ROWS: 16,
  SIZE: 17,
  /** Int32 slots in all. */
  WORDS: 18,
} as const;

/** Commands. */
export const OP = {
  /** Leave the wait loop and take the attach message waiting in the message queue. */
  ATTACH: 1,
  /** Forget kernels instance ID. */
  DETACH: 2,
  /** Run the helper's share of every stage of one batch. */
  BATCH: 3,
  /** Predict a chunk of images alone, on the twin's buffers (src/fast/twin-plan.ts `TwinPlan`); PROG = 1 when done. */
  PREDICT: 4,
} as const;

/** The attach message (posted before the ATTACH command). */
export interface AttachMessage {
  readonly type: 'attach';
  readonly id: number;
  /** The shared-memory build of the kernels (kernels-shared.wasm). */
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  /** Address of the layout table in `memory`. */
  readonly table: number;
}

/** The first message a helper gets: the control words. */
export interface StartMessage {
  readonly type: 'start';
  readonly control: SharedArrayBuffer;
}

/** Spins this many times on a word before sleeping on it (a stage lasts ~0.1–5 ms; a wake-up costs ~70 µs here). */
const SPINS = 20_000;

/**
 * Waits until `words[index]` ≥ `target`: spins first (the other thread is usually about to
 * write it), then sleeps with Atomics.wait.
 */
export function waitAtLeast(words: Int32Array, index: number, target: number): void {
  for (let i = 0; i < SPINS; i++) if (Atomics.load(words, index) >= target) return;
  for (;;) {
    const now = Atomics.load(words, index);
    if (now >= target) return;
    Atomics.wait(words, index, now, 1000);
  }
}

/** Waits until `words[index]` ≠ `seen` (spins, then sleeps); returns the new value. */
export function waitChange(words: Int32Array, index: number, seen: number, spins = SPINS): number {
  for (let i = 0; i < spins; i++) {
    const now = Atomics.load(words, index);
    if (now !== seen) return now;
  }
  for (;;) {
    const now = Atomics.load(words, index);
    if (now !== seen) return now;
    Atomics.wait(words, index, seen);
  }
}

/** Sets `words[index]` and wakes a thread sleeping on it. */
export function publish(words: Int32Array, index: number, value: number): void {
  Atomics.store(words, index, value);
  Atomics.notify(words, index);
}
