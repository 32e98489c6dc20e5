import * as T from './layout-table.js';

/**
 * A second set of the forward pass's per-row buffers, with a layout table of its own that
 * points to the same parameters: a kernels instance set to this table runs a whole forward
 * pass (asm/wide.ts, part 2) on its own chunk of images while another instance, on the main
 * table, runs one on another — evaluation split between two threads by images, with no
 * meeting between layers. (Each row's answer depends on that row alone: the same bits.)
 */
export interface TwinPlan {
  readonly table: number;
  readonly chunkBytes: number;
  readonly chunkOffsets: number;
  readonly chunkEntries: number;
  readonly predictions: number;
  /** Per layer: weighted inputs and activations; per ReLU layer its lists' eight addresses (only the row lists are used). */
  readonly layers: readonly { readonly weightedInputs: number; readonly activations: number; readonly nonZero: number }[];
  readonly nonZeroLists: ReadonlyMap<number, readonly number[]>;
  readonly panels: number;
  readonly batchStarts: number;
  readonly batchEntries: number;
}

/** What the twin copies of a main plan's layer (layout.ts `LayerPlan`; kept apart so that this file does not import the plan's). */
interface TwinSource {
  readonly stride: number;
  readonly nOut: number;
  readonly split: number;
  readonly nonZero: number;
}

/** The twin's buffers (see `TwinPlan`), sized as the main plan's. */
export function planTwin(layers: readonly TwinSource[], settings: { readonly sizes: readonly number[]; readonly capacity: number }, take: (bytes: number) => number): TwinPlan {
  const { sizes, capacity } = settings;
  const table = take(T.HEADER_BYTES + layers.length * T.LAYER_BYTES);
  const twinLayers = layers.map((layer) => ({
    weightedInputs: take(capacity * layer.stride * 4),
    activations: take(capacity * layer.stride * 4),
    nonZero: layer.nonZero === 0 ? 0 : take(32),
  }));
  const nonZeroLists = new Map<number, number[]>();
  layers.forEach((layer, l) => {
    if (layer.nonZero === 0) return;
    const shares = [layer.split, Math.max(layer.nOut - layer.split, 0)];
    // The row lists (by columns is for the backward pass: those addresses repeat the row lists', never used).
    const rowLists = shares.flatMap((n) => [take((capacity + 1) * 4), take((capacity * n + 1) * 8)]);
    nonZeroLists.set(l, [...rowLists, ...rowLists]);
  });
  const panels = take(Math.max(...sizes.slice(0, -1)) * 64);
  return {
    table,
    chunkBytes: take(capacity * sizes[0]),
    chunkOffsets: take((capacity + 1) * 4),
    chunkEntries: take(capacity * sizes[0] * T.ENTRY_BYTES + 16),
    predictions: take(capacity),
    layers: twinLayers,
    nonZeroLists,
    panels,
    batchStarts: take((capacity + 1) * 4),
    batchEntries: take(capacity * sizes[0] * 8 + 8),
  };
}

/** The twin's table: the main table with its own per-row buffers in place of the main plan's. */
export function writeTwinTable(memory: WebAssembly.Memory, plan: { readonly table: number; readonly layers: readonly unknown[] }, twin: TwinPlan): void {
  const i32 = new Int32Array(memory.buffer);
  const bytes = T.HEADER_BYTES + plan.layers.length * T.LAYER_BYTES;
  i32.copyWithin(twin.table >> 2, plan.table >> 2, (plan.table + bytes) >> 2);
  const t = twin.table >> 2;
  const header: [number, number][] = [
    [T.H_PREDICTIONS, twin.predictions], [T.H_BATCH_STARTS, twin.batchStarts], [T.H_BATCH_ENTRIES, twin.batchEntries], [T.H_PANELS, twin.panels],
  ];
  for (const [field, value] of header) i32[t + (field >> 2)] = value;
  twin.layers.forEach((layer, l) => {
    const o = t + ((T.HEADER_BYTES + l * T.LAYER_BYTES) >> 2);
    i32[o + (T.L_Z >> 2)] = layer.weightedInputs;
    i32[o + (T.L_A >> 2)] = layer.activations;
    i32[o + (T.L_NONZERO >> 2)] = layer.nonZero;
  });
  for (const [l, addresses] of twin.nonZeroLists) i32.set(addresses, twin.layers[l].nonZero >> 2);
}
