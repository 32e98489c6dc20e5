// The wide path: one mini-batch as a fixed sequence of stages, each split between two
// threads by neurons (never by examples), so that every number has one owner and is summed
// in one fixed order — two threads give the bits of one.
//
// Stages for L weight layers (the part's share of layer l is neurons [0, split) for part 0,
// [split, stride) for part 1; part 2 is a single thread doing both):
//   s = 0 … L−2   forward of hidden layer s, its activation and (ReLU) its non-zero list
//   s = L−1       the output layer, its cost and δ^L (part 0 only: it is narrow)
//   s = L+i       backward through layer l = L−1−i: δ^{l−1} for the part's inputs k, the
//                 gradient of W^l's rows k (and b^l's part), applied at once when training;
//                 for l = 0 the rows k are pixels, split at the header's H_INPUT_SPLIT
// Between stages both threads meet (src/fast/helper-pool.ts): a stage reads what the previous
// one wrote in both parts. Within a stage a part writes only its own rows or columns, and
// updates only weights no other part reads in that stage (a part's rows of W^l are read, by
// the propagation of δ^{l−1}, only by that part, before its update).
import { header, layer, H_PANELS, H_PANEL_BYTES, H_LAYERS, H_HIDDEN, H_OUTPUT, H_LUT, H_BATCH_STARTS, H_BATCH_ENTRIES, H_PREDICTIONS, H_INPUT_COLUMNS, H_INPUT_SPLIT, H_DROPOUT, L_IN, L_OUT, L_STRIDE, L_Z, L_A, L_SPLIT, L_NONZERO, L_MASK, ACT_SIGMOID, ACT_RELU, ACT_TANH } from './layout';
import { gatherBatchEntries } from './sparse';
import { activate } from './forward';
import { outputErrors, argmax } from './cost';
import { setStep } from './optimizer';
import { sigmoidv, reluv, tanhv } from './math';
import { forwardDenseRange, forwardListRange, listNonZero } from './wide-forward';
import { forwardInputRange } from './wide-input';
import { PANEL_ROW } from './panel';
import { propagateRange, weightGradientRange, biasRange } from './wide-backward';
import { propagateListRange, columnLists, weightGradientColumnsRange } from './wide-sparse';

/** Stage modes: train (fused update), gradients only (stored in GW/GB), predict (forward only). */
export const MODE_TRAIN = 0;
export const MODE_GRADIENTS = 1;
export const MODE_PREDICT = 2;

let batchRows: usize = 0;
let batchLabels: usize = 0;

/** First neuron of `part`'s share of layer l. */
// @ts-ignore: decorator
@inline function lo(l: i32, part: i32): usize {
  return part == 1 ? <usize>layer(l, L_SPLIT) : 0;
}

/** One past the last neuron of `part`'s share of layer l (its stride for the last part). */
// @ts-ignore: decorator
@inline function hi(l: i32, part: i32): usize {
  return part == 0 ? <usize>layer(l, L_SPLIT) : <usize>layer(l, L_STRIDE);
}

/** `hi` for layer l's neurons as inputs k of layer l+1 (no padding rows there). */
// @ts-ignore: decorator
@inline function hiInputs(l: i32, part: i32): usize {
  const h = hi(l, part);
  const n = <usize>layer(l, L_OUT);
  return h < n ? h : n;
}

/**
 * Starts a batch on the main thread, before any stage: decodes rows 0 … count−1's non-zero
 * pixels (row r = example rows[r] of the sparse store) into the batch entry list, and
 * remembers the rows and labels for the output stage.
 */
export function wideBegin(count: i32, rows: usize, offsets: usize, entries: usize, labels: usize): void {
  batchRows = rows;
  batchLabels = labels;
  gatherBatchEntries(count, rows, offsets, entries, PANEL_ROW, <usize>header(H_LUT), <usize>header(H_BATCH_STARTS), <usize>header(H_BATCH_ENTRIES));
}

/** Fixes the optimizer step for the stages that follow (each thread calls it once per batch). */
export function wideStep(lr: f32, count: i32, c1: f32, c2: f32): void {
  setStep(lr, <f32>1 / <f32>count, c1, c2);
}

/** Number of stages of one batch in `mode`. */
export function wideStages(mode: i32): i32 {
  const L = header(H_LAYERS);
  return mode == MODE_PREDICT ? L : 2 * L;
}

/** Runs `part`'s share of stage `stage`. Returns Σ_x C_x from the output stage (0 otherwise). */
export function wideStage(part: i32, stage: i32, count: i32, mode: i32): f64 {
  const L = header(H_LAYERS);
  // Dropout (src/fast/layout.ts `wideDropout`): ReLU hidden layers' masks, in training only.
  const masked = mode != MODE_PREDICT && header(H_DROPOUT) != 0;
  if (stage < L - 1) {
    forwardHidden(stage, part, count, masked);
    return 0;
  }
  if (stage == L - 1) {
    if (part == 1) return 0;
    forwardOutput(count);
    if (mode == MODE_PREDICT) {
      const n = <usize>layer(L - 1, L_OUT);
      const S = <usize>layer(L - 1, L_STRIDE);
      const A = <usize>layer(L - 1, L_A);
      const out = <usize>header(H_PREDICTIONS);
      for (let r = 0; r < count; r++) store<u8>(out + <usize>r, <u8>argmax(A + <usize>r * S * 4, n));
      return 0;
    }
    return outputErrors(count, batchRows, batchLabels);
  }
  const l = 2 * L - 1 - stage;
  const fused = mode == MODE_TRAIN;
  if (l > 0) {
    if (header(H_HIDDEN) == ACT_RELU) {
      // Through the ReLU layer l−1, from each share's non-zero list (both for a single thread).
      for (let h = part == 1 ? 1 : 0; h <= (part == 0 ? 0 : 1); h++) {
        const k0 = lo(l - 1, h), k1 = hiInputs(l - 1, h);
        const i = <usize>(2 * h);
        propagateListRange(l, count, k0, k1, nonZero(l - 1, i), nonZero(l - 1, i + 1), masked ? <usize>layer(l - 1, L_MASK) : 0);
        columnLists(count, k0, k1, nonZero(l - 1, i), nonZero(l - 1, i + 1), nonZero(l - 1, i + 4), nonZero(l - 1, i + 5));
        weightGradientColumnsRange(l, k0, k1, nonZero(l - 1, i + 4), nonZero(l - 1, i + 5), fused);
      }
    } else {
      const k0 = lo(l - 1, part), k1 = hiInputs(l - 1, part);
      propagateRange(l, count, k0, k1);
      weightGradientRange(l, count, k0, k1, fused);
    }
    if (l < L - 1) biasRange(l, count, lo(l, part), hi(l, part), fused);
    else if (part != 1) biasRange(l, count, 0, <usize>layer(l, L_STRIDE), fused);
  } else {
    biasRange(0, count, lo(0, part), hi(0, part), fused);
    // The first layer's weight rows are shared by pixels: this part's rows k get their
    // gradient from the batch's pixels turned by columns, summed over the rows in order in
    // registers and applied at once (no read-modify-write of a gradient per pixel).
    const split = <usize>header(H_INPUT_SPLIT);
    const k0: usize = part == 1 ? split : 0;
    const k1: usize = part == 0 ? split : <usize>layer(0, L_IN);
    const lists = <usize>header(H_INPUT_COLUMNS) + (part == 1 ? 8 : 0);
    const colStarts = <usize>load<u32>(lists), colList = <usize>load<u32>(lists, 4);
    columnLists(count, k0, k1, <usize>header(H_BATCH_STARTS), <usize>header(H_BATCH_ENTRIES), colStarts, colList, PANEL_ROW);
    weightGradientColumnsRange(0, k0, k1, colStarts, colList, fused);
  }
  return 0;
}

/**
 * The addresses of a ReLU layer's lists: 0–3 the row lists (starts and entries of share 0,
 * then of share 1), 4–7 the same turned by columns (asm/wide-sparse.ts `columnLists`).
 */
// @ts-ignore: decorator
@inline function nonZero(l: i32, i: usize): usize {
  return <usize>load<u32>(<usize>layer(l, L_NONZERO) + (i << 2));
}

/** This thread's scratch for packed weight panels (part 1 has its own; a single thread uses part 0's). */
// @ts-ignore: decorator
@inline function panel(part: i32): usize {
  return <usize>header(H_PANELS) + (part == 1 ? <usize>header(H_PANEL_BYTES) : 0);
}

/**
 * Hidden layer l's share of `part`: z, a = f(z) (`masked`: times the layer's dropout masks, as
 * asm/dropout.ts masks them) and, for ReLU, the list of non-zero a.
 */
function forwardHidden(l: i32, part: i32, count: i32, masked: bool): void {
  const j0 = lo(l, part), j1 = hi(l, part);
  if (l == 0) forwardInputRange(count, j0, j1, panel(part));
  else if (header(H_HIDDEN) == ACT_RELU) forwardListRange(l, count, j0, j1, nonZero(l - 1, 0), nonZero(l - 1, 1), nonZero(l - 1, 2), nonZero(l - 1, 3), panel(part));
  else forwardDenseRange(l, count, j0, j1, panel(part));
  activateRange(l, count, j0, j1, header(H_HIDDEN));
  if (masked) maskRange(l, count, j0, j1);
  if (header(H_HIDDEN) == ACT_RELU) {
    // Always the two parts' lists, so that the next layer reads the same entries either way.
    if (part != 1) listNonZero(l, count, 0, lo(l, 1), nonZero(l, 0), nonZero(l, 1));
    if (part != 0) listNonZero(l, count, lo(l, 1), hi(l, 1), nonZero(l, 2), nonZero(l, 3));
  }
}

/** The output layer (all of it: it is narrow): z, a = f(z). */
function forwardOutput(count: i32): void {
  const L = header(H_LAYERS);
  const l = L - 1;
  const S = <usize>layer(l, L_STRIDE);
  if (header(H_HIDDEN) == ACT_RELU) forwardListRange(l, count, 0, S, nonZero(l - 1, 0), nonZero(l - 1, 1), nonZero(l - 1, 2), nonZero(l - 1, 3), panel(0));
  else forwardDenseRange(l, count, 0, S, panel(0));
  activate(l, count, header(H_OUTPUT));
}

/** a ← a ⊙ m for neurons [j0, j1) of every batch row: the layer's dropout masks (0 or 1/(1 − p); 0 in the padding lanes). */
function maskRange(l: i32, count: i32, j0: usize, j1: usize): void {
  const S = <usize>layer(l, L_STRIDE);
  const A = <usize>layer(l, L_A);
  const M = <usize>layer(l, L_MASK);
  for (let r = 0; r < count; r++) {
    const from = (<usize>r * S + j0) * 4, to = (<usize>r * S + j1) * 4;
    for (let i = from; i < to; i += 16) v128.store(A + i, f32x4.mul(v128.load(A + i), v128.load(M + i)));
  }
}

/** a = f(z) for neurons [j0, j1) of every batch row (padding lanes too; never read as inputs). */
function activateRange(l: i32, count: i32, j0: usize, j1: usize, act: i32): void {
  const S = <usize>layer(l, L_STRIDE);
  const Z = <usize>layer(l, L_Z);
  const A = <usize>layer(l, L_A);
  for (let r = 0; r < count; r++) {
    const from = (<usize>r * S + j0) * 4, to = (<usize>r * S + j1) * 4;
    if (act == ACT_SIGMOID) for (let i = from; i < to; i += 16) v128.store(A + i, sigmoidv(v128.load(Z + i)));
    else if (act == ACT_RELU) for (let i = from; i < to; i += 16) v128.store(A + i, reluv(v128.load(Z + i)));
    else if (act == ACT_TANH) for (let i = from; i < to; i += 16) v128.store(A + i, tanhv(v128.load(Z + i)));
    else unreachable();
  }
}
