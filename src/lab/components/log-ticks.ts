/**
 * Tick positions for the charts' logarithmic axes: 1, 2, 5 × 10^k (the CLI's log-axis PNGs
 * label the same), and 0 when the range starts there (the mini-batch axis is an arcsinh
 * scale: linear near 0, logarithmic beyond, so the untrained network's point at 0 stays on
 * the chart). Powers of ten first, then 5s and 2s where they fit: every kept tick is at least
 * `minGap` pixels (`toPixel` places a value) from its neighbours.
 */
export function logTicks(min: number, max: number, toPixel: (v: number) => number, minGap: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(max > min)) return [];
  const low = Math.max(min, min <= 0 ? 1 : min);
  const candidates = (mantissa: number): number[] => {
    const out: number[] = [];
    for (let k = Math.floor(Math.log10(low)) - 1; k <= Math.ceil(Math.log10(max)); k++) {
      const v = Number((mantissa * 10 ** k).toPrecision(12));
      if (v >= low && v <= max) out.push(v);
    }
    return out;
  };
  const kept: { v: number; px: number }[] = min <= 0 ? [{ v: 0, px: toPixel(0) }] : [];
  for (const mantissa of [1, 5, 2]) {
    for (const v of candidates(mantissa)) {
      const px = toPixel(v);
      if (kept.every((t) => Math.abs(t.px - px) >= minGap)) kept.push({ v, px });
    }
  }
  return kept.map((t) => t.v).sort((a, b) => a - b);
}

/** A tick of a log axis as text: whole numbers as the language writes them, small ones with the decimals they need. */
export function logTickLabel(v: number, num: (n: number, digits?: number) => string): string {
  if (v === 0 || v >= 1) return num(v, 0);
  return num(v, Math.min(8, Math.ceil(-Math.log10(v) - 1e-9)));
}
