import type { Network } from '../../../../core/network.js';
import { type Trace, traceForward } from '../../../../core/trace.js';

/**
 * The learner's digit through a network for a figure that shows one layer's z and a (the
 * matrix, the hope): the engine's transparent pass (`traceForward`, float64, every z and a
 * kept), on the 784 pixels scaled to [0, 1]. What the network answers — the outputs and the
 * brightest — every section takes from `networkAnswer` (shared/inference.ts), the pass the
 * Lab shows, so the same drawing gets the same answer on both pages.
 */
export function forwardPixels(net: Network, pixels: Uint8Array): Trace {
  return traceForward(net, Float64Array.from(pixels, (v) => v / 255));
}

/** Calls `draw` now and after every change of the learner's digit, at most once per frame. */
export function everyFrame(watch: (listener: () => void) => void, draw: () => void): void {
  let pending = false;
  draw();
  watch(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      draw();
    });
  });
}

/** `n` formatted in the learner's language, written for TeX (a decimal comma as {,}, a thin space as \,). */
export function texNumber(format: (n: number, digits?: number) => string, n: number, digits: number): string {
  return format(n, digits).replace(/,/g, '{,}').replace(/[\u00a0\u202f ]/g, '\\,').replace(/[−-]/g, '-');
}
