// digitlab's training kernels, compiled by AssemblyScript to build/kernels.wasm.
//
// The module keeps no objects and never allocates: the JavaScript side (src/fast/) plans the
// linear memory, writes a layout table (layout.ts) and calls these entry points with the
// addresses of a batch's rows. One call trains one mini-batch.
import { useLayout } from './layout';
import { forwardBatch } from './forward';
import { outputErrors, argmax, lastCorrect } from './cost';
import { backwardBatch } from './backward';
import { updateParameters } from './optimizer';
import { header, layer, H_LAYERS, H_OPTIMIZER, OPT_SGD, L_OUT, L_STRIDE, L_A } from './layout';
import { wideBegin, wideStep, wideStages, wideStage } from './wide';

export { encodeSparse } from './sparse';
export { warpBatch, warpTable, warpTableBytes, warpScratchBytes } from './augment';
export { lastCorrect };

/** First free byte after the module's static data: the JavaScript side plans memory from here. */
export function heapBase(): usize {
  return __heap_base;
}

/** Sets the address of the layout table (see layout.ts). */
export function setLayout(address: usize): void {
  useLayout(address);
}

/**
 * Forward pass, output errors and backpropagation for batch rows 0 … count−1 (row r is
 * example rows[r] of the sparse store (sparse.ts); labels[example] its label). Leaves the summed
 * gradients in GW/GB, returns Σ_x C_x; `lastCorrect()` gives the right answers.
 */
export function computeGradients(count: i32, rows: usize, offsets: usize, entries: usize, labels: usize): f64 {
  forwardBatch(count, rows, offsets, entries);
  const costSum = outputErrors(count, rows, labels);
  backwardBatch(count, 0);
  return costSum;
}

/** Applies the optimizer to the gradients in GW/GB (sums over `count` rows). */
export function applyUpdate(count: i32, lr: f32, c1: f32, c2: f32): void {
  updateParameters(lr, <f32>1 / <f32>count, c1, c2, false);
}

/**
 * One mini-batch step: `computeGradients` then `applyUpdate`. Returns Σ_x C_x. With plain
 * SGD, layer 0's weights are updated during backpropagation instead (backward.ts).
 */
export function trainBatch(count: i32, rows: usize, offsets: usize, entries: usize, labels: usize, lr: f32, c1: f32, c2: f32): f64 {
  forwardBatch(count, rows, offsets, entries);
  const costSum = outputErrors(count, rows, labels);
  const sgd = header(H_OPTIMIZER) == OPT_SGD;
  backwardBatch(count, sgd ? lr / <f32>count : 0);
  updateParameters(lr, <f32>1 / <f32>count, c1, c2, sgd);
  return costSum;
}

/** Forward pass for rows 0 … count−1 and each row's argmax into out[r] (u8). */
export function predictBatch(count: i32, rows: usize, offsets: usize, entries: usize, out: usize): void {
  forwardBatch(count, rows, offsets, entries);
  const l = header(H_LAYERS) - 1;
  const n = <usize>layer(l, L_OUT);
  const S = <usize>layer(l, L_STRIDE);
  const A = <usize>layer(l, L_A);
  for (let r = 0; r < count; r++) store<u8>(out + <usize>r, <u8>argmax(A + <usize>r * S * 4, n));
}
export { trainBatchDropout } from './dropout';
export { wideBegin, wideStep, wideStages, wideStage } from './wide';

/** The wide path's whole batch on one thread (every stage, both parts' shares). Returns Σ_x C_x. */
export function wideBatch(count: i32, rows: usize, offsets: usize, entries: usize, labels: usize, mode: i32, lr: f32, c1: f32, c2: f32): f64 {
  wideBegin(count, rows, offsets, entries, labels);
  wideStep(lr, count, c1, c2);
  const stages = wideStages(mode);
  let cost: f64 = 0;
  for (let s = 0; s < stages; s++) cost += wideStage(2, s, count, mode);
  return cost;
}

/** A field of the layout table as the kernels read it (for the test that both sides agree). */
export function layoutField(l: i32, field: i32): i32 {
  return l < 0 ? header(<u32>field) : layer(l, <u32>field);
}
