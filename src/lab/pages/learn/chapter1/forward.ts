import type { Network } from '../../../../core/network.js';
import { type Trace, traceForward } from '../../../../core/trace.js';

/**
 * How chapter 1's sections run the learner's digit through a network: the engine's transparent
 * pass (`traceForward`, float64, every z and a kept), on the 784 pixels scaled to [0, 1]. All
 * but one: "Layers in between" (layers.ts) draws the Lab's network view, which takes the Lab's
 * `infer` (shared/inference.ts, the core float32 forward pass).
 */
export function forwardPixels(net: Network, pixels: Uint8Array): Trace {
  return traceForward(net, Float64Array.from(pixels, (v) => v / 255));
}

/** The index of the largest of `values` (the network's answer for its outputs). */
export function brightest(values: ArrayLike<number>): number {
  let best = 0;
  for (let j = 1; j < values.length; j++) if (values[j] > values[best]) best = j;
  return best;
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
