import { DigitlabError } from '../errors.js';
/**
 * The WebAssembly training kernels (`asm/`, compiled to `build/kernels.wasm`) as typed
 * functions. Addresses are byte offsets into the module's own linear memory; the memory
 * plan is `MemoryPlan` (layout.ts). This file has no Node or DOM dependency: it runs in Node,
 * a browser Worker and the main thread alike.
 */
export interface Kernels {
  readonly memory: WebAssembly.Memory;
  /** First byte free for the memory plan. */
  heapBase(): number;
  /** Tells the kernels where the layout table is. */
  setLayout(address: number): void;
  /** Encodes `count` dense byte images into a sparse store; returns the next entry number. */
  encodeSparse(bytes: number, count: number, size: number, offsets: number, entries: number, firstEntry: number): number;
  /** Forward, output error and backprop for batch rows; gradients are sums. Returns Σ C_x. */
  computeGradients(count: number, rows: number, offsets: number, entries: number, labels: number): number;
  /** Optimizer step from the summed gradients of `count` rows. */
  applyUpdate(count: number, learningRate: number, c1: number, c2: number): void;
  /** `computeGradients` then `applyUpdate`, in one call. Returns Σ C_x. */
  trainBatch(count: number, rows: number, offsets: number, entries: number, labels: number, learningRate: number, c1: number, c2: number): number;
  /** Forward pass and argmax of each row into bytes at `out`. */
  predictBatch(count: number, rows: number, offsets: number, entries: number, out: number): void;
  /** Right answers in the last `computeGradients`/`trainBatch` (or wide output stage). */
  lastCorrect(): number;
  /** The wide path (asm/wide.ts): one whole batch on one thread, in mode `WIDE_MODE`. Returns Σ C_x. */
  wideBatch(count: number, rows: number, offsets: number, entries: number, labels: number, mode: number, learningRate: number, c1: number, c2: number): number;
  /** Wide path, main thread: decodes the batch's pixels and remembers its rows and labels. */
  wideBegin(count: number, rows: number, offsets: number, entries: number, labels: number): void;
  /** Wide path, every thread: fixes the optimizer step for the batch's stages. */
  wideStep(learningRate: number, count: number, c1: number, c2: number): void;
  /** Wide path: stages of one batch in `mode`. */
  wideStages(mode: number): number;
  /** Wide path: `part`'s share (0, 1, or 2 = both) of one stage. Returns Σ C_x from the output stage. */
  wideStage(part: number, stage: number, count: number, mode: number): number;
  /** Augmentation (asm/augment.ts): bytes of the elastic field's interpolation table for images of `size` pixels. */
  warpTableBytes(size: number): number;
  /** Augmentation: writes that table at `table`, for rows × cols images and control points `spacing` apart (gx × gy). */
  warpTable(rows: number, cols: number, spacing: number, gx: number, gy: number, table: number): void;
  /** Augmentation: bytes of `warpBatch`'s scratch for rows × cols images. */
  warpScratchBytes(rows: number, cols: number): number;
  /** Augmentation: warps `count` images by their maps (and fields, gx > 0); see asm/augment.ts. */
  warpBatch(count: number, rows: number, cols: number, maps: number, sources: number, targets: number, scratch: number, gx: number, gy: number, points: number, table: number): void;
  /** A layout table field as the kernels read it: header field (l = −1) or layer l's. */
  layoutField(l: number, field: number): number;
}

/** The wide path's modes (asm/wide.ts MODE_*). */
export const WIDE_MODE = { train: 0, gradients: 1, predict: 2 } as const;

const EXPORTS = [
  'heapBase', 'setLayout', 'encodeSparse', 'computeGradients', 'applyUpdate', 'trainBatch', 'predictBatch', 'lastCorrect',
  'wideBatch', 'wideBegin', 'wideStep', 'wideStages', 'wideStage', 'layoutField', 'warpTableBytes', 'warpTable', 'warpScratchBytes', 'warpBatch',
] as const;

/**
 * Compiles the kernels from the bytes of `kernels.wasm` (or returns an already compiled
 * module), for `createFastBackend`. Compile once: each network the factory makes gets its own
 * instance of the compiled module.
 * Works in Node and browsers (use `WebAssembly.compileStreaming(fetch(url))` there for speed).
 */
export async function compileKernels(source: WebAssembly.Module | BufferSource): Promise<WebAssembly.Module> {
  if (source instanceof WebAssembly.Module) return source;
  try {
    return await WebAssembly.compile(source);
  } catch (e) {
    throw new DigitlabError(`kernels.wasm: not a valid WebAssembly module (${(e as Error).message}); rebuild with npm run build:wasm`);
  }
}

/**
 * A fresh instance of the kernels with its own memory, synchronously (allowed for any module
 * size in Node and in Workers; on a browser's main thread Chromium refuses modules over 4 KB,
 * so train in a Worker). The shared-memory build (`kernels-shared.wasm`) takes its memory as
 * `memory`, so that two threads' instances work on one memory (src/fast/threads.ts). Throws
 * if the module is not digitlab's kernels.
 */
export function instantiateKernels(module: WebAssembly.Module, memory?: WebAssembly.Memory): Kernels {
  const instance = new WebAssembly.Instance(module, memory ? { env: { memory } } : {});
  const exports = instance.exports as Record<string, unknown>;
  for (const name of EXPORTS) {
    if (typeof exports[name] !== 'function') throw new DigitlabError(`kernels.wasm: missing export ${name} (rebuild with npm run build:wasm)`);
  }
  if (!(exports.memory instanceof WebAssembly.Memory)) throw new DigitlabError('kernels.wasm: missing exported memory (rebuild with npm run build:wasm)');
  return exports as unknown as Kernels;
}
