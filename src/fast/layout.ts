import type { HiddenActivationName, OutputActivationName } from '../core/activations.js';
import type { CostName } from '../core/costs.js';
import type { OptimizerName } from '../core/optimizers.js';
import * as T from './layout-table.js';
import { planTwin, type TwinPlan, writeTwinTable } from './twin-plan.js';

/**
 * The memory plan of one kernels instance: where each buffer lives in its linear memory, as
 * byte offsets, written into the layout table the kernels read. The table's field offsets and
 * codes come from `layout-table.ts`, which the kernels (asm/) are compiled from too, so the two
 * sides share one definition (test/fast/layout.test.ts reads the table back through the
 * kernels). Every buffer is 64-byte aligned; matrices have one row per batch row and a row
 * stride of n_out rounded up to 4 floats, so each row is whole f32x4 lanes and the padding
 * lanes stay zero.
 */

/** Layer record fields in table order (src/fast/layout-table.ts L_*), 4 bytes each. */
const LAYER_FIELDS = [
  [T.L_IN, 'nIn'], [T.L_OUT, 'nOut'], [T.L_STRIDE, 'stride'], [T.L_W, 'weights'], [T.L_B, 'biases'],
  [T.L_GW, 'weightGradients'], [T.L_GB, 'biasGradients'], [T.L_Z, 'weightedInputs'], [T.L_A, 'activations'], [T.L_D, 'deltas'],
  [T.L_S1W, 'state1Weights'], [T.L_S1B, 'state1Biases'], [T.L_S2W, 'state2Weights'], [T.L_S2B, 'state2Biases'],
  [T.L_SPLIT, 'split'], [T.L_NONZERO, 'nonZero'], [T.L_MASK, 'masks'],
] as const;

const ACTIVATION_CODE: Record<OutputActivationName, number> = { sigmoid: T.ACT_SIGMOID, relu: T.ACT_RELU, tanh: T.ACT_TANH, softmax: T.ACT_SOFTMAX };
const COST_CODE: Record<CostName, number> = { quadratic: T.COST_QUADRATIC, 'cross-entropy': T.COST_CROSS_ENTROPY };
const OPTIMIZER_CODE: Record<OptimizerName, number> = { sgd: T.OPT_SGD, momentum: T.OPT_MOMENTUM, adam: T.OPT_ADAM };

/**
 * Networks with a hidden layer at least this wide train on the wide path (asm/wide.ts:
 * register-tiled products, split between two threads when that pays); narrower ones keep the
 * seed's kernels (asm/forward.ts, asm/backward.ts), whose bits the baselines pin.
 */
export const WIDE_FROM = 32;

/** Where one weight layer's buffers live (byte offsets) and its sizes. */
export interface LayerPlan {
  readonly nIn: number;
  readonly nOut: number;
  /** The row stride in floats: nOut rounded up to a multiple of 4 (+16 on the wide path when that is a multiple of 128, see `strideFor`). */
  readonly stride: number;
  readonly weights: number;
  readonly biases: number;
  readonly weightGradients: number;
  readonly biasGradients: number;
  readonly weightedInputs: number;
  readonly activations: number;
  readonly deltas: number;
  readonly state1Weights: number;
  readonly state1Biases: number;
  readonly state2Weights: number;
  readonly state2Biases: number;
  /** Wide path: the first neuron of the second thread's share (a multiple of 4); the stride for the output layer. */
  readonly split: number;
  /** Wide path, ReLU hidden layer: the address of its eight list addresses (asm/wide.ts `nonZero`), else 0. */
  readonly nonZero: number;
  /** Wide path, ReLU hidden layer of a run with dropout: its masks, capacity rows × stride floats (`wideDropout`), else 0. */
  readonly masks: number;
}

/** What a plan is made for. */
export interface PlanSettings {
  readonly sizes: readonly number[];
  readonly activation: HiddenActivationName;
  readonly outputActivation: OutputActivationName;
  readonly cost: CostName;
  readonly optimizer: OptimizerName;
  readonly l2: number;
  readonly momentum: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  /** Most batch rows one kernel call handles (max of mini-batch and evaluation chunk). */
  readonly capacity: number;
  /**
   * Wide path: the calling thread's share of each hidden layer's neurons and of the first
   * layer's pixels (the helper thread does the rest; default ½). Any share gives the same bits.
   */
  readonly mainShare?: number;
  /** Wide path: also plan a `TwinPlan`, so that a helper thread can predict a chunk of its own. */
  readonly twin?: boolean;
  /** Plan room for dropout masks (`wideDropout`: where the wide path can apply them). */
  readonly dropout?: boolean;
  /** Label smoothing ε (absent: 0), softmax output with cross-entropy only. */
  readonly labelSmoothing?: number;
}

/** Bytes per sparse-store entry: u16 pixel index + u8 value (asm/sparse.ts). */
export const ENTRY_BYTES = T.ENTRY_BYTES;

/** The complete plan: the layout table, the layers, the scratch buffers; see `planMemory`. */
export interface MemoryPlan {
  readonly table: number;
  readonly lut: number;
  readonly layers: readonly LayerPlan[];
  /** Whether the network trains on the wide path (see `WIDE_FROM`). */
  readonly wide: boolean;
  /** Wide path: two scratch panels of `panelBytes` each (asm/wide-forward.ts `forwardDenseRange`). */
  readonly panels: number;
  readonly panelBytes: number;
  /** u32 per batch row: which example of the current store the row is. */
  readonly rows: number;
  /** u32 per row, 0, 1, 2, …: the rows of an evaluation chunk. */
  readonly identityRows: number;
  /** Dense bytes of up to `capacity` images (an evaluation chunk, or a chunk being encoded). */
  readonly chunkBytes: number;
  /** Sparse store of the chunk: offsets (capacity + 1 u32) and entries. */
  readonly chunkOffsets: number;
  readonly chunkEntries: number;
  /** u8 per row: the answers of `predictBatch`. */
  readonly predictions: number;
  /** u32 per row + 1 and 8 bytes per non-zero pixel: the batch's decoded input (asm/sparse.ts). */
  readonly batchStarts: number;
  readonly batchEntries: number;
  /** Per ReLU layer on the wide path: its lists' eight addresses (asm/wide.ts `nonZero`). */
  readonly nonZeroLists: ReadonlyMap<number, readonly number[]>;
  /**
   * Wide path: the first layer's pixels by columns (asm/wide.ts), the four addresses' address
   * (then: starts and entries of share 0, sized for all pixels so one thread can use it alone,
   * and of share 1), and the first pixel of share 1; 0 and 0 off the wide path.
   */
  readonly inputColumns: number;
  readonly inputSplit: number;
  readonly inputColumnLists: readonly number[];
  /** The twin's buffers (`PlanSettings.twin`), or null. */
  readonly twin: TwinPlan | null;
  /** First byte after the plan: the training set's sparse store goes here (it grows). */
  readonly end: number;
}

const align = (x: number, to = 64): number => Math.ceil(x / to) * to;

/** Whether a network of these layer sizes trains on the wide path. */
export function isWide(sizes: readonly number[]): boolean {
  return sizes.length > 2 && Math.max(...sizes.slice(1, -1)) >= WIDE_FROM;
}

/**
 * Whether the wide path applies dropout itself (asm/wide.ts), on one thread or two: for ReLU
 * hidden layers, whose errors it computes from the non-zero lists, so that a dropped neuron
 * (its activation made 0) simply drops out of them. Other runs with dropout take the plain
 * kernels' dropout step (asm/dropout.ts, one thread).
 */
export function wideDropout(sizes: readonly number[], activation: HiddenActivationName): boolean {
  return isWide(sizes) && activation === 'relu';
}

/**
 * The row stride of a layer of n neurons. On the wide path a stride that is a multiple of 128
 * floats (512 bytes) gets 16 more: walking down a column of such a matrix (the products step
 * from weight row k to k+1) would otherwise hit the same few cache sets again and again, and
 * a whole cache line (16 floats) keeps every row's strips of 16 neurons on one line each
 * (measured: 3–4 % faster per batch than 4 more, at 784-512-512-10).
 */
function strideFor(n: number, wide: boolean): number {
  const s = Math.ceil(n / 4) * 4;
  return wide && s % 128 === 0 ? s + 16 : s;
}

/**
 * Places every buffer, starting at `base` (the kernels' heap base). Optimizer state is only
 * allocated for the optimizers that have some (momentum: one buffer, Adam: two).
 */
export function planMemory(settings: PlanSettings, base: number): MemoryPlan {
  const { sizes, capacity } = settings;
  const wide = isWide(sizes);
  let at = align(base);
  const take = (bytes: number): number => {
    const address = at;
    at = align(at + bytes);
    return address;
  };
  const L = sizes.length - 1;
  const share = settings.mainShare ?? 0.5;
  const table = take(T.HEADER_BYTES + L * T.LAYER_BYTES);
  const lut = take(256 * 4);
  const layers: LayerPlan[] = [];
  const states = settings.optimizer === 'adam' ? 2 : settings.optimizer === 'momentum' ? 1 : 0;
  for (let l = 0; l < L; l++) {
    const nIn = sizes[l];
    const nOut = sizes[l + 1];
    const stride = strideFor(nOut, wide);
    const w = nIn * stride * 4;
    const b = stride * 4;
    const batch = capacity * stride * 4;
    const hidden = l < L - 1;
    const split = hidden ? Math.round((nOut * share) / 4) * 4 : stride;
    const masked = hidden && settings.dropout === true && wideDropout(sizes, settings.activation);
    layers.push({
      nIn, nOut, stride,
      weights: take(w), biases: take(b),
      weightGradients: take(w), biasGradients: take(b),
      weightedInputs: take(batch), activations: take(batch), deltas: take(batch),
      state1Weights: states >= 1 ? take(w) : 0, state1Biases: states >= 1 ? take(b) : 0,
      state2Weights: states >= 2 ? take(w) : 0, state2Biases: states >= 2 ? take(b) : 0,
      split,
      nonZero: wide && hidden && settings.activation === 'relu' ? take(32) : 0,
      masks: masked ? take(batch) : 0,
    });
  }
  // The non-zero lists of ReLU layers (asm/wide.ts `nonZero`): per share, by rows (capacity + 1
  // starts, up to capacity × share entries of 8 bytes, +1: the writer stores one past the
  // last), then per share by columns (share + 1 starts, as many entries).
  const nonZeroLists = new Map<number, number[]>();
  layers.forEach((layer, l) => {
    if (layer.nonZero === 0) return;
    const shares = [layer.split, Math.max(layer.nOut - layer.split, 0)];
    const rowLists = shares.flatMap((n) => [take((capacity + 1) * 4), take((capacity * n + 1) * 8)]);
    const columnLists = shares.flatMap((n) => [take((n + 1) * 4), take((capacity * n + 1) * 8)]);
    nonZeroLists.set(l, [...rowLists, ...columnLists]);
  });
  // The first layer's pixels turned by columns, per share of its weight rows (asm/wide.ts):
  // share + 1 starts and up to capacity × share entries of 8 bytes (+1, as above).
  const nIn = sizes[0];
  const inputSplit = wide ? Math.round((nIn * share) / 4) * 4 : 0;
  const inputColumns = wide ? take(16) : 0;
  const inputColumnLists = wide ? [nIn, nIn - inputSplit].flatMap((n) => [take((n + 1) * 4), take((capacity * n + 1) * 8)]) : [];
  // Packed weight panels of the wide path's dense products (asm/wide-forward.ts), one per thread.
  // (n_in rows of 32 bytes for the dense products' 8-neuron strips, of 64 for the first layer's 16.)
  const panelBytes = wide ? Math.max(...sizes.slice(0, -1)) * 64 : 0;
  const panels = take(2 * panelBytes);
  const rows = take(capacity * 4);
  const identityRows = take(capacity * 4);
  const chunkBytes = take(capacity * sizes[0]);
  const chunkOffsets = take((capacity + 1) * 4);
  const chunkEntries = take(capacity * sizes[0] * ENTRY_BYTES + 16);
  const predictions = take(capacity);
  const batchStarts = take((capacity + 1) * 4);
  const batchEntries = take(capacity * sizes[0] * 8 + 8);
  const twin = wide && settings.twin ? planTwin(layers, settings, take) : null;
  return { table, lut, layers, wide, panels, panelBytes, rows, identityRows, chunkBytes, chunkOffsets, chunkEntries, predictions, batchStarts, batchEntries, nonZeroLists, inputColumns, inputSplit, inputColumnLists, twin, end: at };
}

/** Writes the plan's layout table, the pixel look-up table, the lists' addresses and the identity rows into memory. */
export function writeLayout(memory: WebAssembly.Memory, plan: MemoryPlan, settings: PlanSettings): void {
  const i32 = new Int32Array(memory.buffer);
  const f32 = new Float32Array(memory.buffer);
  const t = plan.table >> 2;
  const header: [number, number][] = [
    [T.H_LAYERS, plan.layers.length],
    [T.H_HIDDEN, ACTIVATION_CODE[settings.activation]],
    [T.H_OUTPUT, ACTIVATION_CODE[settings.outputActivation]],
    [T.H_COST, COST_CODE[settings.cost]],
    [T.H_LUT, plan.lut],
    [T.H_LABELS, 0],
    [T.H_PREDICTIONS, plan.predictions],
    [T.H_OPTIMIZER, OPTIMIZER_CODE[settings.optimizer]],
    [T.H_BATCH_STARTS, plan.batchStarts],
    [T.H_BATCH_ENTRIES, plan.batchEntries],
    [T.H_PANELS, plan.panels],
    [T.H_PANEL_BYTES, plan.panelBytes],
    [T.H_INPUT_COLUMNS, plan.inputColumns],
    [T.H_INPUT_SPLIT, plan.inputSplit],
    [T.H_DROPOUT, 0],
  ];
  for (const [field, value] of header) i32[t + (field >> 2)] = value;
  const floats: [number, number][] = [
    [T.H_L2, settings.l2], [T.H_MOMENTUM, settings.momentum], [T.H_BETA1, settings.beta1], [T.H_BETA2, settings.beta2], [T.H_EPSILON, settings.epsilon],
    [T.H_LABEL_SMOOTHING, settings.labelSmoothing ?? 0],
  ];
  for (const [field, value] of floats) f32[t + (field >> 2)] = value;
  plan.layers.forEach((layer, l) => {
    const o = (plan.table + T.HEADER_BYTES + l * T.LAYER_BYTES) >> 2;
    for (const [field, name] of LAYER_FIELDS) i32[o + (field >> 2)] = layer[name];
  });
  for (const [l, addresses] of plan.nonZeroLists) i32.set(addresses, plan.layers[l].nonZero >> 2);
  if (plan.inputColumns !== 0) i32.set(plan.inputColumnLists, plan.inputColumns >> 2);
  // Pixel byte → input activation, exactly as the reference computes it (f64 division, then
  // rounded to float32), so both paths see the same inputs.
  for (let v = 0; v < 256; v++) f32[(plan.lut >> 2) + v] = v / 255;
  const capacity = settings.capacity;
  const u32 = new Uint32Array(memory.buffer, plan.identityRows, capacity);
  for (let r = 0; r < capacity; r++) u32[r] = r;
  if (plan.twin) writeTwinTable(memory, plan, plan.twin);
}

/** Grows `memory` so that it holds at least `bytes` bytes. Returns whether it grew (views are then stale). */
export function ensureMemory(memory: WebAssembly.Memory, bytes: number): boolean {
  const have = memory.buffer.byteLength;
  if (bytes <= have) return false;
  const PAGE = 65536;
  memory.grow(Math.ceil((bytes - have) / PAGE));
  return true;
}
