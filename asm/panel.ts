// Packed weight panels of the wide path's products (asm/wide-forward.ts, asm/wide-input.ts):
// a strip of 16 (or 4) neurons' weights, spread over n_in rows of W a whole row stride apart,
// copied into n_in contiguous rows of one cache line each, so that a product that walks the
// strip for many batch rows reads it from the L1 cache and from few memory pages.

/** Bytes of one input's row in a packed strip of 16 neurons: one cache line (see `forwardInputRange`). */
export const PANEL_ROW = 64;

/** Copies 16 floats (`wide`) or 4 of each of `rows` rows (`step` bytes apart, from `src`) into `panel`'s 64-byte rows. */
// @ts-ignore: decorator
@inline export function packStrip(panel: usize, src: usize, step: usize, rows: usize, wide: bool): void {
  if (wide) {
    for (let k: usize = 0; k < rows; k++) {
      const from = src + k * step, to = panel + k * PANEL_ROW;
      v128.store(to, v128.load(from)); v128.store(to, v128.load(from, 16), 16);
      v128.store(to, v128.load(from, 32), 32); v128.store(to, v128.load(from, 48), 48);
    }
  } else {
    for (let k: usize = 0; k < rows; k++) v128.store(panel + k * PANEL_ROW, v128.load(src + k * step));
  }
}
