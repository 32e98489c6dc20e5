import type { HiddenActivationName, OutputActivationName } from '../core/activations.js';
import type { CostName } from '../core/costs.js';
import type { OptimizerName } from '../core/optimizers.js';

/**
 * The memory plan of one kernels instance: where each buffer lives in its linear memory, as
 * byte offsets. It mirrors `asm/layout.ts` field for field (the kernels read the table this
 * plan writes). Every buffer is 64-byte aligned; matrices have one row per batch row and a
 * row stride of n_out rounded up to 4 floats, so each row is whole f32x4 lanes and the padding
 * lanes stay zero.
 */

/** Byte offsets of the header fields (asm/layout.ts H_*). */
const H = { layers: 0, hidden: 4, output: 8, cost: 12, lut: 16, labels: 20, predictions: 24, optimizer: 28, l2: 32, momentum: 36, beta1: 40, beta2: 44, epsilon: 48, batchStarts: 52, batchEntries: 56 } as const;
const HEADER_BYTES = 64;
const LAYER_BYTES = 64;
/** Field order of a layer record (asm/layout.ts L_*), 4 bytes each. */
const LAYER_FIELDS = ['nIn', 'nOut', 'stride', 'weights', 'biases', 'weightGradients', 'biasGradients', 'weightedInputs', 'activations', 'deltas', 'state1Weights', 'state1Biases', 'state2Weights', 'state2Biases'] as const;

const ACTIVATION_CODE: Record<OutputActivationName, number> = { sigmoid: 0, relu: 1, tanh: 2, softmax: 3 };
const COST_CODE: Record<CostName, number> = { quadratic: 0, 'cross-entropy': 1 };
const OPTIMIZER_CODE: Record<OptimizerName, number> = { sgd: 0, momentum: 1, adam: 2 };

/** Where one weight layer's buffers live (byte offsets) and its sizes. */
export interface LayerPlan {
  readonly nIn: number;
  readonly nOut: number;
  /** nOut rounded up to a multiple of 4: the row stride in floats. */
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
}

/** Bytes per sparse-store entry: u16 pixel index + u8 value (asm/sparse.ts). */
export const ENTRY_BYTES = 3;

/** The complete plan: the layout table, the layers, the scratch buffers; see `planMemory`. */
export interface MemoryPlan {
  readonly table: number;
  readonly lut: number;
  readonly layers: readonly LayerPlan[];
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
  /** First byte after the plan: the training set's sparse store goes here (it grows). */
  readonly end: number;
}

const align = (x: number, to = 64): number => Math.ceil(x / to) * to;

/**
 * Places every buffer, starting at `base` (the kernels' heap base). Optimizer state is only
 * allocated for the optimizers that have some (momentum: one buffer, Adam: two).
 */
export function planMemory(settings: PlanSettings, base: number): MemoryPlan {
  const { sizes, capacity } = settings;
  let at = align(base);
  const take = (bytes: number): number => {
    const address = at;
    at = align(at + bytes);
    return address;
  };
  const L = sizes.length - 1;
  const table = take(HEADER_BYTES + L * LAYER_BYTES);
  const lut = take(256 * 4);
  const layers: LayerPlan[] = [];
  const states = settings.optimizer === 'adam' ? 2 : settings.optimizer === 'momentum' ? 1 : 0;
  for (let l = 0; l < L; l++) {
    const nIn = sizes[l];
    const nOut = sizes[l + 1];
    const stride = Math.ceil(nOut / 4) * 4;
    const w = nIn * stride * 4;
    const b = stride * 4;
    const batch = capacity * stride * 4;
    layers.push({
      nIn, nOut, stride,
      weights: take(w), biases: take(b),
      weightGradients: take(w), biasGradients: take(b),
      weightedInputs: take(batch), activations: take(batch), deltas: take(batch),
      state1Weights: states >= 1 ? take(w) : 0, state1Biases: states >= 1 ? take(b) : 0,
      state2Weights: states >= 2 ? take(w) : 0, state2Biases: states >= 2 ? take(b) : 0,
    });
  }
  const rows = take(capacity * 4);
  const identityRows = take(capacity * 4);
  const chunkBytes = take(capacity * sizes[0]);
  const chunkOffsets = take((capacity + 1) * 4);
  const chunkEntries = take(capacity * sizes[0] * ENTRY_BYTES + 16);
  const predictions = take(capacity);
  const batchStarts = take((capacity + 1) * 4);
  const batchEntries = take(capacity * sizes[0] * 8);
  return { table, lut, layers, rows, identityRows, chunkBytes, chunkOffsets, chunkEntries, predictions, batchStarts, batchEntries, end: at };
}

/** Writes the plan's layout table, the pixel look-up table and the identity rows into memory. */
export function writeLayout(memory: WebAssembly.Memory, plan: MemoryPlan, settings: PlanSettings): void {
  const i32 = new Int32Array(memory.buffer);
  const f32 = new Float32Array(memory.buffer);
  const t = plan.table >> 2;
  i32[t + (H.layers >> 2)] = plan.layers.length;
  i32[t + (H.hidden >> 2)] = ACTIVATION_CODE[settings.activation];
  i32[t + (H.output >> 2)] = ACTIVATION_CODE[settings.outputActivation];
  i32[t + (H.cost >> 2)] = COST_CODE[settings.cost];
  i32[t + (H.lut >> 2)] = plan.lut;
  i32[t + (H.labels >> 2)] = 0;
  i32[t + (H.predictions >> 2)] = plan.predictions;
  i32[t + (H.optimizer >> 2)] = OPTIMIZER_CODE[settings.optimizer];
  f32[t + (H.l2 >> 2)] = settings.l2;
  f32[t + (H.momentum >> 2)] = settings.momentum;
  f32[t + (H.beta1 >> 2)] = settings.beta1;
  f32[t + (H.beta2 >> 2)] = settings.beta2;
  f32[t + (H.epsilon >> 2)] = settings.epsilon;
  i32[t + (H.batchStarts >> 2)] = plan.batchStarts;
  i32[t + (H.batchEntries >> 2)] = plan.batchEntries;
  plan.layers.forEach((layer, l) => {
    const o = (plan.table + HEADER_BYTES + l * LAYER_BYTES) >> 2;
    LAYER_FIELDS.forEach((field, i) => (i32[o + i] = layer[field]));
  });
  // Pixel byte → input activation, exactly as the reference computes it (f64 division, then
  // rounded to float32), so both paths see the same inputs.
  for (let v = 0; v < 256; v++) f32[(plan.lut >> 2) + v] = v / 255;
  const capacity = settings.capacity;
  const u32 = new Uint32Array(memory.buffer, plan.identityRows, capacity);
  for (let r = 0; r < capacity; r++) u32[r] = r;
}

/** Grows `memory` so that it holds at least `bytes` bytes. Returns whether it grew (views are then stale). */
export function ensureMemory(memory: WebAssembly.Memory, bytes: number): boolean {
  const have = memory.buffer.byteLength;
  if (bytes <= have) return false;
  const PAGE = 65536;
  memory.grow(Math.ceil((bytes - have) / PAGE));
  return true;
}
