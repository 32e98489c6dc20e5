// The layout table's field offsets and codes: the one source of truth for both sides.
//
// This file is plain TypeScript that AssemblyScript compiles too (untyped integer constants
// are i32 in both): the kernels (asm/) import it through asm/layout.ts, the JavaScript memory
// plan (layout.ts beside it) imports it directly, so the two cannot drift apart.
// test/fast/layout.test.ts checks that the compiled kernels read what the plan writes.

// Header (i32 fields at the table's start):
/** L, the number of weight layers. */
export const H_LAYERS = 0;
/** Hidden activation: ACT_*. */
export const H_HIDDEN = 4;
/** Output activation: ACT_* or ACT_SOFTMAX. */
export const H_OUTPUT = 8;
/** COST_*. */
export const H_COST = 12;
/** 256 f32: byte → byte/255, the input pixel values. */
export const H_LUT = 16;
/** u8 per batch row: the row's label. */
export const H_LABELS = 20;
/** u8 per batch row: the argmax answer. */
export const H_PREDICTIONS = 24;
/** OPT_*. */
export const H_OPTIMIZER = 28;
/** f32 λ: the L2 penalty adds λ·w to each weight's gradient. */
export const H_L2 = 32;
/** f32 μ. */
export const H_MOMENTUM = 36;
/** f32 Adam β1. */
export const H_BETA1 = 40;
/** f32 Adam β2. */
export const H_BETA2 = 44;
/** f32 Adam ε. */
export const H_EPSILON = 48;
/** u32 per batch row + 1: where the row's decoded entries start. */
export const H_BATCH_STARTS = 52;
/** Decoded entries of the batch: (u32 byte offset of Wᵀ row k — on the wide path, of row k of a 64-byte-row panel — f32 x_k). */
export const H_BATCH_ENTRIES = 56;
/** Wide path: scratch for packed weight panels, one per thread (asm/wide-forward.ts). */
export const H_PANELS = 60;
/** Wide path: bytes of one thread's panel. */
export const H_PANEL_BYTES = 64;
/** Wide path: the address of four u32 addresses, the first layer's pixels turned by columns for each share of its weight rows (starts, entries; asm/wide.ts). */
export const H_INPUT_COLUMNS = 68;
/** Wide path: the first pixel (weight row of the first layer) of the second thread's share. */
export const H_INPUT_SPLIT = 72;
/** Wide path: 1 while a training batch with dropout runs (each ReLU layer's masks at L_MASK), else 0. */
export const H_DROPOUT = 76;
/** f32 ε of label smoothing: the cross-entropy's targets are 1 − ε + ε/n for the label and ε/n for the others (softmax output). */
export const H_LABEL_SMOOTHING = 80;
/** Bytes of the header. */
export const HEADER_BYTES = 84;

// Then one record of LAYER_BYTES per weight layer l = 0 … L−1 (i32 fields):
/** n_in, neurons of the layer before. */
export const L_IN = 0;
/** n_out, neurons of this layer. */
export const L_OUT = 4;
/** Row stride of W, Z, A, D in floats: n_out rounded up to a multiple of 4 (one f32x4), plus 4 for wide layers (see src/fast/layout.ts). */
export const L_STRIDE = 8;
/** Weights, transposed: n_in rows × stride; row k = weights out of input k. */
export const L_W = 12;
/** Biases (stride). */
export const L_B = 16;
/** Σ_x ∂C_x/∂W, same shape as W. */
export const L_GW = 20;
/** Σ_x ∂C_x/∂b. */
export const L_GB = 24;
/** Weighted inputs z, batch rows × stride. */
export const L_Z = 28;
/** Activations a = f(z), batch rows × stride. */
export const L_A = 32;
/** Errors δ = ∂C_x/∂z, batch rows × stride. */
export const L_D = 36;
/** Optimizer state 1 (momentum velocity, Adam m) for W. */
export const L_S1W = 40;
/** Optimizer state 1 for b. */
export const L_S1B = 44;
/** Optimizer state 2 (Adam v) for W. */
export const L_S2W = 48;
/** Optimizer state 2 for b. */
export const L_S2B = 52;
/** Wide path, two threads: the first neuron of the second thread's share (a multiple of 4). */
export const L_SPLIT = 56;
/** Wide path, ReLU hidden layers: this layer's non-zero activations per batch row (see asm/wide-forward.ts). */
export const L_NONZERO = 60;
/** Wide path, ReLU hidden layers of a run with dropout: the masks, batch rows × stride (0 = none; see asm/wide.ts). */
export const L_MASK = 64;
/** Bytes of one layer record. */
export const LAYER_BYTES = 68;

/** Activation codes. */
export const ACT_SIGMOID = 0;
export const ACT_RELU = 1;
export const ACT_TANH = 2;
export const ACT_SOFTMAX = 3;
/** Cost codes. */
export const COST_QUADRATIC = 0;
export const COST_CROSS_ENTROPY = 1;
/** Optimizer codes. */
export const OPT_SGD = 0;
export const OPT_MOMENTUM = 1;
export const OPT_ADAM = 2;
/** Bytes per sparse-store entry: u16 pixel index + u8 value (asm/sparse.ts). */
export const ENTRY_BYTES = 3;
