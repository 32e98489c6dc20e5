import { instantiateKernels, type Kernels, WIDE_MODE } from './kernels.js';
import { type AttachMessage, CONTROL, OP, publish, type StartMessage, waitAtLeast, waitChange } from './thread-protocol.js';

/**
 * The helper thread's side of the wide path (the same code in a Node worker thread and in a
 * Web Worker): it keeps kernels instances on the main thread's shared memories and, for each
 * batch, runs share 1 of every stage (asm/wide.ts), meeting the main thread between stages.
 * Between batches it sleeps on the control words; an attach makes it return to its event
 * loop once, to receive the module and memory that only a message can carry.
 */
export class HelperLoop {
  private words: Int32Array | null = null;
  private floats: Float32Array | null = null;
  private seen = 0;
  private readonly instances = new Map<number, Kernels>();
  /** Each instance's own layout table (a twin prediction borrows another for a while). */
  private readonly tables = new Map<number, number>();

  /** Handles one message from the main thread (start or attach), then serves commands until an attach needs the event loop. */
  receive(message: StartMessage | AttachMessage): void {
    if (message.type === 'start') {
      this.words = new Int32Array(message.control);
      this.floats = new Float32Array(message.control);
      // The control words are new: commands already sent (an attach, say) count from 0.
      this.seen = 0;
    } else {
      const kernels = instantiateKernels(message.module, message.memory);
      kernels.setLayout(message.table);
      this.instances.set(message.id, kernels);
      this.tables.set(message.id, message.table);
      if (this.words) publish(this.words, CONTROL.ACK, this.seen);
    }
    this.serve();
  }

  /** Runs commands as they come; returns when one needs a message (ATTACH). */
  private serve(): void {
    const words = this.words;
    const floats = this.floats;
    if (!words || !floats) return;
    for (;;) {
      this.seen = waitChange(words, CONTROL.SEQ, this.seen);
      const op = Atomics.load(words, CONTROL.OP);
      const id = Atomics.load(words, CONTROL.ID);
      if (op === OP.ATTACH) return;
      if (op === OP.DETACH) {
        this.instances.delete(id);
        this.tables.delete(id);
        publish(words, CONTROL.ACK, this.seen);
        continue;
      }
      const kernels = this.instances.get(id);
      const count = words[CONTROL.COUNT];
      if (op === OP.PREDICT) {
        if (kernels) this.predictTwin(kernels, words, count, this.tables.get(id) ?? 0);
        publish(words, CONTROL.PROG, 1);
        continue;
      }
      const mode = words[CONTROL.MODE];
      const stages = words[CONTROL.STAGES];
      if (kernels) kernels.wideStep(floats[CONTROL.LEARNING_RATE], count, floats[CONTROL.C1], floats[CONTROL.C2]);
      for (let s = 0; s < stages; s++) {
        if (s > 0) waitAtLeast(words, CONTROL.GO, s);
        kernels?.wideStage(1, s, count, mode);
        publish(words, CONTROL.PROG, s + 1);
      }
    }
  }

  /** A whole forward pass over the twin's chunk, on the twin's table, then back to the instance's own. */
  private predictTwin(kernels: Kernels, words: Int32Array, count: number, table: number): void {
    kernels.setLayout(words[CONTROL.TWIN_TABLE]);
    const offsets = words[CONTROL.TWIN_OFFSETS], entries = words[CONTROL.TWIN_ENTRIES];
    kernels.encodeSparse(words[CONTROL.TWIN_BYTES], count, words[CONTROL.SIZE], offsets, entries, 0);
    kernels.wideBatch(count, words[CONTROL.TWIN_ROWS], offsets, entries, 0, WIDE_MODE.predict, 0, 1, 1);
    kernels.setLayout(table);
  }
}
