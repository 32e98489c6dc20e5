// The layout table: where every buffer of the network lives in linear memory.
//
// The JavaScript side (src/fast/layout.ts) owns the memory plan: it places every buffer,
// writes this table of byte offsets once, and hands its address to `setLayout`. The kernels
// only read it. Keeping the plan in one place means the two sides cannot disagree.
//
// Header (i32 fields at the table's start):
export const H_LAYERS: u32 = 0; //      L, the number of weight layers
export const H_HIDDEN: u32 = 4; //      hidden activation: ACT_*
export const H_OUTPUT: u32 = 8; //      output activation: ACT_* or ACT_SOFTMAX
export const H_COST: u32 = 12; //       COST_*
export const H_LUT: u32 = 16; //        256 f32: byte → byte/255, the input pixel values
export const H_LABELS: u32 = 20; //     u8 per batch row: the row's label
export const H_PREDICTIONS: u32 = 24; // u8 per batch row: the argmax answer
export const H_OPTIMIZER: u32 = 28; // OPT_*
export const H_L2: u32 = 32; //         f32 λ: the L2 penalty adds λ·w to each weight's gradient
export const H_MOMENTUM: u32 = 36; //   f32 μ
export const H_BETA1: u32 = 40; //      f32 Adam β1
export const H_BETA2: u32 = 44; //      f32 Adam β2
export const H_EPSILON: u32 = 48; //    f32 Adam ε
export const H_BATCH_STARTS: u32 = 52; // u32 per batch row + 1: where the row's decoded entries start
export const H_BATCH_ENTRIES: u32 = 56; // decoded entries of the batch: (u32 byte offset of Wᵀ row k, f32 x_k)
export const HEADER_BYTES: u32 = 64;
// Then one record of LAYER_BYTES per weight layer l = 0 … L−1 (i32 fields):
export const L_IN: u32 = 0; //   n_in, neurons of the layer before
export const L_OUT: u32 = 4; //  n_out, neurons of this layer
export const L_STRIDE: u32 = 8; // n_out rounded up to a multiple of 4 (one f32x4), row stride of W, Z, A, D
export const L_W: u32 = 12; //   weights, transposed: n_in rows × stride; row k = weights out of input k
export const L_B: u32 = 16; //   biases (stride)
export const L_GW: u32 = 20; //  Σ_x ∂C_x/∂W, same shape as W
export const L_GB: u32 = 24; //  Σ_x ∂C_x/∂b
export const L_Z: u32 = 28; //   weighted inputs z, batch rows × stride
export const L_A: u32 = 32; //   activations a = f(z), batch rows × stride
export const L_D: u32 = 36; //   errors δ = ∂C_x/∂z, batch rows × stride
export const L_S1W: u32 = 40; // optimizer state 1 (momentum velocity, Adam m) for W
export const L_S1B: u32 = 44; //   … for b
export const L_S2W: u32 = 48; // optimizer state 2 (Adam v) for W
export const L_S2B: u32 = 52; //   … for b
export const LAYER_BYTES: u32 = 64;

export const ACT_SIGMOID: i32 = 0;
export const ACT_RELU: i32 = 1;
export const ACT_TANH: i32 = 2;
export const ACT_SOFTMAX: i32 = 3;
export const COST_QUADRATIC: i32 = 0;
export const COST_CROSS_ENTROPY: i32 = 1;
export const OPT_SGD: i32 = 0;
export const OPT_MOMENTUM: i32 = 1;
export const OPT_ADAM: i32 = 2;

let table: usize = 0;

/** Remembers where the layout table is. */
export function useLayout(address: usize): void {
  table = address;
}

/** A header field. */
// @ts-ignore: decorator
@inline export function header(field: u32): i32 {
  return load<i32>(table + field);
}

/** A float header field. */
// @ts-ignore: decorator
@inline export function headerF32(field: u32): f32 {
  return load<f32>(table + field);
}

/** A field of layer l's record (a size or a byte offset). */
// @ts-ignore: decorator
@inline export function layer(l: i32, field: u32): i32 {
  return load<i32>(table + HEADER_BYTES + <usize>l * LAYER_BYTES + field);
}
