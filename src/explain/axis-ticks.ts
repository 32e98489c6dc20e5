/**
 * Axis ticks for the figures' axes, the same in the CLI's PNGs and on the Lab's canvases
 * (browser-safe: numbers only). The step is the smallest "nice" number — 1, 2 or 5 times a
 * power of ten — that gives at most about `count` intervals between `lo` and `hi`; the ticks
 * are the multiples of that step inside [lo, hi].
 */

/** Nice tick positions covering [lo, hi]: multiples of 1, 2 or 5 × 10^k, about `count` intervals. */
export function ticks(lo: number, hi: number, count = 6): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  // Each tick is first·step + i·step computed afresh, so rounding does not pile up along the axis.
  const first = Math.ceil(lo / step);
  for (let i = first; i * step <= hi + 1e-9 * step; i++) out.push(i === 0 ? 0 : i * step);
  return out;
}

/** A tick's label: the value to `digits` significant digits, without trailing zeros. */
export function tickLabel(value: number, digits = 4): string {
  return Number(value.toPrecision(digits)).toString();
}
