import type { Kernels } from './kernels.js';
import type { MemoryPlan } from './layout.js';
import { type AttachMessage, CONTROL, OP, publish, type StartMessage, waitAtLeast } from './thread-protocol.js';
import { ThreadChoice } from './thread-choice.js';
import type { WideRunner } from './wide-runner.js';

/** How a helper thread is reached: post a message to it (Node worker thread or Web Worker). */
export interface HelperEndpoint {
  /** Sends a message to the helper thread. */
  post(message: StartMessage | AttachMessage): void;
  /** Ends the thread. */
  terminate(): void;
}

/** How long the main thread waits for the helper to attach a kernels instance before training alone. */
const ATTACH_TIMEOUT_MS = 5000;

/**
 * The main thread's side of a helper thread (src/fast/helper-loop.ts): attaches kernels
 * instances that live on shared memories, and runs wide-path batches split between the two
 * threads — share 0 of every stage here, share 1 there, meeting after each stage. The split
 * is by neurons and fixed (asm/wide.ts), so a batch gives the same bits as on one thread —
 * which lets each batch go whichever way has lately been faster (`ThreadChoice`): on a busy
 * machine one thread can win. Used by one thread at a time (the one that trains).
 */
export class HelperPool {
  private readonly words: Int32Array;
  private readonly floats: Float32Array;
  private nextId = 1;
  private broken = false;
  /** Milliseconds the last batch's waits spent on idle work. */
  private idleMs = 0;

  /** A pool on a helper thread that has started (see `startNodeHelper`, `startWebHelper`). */
  constructor(private readonly endpoint: HelperEndpoint) {
    const control = new SharedArrayBuffer(CONTROL.WORDS * 4);
    this.words = new Int32Array(control);
    this.floats = new Float32Array(control);
    endpoint.post({ type: 'start', control });
  }

  /**
   * A `WideRunner` for `kernels` (an instance of the shared-memory module `sharedModule` on a
   * shared memory) that splits each batch with the helper, or null when the helper does not
   * answer (the caller then trains on one thread: same bits, more time). With `adaptive`
   * false every batch goes to both threads (to measure or test them).
   */
  runner(sharedModule: WebAssembly.Module, kernels: Kernels, plan: MemoryPlan, adaptive = true): WideRunner | null {
    if (this.broken) return null;
    const id = this.nextId++;
    this.endpoint.post({ type: 'attach', id, module: sharedModule, memory: kernels.memory, table: plan.table });
    if (!this.command(OP.ATTACH, id)) {
      this.broken = true;
      return null;
    }
    const choice = new ThreadChoice();
    let idle: (() => boolean) | null = null;
    return {
      run: (count, rows, offsets, entries, labels, mode, learningRate, c1, c2) => {
        kernels.wideBegin(count, rows, offsets, entries, labels);
        const kind = `${mode} ${count}`;
        const two = !adaptive || choice.useTwo(kind);
        const t0 = performance.now();
        this.idleMs = 0;
        const cost = two ? this.batch(kernels, id, count, mode, learningRate, c1, c2, idle) : alone(kernels, count, mode, learningRate, c1, c2);
        // The batch's own time: what the waits did for others is not its cost.
        choice.record(kind, two, performance.now() - t0 - this.idleMs);
        return cost;
      },
      setIdle: (work) => {
        idle = work;
      },
      startTwin: (count, size) => {
        const twin = plan.twin;
        if (!twin) return false;
        const w = this.words;
        w[CONTROL.OP] = OP.PREDICT;
        w[CONTROL.ID] = id;
        w[CONTROL.COUNT] = count;
        w[CONTROL.TWIN_TABLE] = twin.table;
        w[CONTROL.TWIN_BYTES] = twin.chunkBytes;
        w[CONTROL.TWIN_OFFSETS] = twin.chunkOffsets;
        w[CONTROL.TWIN_ENTRIES] = twin.chunkEntries;
        w[CONTROL.TWIN_ROWS] = plan.identityRows;
        w[CONTROL.SIZE] = size;
        Atomics.store(w, CONTROL.PROG, 0);
        Atomics.add(w, CONTROL.SEQ, 1);
        Atomics.notify(w, CONTROL.SEQ);
        return true;
      },
      finishTwin: () => waitAtLeast(this.words, CONTROL.PROG, 1),
      dispose: () => {
        if (!this.broken) this.command(OP.DETACH, id);
      },
    };
  }

  /** Ends the helper thread. */
  terminate(): void {
    this.broken = true;
    this.endpoint.terminate();
  }

  /** Sends an attach or detach and waits for the helper's acknowledgement; false on time-out. */
  private command(op: number, id: number): boolean {
    const w = this.words;
    w[CONTROL.OP] = op;
    w[CONTROL.ID] = id;
    const seq = Atomics.add(w, CONTROL.SEQ, 1) + 1;
    Atomics.notify(w, CONTROL.SEQ);
    const deadline = performance.now() + ATTACH_TIMEOUT_MS;
    while (Atomics.load(w, CONTROL.ACK) !== seq) {
      const left = deadline - performance.now();
      if (left <= 0) return false;
      Atomics.wait(w, CONTROL.ACK, Atomics.load(w, CONTROL.ACK), Math.min(left, 50));
    }
    return true;
  }

  /**
   * One batch on both threads (after `wideBegin`): returns Σ C_x from the output stage. When
   * this thread's share of a stage is done before the helper's, it does pieces of `idle` work
   * until the helper is done too (or the work is).
   */
  private batch(kernels: Kernels, id: number, count: number, mode: number, learningRate: number, c1: number, c2: number, idle: (() => boolean) | null): number {
    const w = this.words;
    const stages = kernels.wideStages(mode);
    w[CONTROL.OP] = OP.BATCH;
    w[CONTROL.ID] = id;
    w[CONTROL.COUNT] = count;
    w[CONTROL.MODE] = mode;
    w[CONTROL.STAGES] = stages;
    this.floats[CONTROL.LEARNING_RATE] = learningRate;
    this.floats[CONTROL.C1] = c1;
    this.floats[CONTROL.C2] = c2;
    Atomics.store(w, CONTROL.GO, 0);
    Atomics.store(w, CONTROL.PROG, 0);
    Atomics.add(w, CONTROL.SEQ, 1);
    Atomics.notify(w, CONTROL.SEQ);
    kernels.wideStep(learningRate, count, c1, c2);
    let cost = 0;
    for (let s = 0; s < stages; s++) {
      cost += kernels.wideStage(0, s, count, mode);
      if (idle && Atomics.load(w, CONTROL.PROG) < s + 1) {
        const t = performance.now();
        while (Atomics.load(w, CONTROL.PROG) < s + 1 && idle());
        this.idleMs += performance.now() - t;
      }
      waitAtLeast(w, CONTROL.PROG, s + 1);
      if (s + 1 < stages) publish(w, CONTROL.GO, s + 1);
    }
    return cost;
  }
}

/** One batch on the calling thread alone (after `wideBegin`): both shares of every stage. */
function alone(kernels: Kernels, count: number, mode: number, learningRate: number, c1: number, c2: number): number {
  kernels.wideStep(learningRate, count, c1, c2);
  const stages = kernels.wideStages(mode);
  let cost = 0;
  for (let s = 0; s < stages; s++) cost += kernels.wideStage(2, s, count, mode);
  return cost;
}
