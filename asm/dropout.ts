// Dropout in the kernels: one mini-batch step in which every hidden neuron's activation is
// multiplied by a mask entry m (0 = dropped, 1/(1 − p) = kept; drawn in TypeScript from the
// run's Rng and written to memory by src/fast/dropout-backend.ts), forward and backward:
//   forward:   ã^l = m^l ⊙ f(z^l)                       (the next layer sees ã)
//   backward:  δ^l = (W^{l+1} δ^{l+1}) ⊙ f'(z^l) ⊙ m^l  (no error flows through a dropped neuron)
// The weight gradients use ã, as the forward pass did; f' needs the unmasked a = f(z) (σ' =
// a(1 − a)), so each hidden layer's a is saved before masking and put back before its error
// is computed. Composed from the plain kernels (forward.ts, backward.ts), which stay unaware.
import { header, layer, H_LAYERS, H_HIDDEN, H_OUTPUT, L_STRIDE, L_A, L_D } from './layout';
import { forwardSparseInput, forwardDense, activate } from './forward';
import { outputErrors } from './cost';
import { biasGradient, weightGradientDense, propagate } from './backward';
import { inputGradientRange } from './input-gradient';
import { updateParameters } from './optimizer';

/**
 * Where hidden layer l's block starts in a region holding, for each hidden layer in turn,
 * `capacity` rows × stride floats (the masks, or the saved activations).
 */
function block(base: usize, l: i32, capacity: i32): usize {
  let at = base;
  for (let i = 0; i < l; i++) at += <usize>capacity * <usize>layer(i, L_STRIDE) * 4;
  return at;
}

/** Saves hidden layer l's activations to `saved`, then multiplies them by the mask, lane by lane. */
function maskActivations(l: i32, count: i32, mask: usize, saved: usize): void {
  const A = <usize>layer(l, L_A);
  const bytes = <usize>count * <usize>layer(l, L_STRIDE) * 4;
  memory.copy(saved, A, bytes);
  for (let i: usize = 0; i < bytes; i += 16) v128.store(A + i, f32x4.mul(v128.load(A + i), v128.load(mask + i)));
}

/** Multiplies hidden layer l's errors δ by its mask. */
function maskErrors(l: i32, count: i32, mask: usize): void {
  const D = <usize>layer(l, L_D);
  const bytes = <usize>count * <usize>layer(l, L_STRIDE) * 4;
  for (let i: usize = 0; i < bytes; i += 16) v128.store(D + i, f32x4.mul(v128.load(D + i), v128.load(mask + i)));
}

/**
 * One mini-batch step with dropout on every hidden layer (as `trainBatch` otherwise): masks
 * and saved activations are regions laid out by `block` for `capacity` rows. Returns Σ_x C_x.
 */
export function trainBatchDropout(count: i32, rows: usize, offsets: usize, entries: usize, labels: usize, lr: f32, c1: f32, c2: f32, masks: usize, saved: usize, capacity: i32): f64 {
  const L = header(H_LAYERS);
  forwardSparseInput(count, rows, offsets, entries);
  activate(0, count, L == 1 ? header(H_OUTPUT) : header(H_HIDDEN));
  if (L > 1) maskActivations(0, count, block(masks, 0, capacity), block(saved, 0, capacity));
  for (let l = 1; l < L; l++) {
    forwardDense(l, count);
    activate(l, count, l == L - 1 ? header(H_OUTPUT) : header(H_HIDDEN));
    if (l < L - 1) maskActivations(l, count, block(masks, l, capacity), block(saved, l, capacity));
  }
  const costSum = outputErrors(count, rows, labels);
  for (let l = L - 1; l >= 0; l--) {
    biasGradient(l, count);
    if (l > 0) {
      weightGradientDense(l, count);
      // Unmasked activations back for f'(z^{l−1}); the masked ones were only needed above.
      memory.copy(<usize>layer(l - 1, L_A), block(saved, l - 1, capacity), <usize>count * <usize>layer(l - 1, L_STRIDE) * 4);
      propagate(l, count);
      maskErrors(l - 1, count, block(masks, l - 1, capacity));
    } else {
      inputGradientRange(count, 0, <usize>layer(0, L_STRIDE), false);
    }
  }
  updateParameters(lr, <f32>1 / <f32>count, c1, c2, false);
  return costSum;
}
